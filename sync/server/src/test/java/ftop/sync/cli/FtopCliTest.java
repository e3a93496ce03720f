package ftop.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.assignment.Assignment;
import ftop.core.dataset.Dataset;
import ftop.core.store.LocalStore;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.core.validation.Contoso;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtopCliTest {

    private static final User LYNNE = new User("lynne.robbins", "Lynne Robbins", "", Set.of(UserRole.FM),
            Optional.empty(), false);
    private static final String HEADER = "tpid,customer,area,role,user,scope,primary\n";

    @TempDir
    Path dir;
    Path home;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void workspace() {
        home = dir.resolve("workspace");
        try (LocalStore store = LocalStore.open(home)) {
            store.bulkLoad(new Dataset(List.of(Contoso.FM, Contoso.FTA, Contoso.PARTNER, LYNNE),
                    List.of(Contoso.CUSTOMER, Contoso.FABRIKAM),
                    List.of(Contoso.WINNER_TENANT, Contoso.SECOND_TENANT, Contoso.FABRIKAM_TENANT),
                    List.of(), List.of(), List.of(), List.of(Contoso.primaryFm()), List.of(), List.of()), 1);
        }
    }

    private int run(String... args) {
        return FtopCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private int assignmentCount() {
        try (LocalStore store = LocalStore.open(home)) {
            return store.assignments().count();
        }
    }

    private int pendingCount() {
        try (LocalStore store = LocalStore.open(home)) {
            return store.outbox().pendingCount();
        }
    }

    private List<Assignment> assignmentsOf(long tpid) {
        try (LocalStore store = LocalStore.open(home)) {
            return store.assignments().byTpid(tpid);
        }
    }

    @Test
    void exportsTheWorkspaceAssignments() throws IOException {
        Path csv = dir.resolve("out.csv");

        int code = run("assignments", "export", "--home", home.toString(), "--out", csv.toString());

        assertThat(code).isZero();
        assertThat(Files.readString(csv)).isEqualTo("tpid,customer,area,role,user,scope,primary\r\n"
                + "1001,Contoso,Customer Health,FastTrack Manager,megan.bowen,Customer;contoso.onmicrosoft.com,yes\r\n");
        assertThat(out.toString()).contains("Exported 1 assignment to");
        assertThat(dir).isDirectoryNotContaining("glob:**/.assignments*");
    }

    @Test
    void aDryRunReportsEachLineAndWritesNothing() throws IOException {
        Path csv = file("in.csv", HEADER + "2002,Fabrikam,Customer Health,FastTrack Manager,lynne.robbins,Customer,no\n");

        int code = run("assignments", "import", csv.toString(), "--home", home.toString(), "--dry-run");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("line 2: added: adds lynne.robbins as FastTrack Manager (Customer Health) on Fabrikam.")
                .contains("in.csv: 1 added.").contains("Dry run: nothing was written.");
        assertThat(assignmentCount()).isEqualTo(1);
        assertThat(pendingCount()).isZero();
    }

    @Test
    void importsAGoodFileThroughTheOutbox() throws IOException {
        Path csv = file("in.csv", HEADER
                + "2002,Fabrikam,Customer Health,FastTrack Manager,lynne.robbins,Customer;fabrikam.com,yes\n"
                + "1001,Contoso,Customer Health,FastTrack Manager,megan.bowen,Customer;contoso.onmicrosoft.com,yes\n");

        int code = run("assignments", "import", csv.toString(), "--home", home.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("line 3: unchanged").contains("Imported: 1 added; 1 edit queued for the server.");
        List<Assignment> fabrikam = assignmentsOf(Contoso.FABRIKAM_TPID);
        assertThat(fabrikam).singleElement().satisfies(a -> {
            assertThat(a.userId()).isEqualTo("lynne.robbins");
            assertThat(a.primary()).isTrue();
            assertThat(a.tenantIds()).containsExactly(Contoso.FABRIKAM_TENANT_ID);
        });
        assertThat(pendingCount()).isEqualTo(1);
    }

    @Test
    void aFileWithBadLinesWritesNothingAndNamesEachLine() throws IOException {
        Path csv = file("in.csv", HEADER
                + "2002,Fabrikam,Customer Health,FastTrack Manager,lynne.robbins,Customer,no\n"
                + "2002,Fabrikam,Partner,FastTrack Manager,lynne.robbins,Customer,no\n"
                + "1001,Contoso,Customer Health,FastTrack Manager,nobody,Customer,no\n");

        int code = run("assignments", "import", csv.toString(), "--home", home.toString());

        assertThat(code).isEqualTo(FtopCli.BAD_INPUT);
        assertThat(out.toString()).contains("line 3: bad: The Partner area has no FastTrack Manager role")
                .contains("line 4: bad: There is no user \"nobody\"");
        assertThat(err.toString()).contains("2 bad lines: nothing was written");
        assertThat(assignmentCount()).isEqualTo(1);
        assertThat(pendingCount()).isZero();
    }

    @Test
    void applyValidImportsTheGoodLinesOnly() throws IOException {
        Path csv = file("in.csv", HEADER
                + "2002,Fabrikam,Customer Health,FastTrack Manager,lynne.robbins,Customer,no\n"
                + "1001,Contoso,Customer Health,FastTrack Manager,nobody,Customer,no\n");

        int code = run("assignments", "import", csv.toString(), "--home", home.toString(), "--apply-valid");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("1 bad line was left out");
        assertThat(assignmentsOf(Contoso.FABRIKAM_TPID)).extracting(Assignment::userId)
                .containsExactly("lynne.robbins");
    }

    @Test
    void checksPermissionsAsTheGivenUser() throws IOException {
        Path csv = file("in.csv", HEADER
                + "1001,Contoso,Onboarding,FastTrack Engineer,lynne.robbins,Customer,no\n"
                + "2002,Fabrikam,Onboarding,FastTrack Engineer,lynne.robbins,Customer,no\n");

        // Megan owns Contoso's health, not Fabrikam's.
        int code = run("assignments", "import", csv.toString(), "--home", home.toString(), "--as", "megan.bowen");

        assertThat(code).isEqualTo(FtopCli.BAD_INPUT);
        assertThat(out.toString()).contains("Checking permissions as Megan Bowen (megan.bowen).")
                .contains("line 2: added").contains("line 3: bad: Not allowed: Only the assignment team");
        assertThat(assignmentCount()).isEqualTo(1);

        assertThat(run("assignments", "import", csv.toString(), "--home", home.toString(), "--as", "nobody"))
                .isEqualTo(FtopCli.BAD_INPUT);
        assertThat(err.toString()).contains("There is no user \"nobody\" in this workspace");
    }

    @Test
    void checksPermissionsAsTheUserTheWorkspaceSignedInAs() throws IOException {
        try (LocalStore store = LocalStore.open(home)) {
            store.putSetting(ftop.core.store.WorkspaceOwner.SETTING, "alex.wilber");
        }
        Path csv = file("in.csv", HEADER + "1001,Contoso,Onboarding,FastTrack Engineer,lynne.robbins,Customer,no\n");

        int code = run("assignments", "import", csv.toString(), "--home", home.toString(), "--dry-run");

        assertThat(code).isEqualTo(FtopCli.BAD_INPUT);
        assertThat(out.toString()).contains("Checking permissions as Alex Wilber").contains("line 2: bad: Not allowed");
    }

    @Test
    void saysWhenTheWorkspaceOrFileIsMissingOrTheWorkspaceIsInUse() throws IOException {
        Path csv = file("in.csv", HEADER);

        assertThat(run("assignments", "import", csv.toString(), "--home", dir.resolve("nowhere").toString()))
                .isEqualTo(FtopCli.CANNOT_OPEN);
        assertThat(err.toString()).contains("There is no workspace in");
        assertThat(run("assignments", "import", dir.resolve("missing.csv").toString(), "--home", home.toString()))
                .isEqualTo(FtopCli.CANNOT_OPEN);
        assertThat(err.toString()).contains("There is no file");
        try (LocalStore open = LocalStore.open(home)) {
            // The desktop app has the workspace open.
            assertThat(open.directory()).isEqualTo(home.toAbsolutePath());
            assertThat(run("assignments", "export", "--home", home.toString(), "--out", dir.resolve("x.csv").toString()))
                    .isEqualTo(FtopCli.CANNOT_OPEN);
            assertThat(err.toString()).contains("Cannot open the workspace");
        }
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void replacesAPersonOnEveryCustomerWithADryRunFirst() {
        String[] replace = {"assignments", "replace", "--home", home.toString(), "--all", "--area", "Customer Health",
            "--role", "FM", "--from", "megan.bowen", "--to", "lynne.robbins"};

        int dry = run(concat(replace, "--dry-run"));

        assertThat(dry).isZero();
        assertThat(out.toString()).contains("Contoso (1001): replaced: lynne.robbins replaces megan.bowen as primary "
                + "FastTrack Manager on the customer, contoso.onmicrosoft.com.")
                .doesNotContain("Fabrikam (2002)")
                .contains("Replace megan.bowen with lynne.robbins as FastTrack Manager (Customer Health): 1 replaced, "
                        + "1 unchanged.")
                .contains("Dry run: nothing was written.");
        assertThat(assignmentsOf(Contoso.TPID)).extracting(Assignment::userId).containsExactly("megan.bowen");

        int code = run(replace);

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Done: 1 replaced; 1 edit queued for the server.");
        assertThat(assignmentsOf(Contoso.TPID)).singleElement().satisfies(a -> {
            assertThat(a.userId()).isEqualTo("lynne.robbins");
            assertThat(a.primary()).isTrue();
        });
        assertThat(pendingCount()).isEqualTo(1);
    }

    @Test
    void assignsOnTheNamedCustomersWithTheScopeAsked() {
        int code = run("assignments", "assign", "--home", home.toString(), "--tpid", "1001,2002", "--area", "onboarding",
                "--role", "FastTrack Engineer", "--user", "lynne.robbins", "--scope", "customer+all", "--verbose");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Contoso (1001): added").contains("Fabrikam (2002): added")
                .contains("Done: 2 added; 2 edits queued for the server.");
        assertThat(assignmentsOf(Contoso.TPID)).filteredOn(a -> a.userId().equals("lynne.robbins")).singleElement()
                .satisfies(a -> assertThat(a.tenantIds())
                        .containsExactlyInAnyOrder(Contoso.WINNER_TENANT_ID, Contoso.SECOND_TENANT_ID));
    }

    @Test
    void aRefusedCustomerStopsTheBatchUnlessAskedOtherwise() {
        String[] unassign = {"assignments", "unassign", "--home", home.toString(), "--tpid", "1001", "--tpid", "2002",
            "--area", "Customer Health", "--role", "FM", "--user", "megan.bowen", "--as", "alex.wilber"};

        assertThat(run(unassign)).isEqualTo(FtopCli.BAD_INPUT);
        assertThat(out.toString()).contains("Contoso (1001): refused (permission): Only the assignment team");
        assertThat(err.toString()).contains("2 refused: nothing was written");
        assertThat(assignmentCount()).isEqualTo(1);

        assertThat(run(concat(unassign, "--apply-valid"))).isZero();
        assertThat(assignmentCount()).isEqualTo(1);
        assertThat(pendingCount()).isZero();
    }

    @Test
    void unknownChoicesAreUsageErrorsNamingTheChoices() {
        assertThat(run("assignments", "assign", "--home", home.toString(), "--all", "--area", "Sales", "--role", "FM",
                "--user", "lynne.robbins")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown area \"Sales\"; choose one of Customer Health, Onboarding");
        assertThat(run("assignments", "assign", "--home", home.toString(), "--all", "--area", "Onboarding", "--role", "FE",
                "--user", "lynne.robbins", "--scope", "everywhere")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown scope \"everywhere\"");
        assertThat(run("assignments", "replace", "--home", home.toString(), "--all", "--area", "Onboarding", "--role",
                "FE", "--from", "lynne.robbins", "--to", "lynne.robbins")).isEqualTo(2);
        assertThat(err.toString()).contains("themselves");
        assertThat(run("assignments", "unassign", "--home", home.toString(), "--area", "Onboarding", "--role", "FE",
                "--user", "lynne.robbins")).isEqualTo(2);
        assertThat(pendingCount()).isZero();
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        assertThat(run("assignments", "import")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter");
        assertThat(run()).isEqualTo(2);
        assertThat(run("assignments", "export", "--home", home.toString())).isEqualTo(2);
    }
}
