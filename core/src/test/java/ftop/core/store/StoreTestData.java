package ftop.core.store;

import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.validation.Contoso;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** The Contoso fixture as a dataset, and small edits of it, for store tests. */
final class StoreTestData {

    /** A clock on the fixture's day, so validation judges the rows as the fixture intends. */
    static final Clock CLOCK = Clock.fixed(Contoso.TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private StoreTestData() {
    }

    static Dataset contoso() {
        return new Dataset(List.of(Contoso.FM, Contoso.FTA, Contoso.PARTNER),
                List.of(Contoso.CUSTOMER, Contoso.FABRIKAM),
                List.of(Contoso.WINNER_TENANT, Contoso.SECOND_TENANT, Contoso.FABRIKAM_TENANT),
                List.of(Contoso.health()),
                List.of(Contoso.note()),
                List.of(Contoso.CUSTOMER_CONTACT, Contoso.MICROSOFT_CONTACT, Contoso.FABRIKAM_CONTACT),
                List.of(Contoso.primaryFm()),
                List.of(),
                List.of());
    }

    static Customer renamed(Customer customer, String name) {
        return new Customer(customer.tpid(), name, customer.segment(), customer.region(), customer.vertical(),
                customer.area(), customer.phase(), customer.renewalDates());
    }

    static Customer withArea(Customer customer, String area) {
        return new Customer(customer.tpid(), customer.name(), customer.segment(), customer.region(), customer.vertical(),
                area, customer.phase(), customer.renewalDates());
    }
}
