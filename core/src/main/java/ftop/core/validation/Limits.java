package ftop.core.validation;

import java.time.LocalDate;

/**
 * Every length and date limit of validation, in one place, so the forms (which show them), the CSV
 * import and the server enforce the same numbers.
 */
public final class Limits {

    /** The earliest date any date field may hold. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

    /** The latest date any date field may hold. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    /** Characters in a customer's name. */
    public static final int CUSTOMER_NAME_MAX = 200;

    /** Characters in a customer's sales area. */
    public static final int AREA_MAX = 100;

    /** Characters in a tenant name: the longest domain name DNS allows. */
    public static final int TENANT_NAME_MAX = 253;

    /** Characters in each of Executive Summary, Risks and Awareness of an Enterprise Status note. */
    public static final int STATUS_TEXT_MAX = 4_000;

    /** Characters in a contact's name. */
    public static final int CONTACT_NAME_MAX = 200;

    /** Characters in a contact's free-text Title ("Intune CAT", "GTP"). */
    public static final int CONTACT_TITLE_MAX = 100;

    /** Characters in a phone number. */
    public static final int PHONE_MAX = 40;

    /** Characters in an e-mail address (RFC 5321). */
    public static final int EMAIL_MAX = 254;

    /** Characters in a user ID (sign-in alias). */
    public static final int USER_ID_MAX = 64;

    /** Characters in a person's display name. */
    public static final int DISPLAY_NAME_MAX = 200;

    /** How many quarters after the current one a forecast may project. */
    public static final int FORECAST_QUARTERS_AHEAD = 12;

    private Limits() {
    }
}
