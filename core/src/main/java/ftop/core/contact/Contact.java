package ftop.core.contact;

import java.util.Objects;
import java.util.UUID;

/**
 * A person to know for a customer: a customer contact or a Microsoft contact.
 *
 * @param id    the contact
 * @param tpid  the customer
 * @param kind  customer or Microsoft
 * @param name  full name
 * @param title free text; for Microsoft contacts it names special resources ("Intune CAT", "GTP")
 * @param email e-mail address, may be blank
 * @param phone phone number, may be blank
 */
public record Contact(UUID id, long tpid, ContactKind kind, String name, String title, String email, String phone) {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        title = title == null ? "" : title;
        email = email == null ? "" : email;
        phone = phone == null ? "" : phone;
    }
}
