package ftop.core.change;

/**
 * Field values that do not make a valid row: an unknown field, a wrong type, an unknown choice or
 * a malformed date. The message names the field and says what was expected.
 */
public class InvalidFieldsException extends RuntimeException {

    private final String field;

    public InvalidFieldsException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The dotted field name concerned, or an empty string when the problem is the whole row. */
    public String field() {
        return field;
    }
}
