package ftop.sync.client;

import ftop.core.dataset.Dataset;
import ftop.core.store.LocalStore;
import ftop.core.validation.Contoso;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** Local workspaces for sync tests: real H2 files, "today" pinned to the Contoso fixture's day. */
final class Workspaces {

    static final Clock CONTOSO_DAY = Clock.fixed(Contoso.TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private Workspaces() {
    }

    static LocalStore open(Path directory) {
        return LocalStore.open(directory, CONTOSO_DAY);
    }

    /** The Contoso fixture as a whole data set. */
    static Dataset contoso() {
        return new Dataset(List.of(Contoso.FM, Contoso.FTA, Contoso.PARTNER),
                List.of(Contoso.CUSTOMER, Contoso.FABRIKAM),
                List.of(Contoso.WINNER_TENANT, Contoso.SECOND_TENANT, Contoso.FABRIKAM_TENANT),
                List.of(Contoso.health()), List.of(Contoso.note()),
                List.of(Contoso.CUSTOMER_CONTACT, Contoso.MICROSOFT_CONTACT, Contoso.FABRIKAM_CONTACT),
                List.of(Contoso.primaryFm()), List.of(), List.of());
    }
}
