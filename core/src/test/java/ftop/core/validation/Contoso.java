package ftop.core.validation;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.contact.Contact;
import ftop.core.contact.ContactKind;
import ftop.core.customer.Customer;
import ftop.core.customer.LifecyclePhase;
import ftop.core.customer.Region;
import ftop.core.customer.Segment;
import ftop.core.customer.Vertical;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerPerspective;
import ftop.core.health.CustomerProgress;
import ftop.core.health.CustomerStatus;
import ftop.core.health.CxpWatchlist;
import ftop.core.health.HealthColour;
import ftop.core.health.OverallMindset;
import ftop.core.health.BusinessReason;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.EnterpriseLevel;
import ftop.core.tenant.Tenant;
import ftop.core.tenant.TenantOrigin;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A small, valid world for tests: Contoso (TPID 1001) with a winner tenant and a second tenant,
 * a customer contact and a Microsoft contact, and Fabrikam (TPID 2002) with one tenant. Every row
 * here passes validation on {@link #TODAY}; tests change one field to break a rule.
 */
public final class Contoso {

    /** The day the fixture's rows are valid on. */
    public static final LocalDate TODAY = LocalDate.of(2021, 5, 3);

    public static final long TPID = 1001;
    public static final long FABRIKAM_TPID = 2002;

    public static final UUID WINNER_TENANT_ID = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    public static final UUID SECOND_TENANT_ID = UUID.fromString("00000000-0000-0000-0000-00000000a002");
    public static final UUID FABRIKAM_TENANT_ID = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    public static final UUID CUSTOMER_CONTACT_ID = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    public static final UUID MICROSOFT_CONTACT_ID = UUID.fromString("00000000-0000-0000-0000-00000000c002");
    public static final UUID FABRIKAM_CONTACT_ID = UUID.fromString("00000000-0000-0000-0000-00000000c003");

    public static final Customer CUSTOMER = new Customer(TPID, "Contoso", Segment.S500, Region.UNITED_STATES,
            Vertical.MANUFACTURING, "US East", LifecyclePhase.ENABLE, List.of(LocalDate.of(2022, 6, 30)));
    public static final Customer FABRIKAM = new Customer(FABRIKAM_TPID, "Fabrikam", Segment.S1500, Region.UNITED_KINGDOM,
            Vertical.RETAIL_CONSUMER_GOODS, "", LifecyclePhase.ASSESS, List.of());

    public static final Tenant WINNER_TENANT = new Tenant(WINNER_TENANT_ID, "contoso.onmicrosoft.com", TPID, true,
            Optional.of(LocalDate.of(2020, 4, 2)), Optional.of(EnterpriseLevel.LEVEL_4), 80_000, TenantOrigin.COMMERCE_FEED);
    public static final Tenant SECOND_TENANT = new Tenant(SECOND_TENANT_ID, "contosolabs.onmicrosoft.com", TPID, false,
            Optional.empty(), Optional.empty(), 1_200, TenantOrigin.TENANT_EXCEPTION);
    public static final Tenant FABRIKAM_TENANT = new Tenant(FABRIKAM_TENANT_ID, "fabrikam.com", FABRIKAM_TPID, true,
            Optional.empty(), Optional.of(EnterpriseLevel.LEVEL_3), 20_000, TenantOrigin.REQUEST_FOR_ASSISTANCE);

    public static final Contact CUSTOMER_CONTACT = new Contact(CUSTOMER_CONTACT_ID, TPID, ContactKind.CUSTOMER,
            "Patti Fernandez", "CIO", "patti@contoso.com", "+1 425 555 0100");
    public static final Contact MICROSOFT_CONTACT = new Contact(MICROSOFT_CONTACT_ID, TPID, ContactKind.MICROSOFT,
            "Isaiah Langer", "Intune CAT", "isaiah@microsoft.com", "");
    public static final Contact FABRIKAM_CONTACT = new Contact(FABRIKAM_CONTACT_ID, FABRIKAM_TPID, ContactKind.CUSTOMER,
            "Lee Gu", "IT director", "lee@fabrikam.com", "");

    public static final User FM = new User("megan.bowen", "Megan Bowen", "megan.bowen@microsoft.com",
            Set.of(UserRole.FM), Optional.empty(), false);
    public static final User FTA = new User("alex.wilber", "Alex Wilber", "alex.wilber@microsoft.com",
            Set.of(UserRole.FTA), Optional.empty(), false);
    public static final User PARTNER = new User("frp-17.jones", "Jo Jones", "", Set.of(UserRole.PARTNER), Optional.empty(), false);

    private Contoso() {
    }

    /** A context holding every row of the fixture, on {@link #TODAY}. */
    public static InMemoryValidationContext context() {
        return new InMemoryValidationContext(TODAY).withAll(CUSTOMER, FABRIKAM, WINNER_TENANT, SECOND_TENANT,
                FABRIKAM_TENANT, CUSTOMER_CONTACT, MICROSOFT_CONTACT, FABRIKAM_CONTACT, FM, FTA, PARTNER);
    }

    /** Contoso's health, fully and validly filled in. */
    public static CustomerHealth health() {
        return new CustomerHealth(TPID,
                new CustomerProgress(Optional.of(CustomerStatus.IN_PROGRESS), Optional.of(LocalDate.of(2021, 6, 30)),
                        Optional.of(HealthColour.YELLOW), Optional.of(LocalDate.of(2021, 5, 17)),
                        Optional.of(LocalDate.of(2021, 5, 3)), Optional.of(CxpWatchlist.NOT_ON_WATCHLIST),
                        Optional.of(Region.UNITED_STATES), Optional.of(Vertical.MANUFACTURING)),
                new CustomerPerspective(Optional.of(OverallMindset.ALIGNED), Optional.of(LocalDate.of(2021, 12, 31)),
                        Optional.of(BusinessReason.MODERN_WORKPLACE), Optional.of(CUSTOMER_CONTACT_ID)));
    }

    /** A status note on Contoso's winner tenant. */
    public static EnterpriseStatusNote note() {
        return new EnterpriseStatusNote(UUID.fromString("00000000-0000-0000-0000-00000000d001"), TPID, WINNER_TENANT_ID,
                "Exchange migration 60% done; Teams pilot next.", "Network upgrade late.", "New CIO since April.",
                FM.userId(), Instant.parse("2021-05-03T09:30:00Z"));
    }

    /** Megan Bowen as primary Customer Health FM of Contoso, on the customer and its winner tenant. */
    public static Assignment primaryFm() {
        return new Assignment(UUID.fromString("00000000-0000-0000-0000-00000000e001"), TPID, AssignmentArea.CUSTOMER_HEALTH,
                Role.FM, FM.userId(), true, Set.of(WINNER_TENANT_ID), true);
    }
}
