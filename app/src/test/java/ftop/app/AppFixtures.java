package ftop.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import ftop.app.workspace.LoadedWorkspaces;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.dataset.Dataset;
import ftop.core.health.Workload;
import ftop.core.usage.WorkloadUsage;
import ftop.core.validation.Contoso;

/**
 * Contoso and Fabrikam from the core fixtures, as a small workspace: Contoso has usage that makes
 * it Yellow overall (Group 1 Green, Group 2 Red, Group 3 Yellow), a filled-in health form and a
 * winner tenant with a COVID-19 RFA; Fabrikam has no usage and no health form, so its review is
 * overdue.
 */
public final class AppFixtures {

    public static final LocalDate TODAY = Contoso.TODAY;

    private AppFixtures() {
    }

    /** A clock standing on {@link #TODAY}. */
    public static Clock clock() {
        return Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    public static List<WorkloadUsage> contosoUsage() {
        return List.of(
                usage(Workload.EXCHANGE, 700),
                usage(Workload.ODSP, 650),
                usage(Workload.WINDOWS_10, 100),
                usage(Workload.OFFICE_PROPLUS, 500),
                usage(Workload.AADP, 300),
                usage(Workload.INTUNE, 500));
    }

    private static WorkloadUsage usage(Workload workload, long active) {
        return new WorkloadUsage(Contoso.TPID, workload, active, 1000, TODAY.minusDays(3));
    }

    public static Dataset dataset() {
        return new Dataset(
                List.of(Contoso.FM, Contoso.FTA),
                List.of(Contoso.CUSTOMER, Contoso.FABRIKAM),
                List.of(Contoso.WINNER_TENANT, Contoso.SECOND_TENANT, Contoso.FABRIKAM_TENANT),
                List.of(Contoso.health()),
                List.of(Contoso.note()),
                List.of(Contoso.CUSTOMER_CONTACT, Contoso.MICROSOFT_CONTACT, Contoso.FABRIKAM_CONTACT),
                List.of(Contoso.primaryFm()),
                contosoUsage(),
                List.of());
    }

    /** {@link #dataset()} in a local store in {@code dir}, for the FastTrack Manager {@link Contoso#FM}; close it when done. */
    public static StoreWorkspace workspace(Path dir) {
        return LoadedWorkspaces.load(dir, "test", Contoso.FM.userId(), dataset(), clock());
    }
}
