package ftop.app.customer;

import java.util.Optional;

/**
 * One read-only field of a form section: its label, exactly as the FTOP guide names it, and its
 * value as text; empty when the field is not set.
 */
public record FormField(String id, String label, Optional<String> value) {

    public static FormField of(String id, String label, Optional<String> value) {
        return new FormField(id, label, value);
    }
}
