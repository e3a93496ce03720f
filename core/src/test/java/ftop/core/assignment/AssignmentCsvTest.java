package ftop.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.assignment.CsvImport.ImportLine;
import ftop.core.assignment.CsvImport.Status;
import ftop.core.csv.FormulaGuard;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.core.validation.Contoso;
import ftop.core.validation.InMemoryValidationContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentCsvTest {

    private static final String HEADER = "tpid,customer,area,role,user,scope,primary\r\n";
    private static final User LYNNE = new User("lynne.robbins", "Lynne Robbins", "", Set.of(UserRole.FM),
            Optional.empty(), false);

    private final InMemoryValidationContext context = Contoso.context().with(LYNNE);
    private final List<Assignment> assignments = new ArrayList<>(List.of(Contoso.primaryFm()));

    private CsvImport read(String text) throws IOException {
        return read(text, EditPermission.anything());
    }

    private CsvImport read(String text, EditPermission permission) throws IOException {
        return AssignmentCsv.read(new StringReader(text), AssignmentReader.of(assignments, context), permission);
    }

    @Test
    void exportWritesOneSortedLinePerAssignmentWithNamesForPeople() throws IOException {
        assignments.add(new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.PARTNER, Role.FRP, "frp-17.jones",
                false, Set.of(Contoso.SECOND_TENANT_ID, Contoso.WINNER_TENANT_ID), false));
        assignments.add(new Assignment(UUID.randomUUID(), Contoso.FABRIKAM_TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FTA,
                "alex.wilber", true, Set.of(), false));
        StringWriter out = new StringWriter();

        int written = AssignmentCsv.export(assignments, context, out);

        assertThat(written).isEqualTo(3);
        assertThat(out.toString()).isEqualTo(HEADER
                + "1001,Contoso,Customer Health,FastTrack Manager,megan.bowen,Customer;contoso.onmicrosoft.com,yes\r\n"
                + "1001,Contoso,Partner,FastTrack Ready Partner,frp-17.jones,"
                + "contoso.onmicrosoft.com;contosolabs.onmicrosoft.com,no\r\n"
                + "2002,Fabrikam,Customer Health,FastTrack Architect,alex.wilber,Customer,no\r\n");
    }

    @Test
    void anExportReadsBackAsUnchanged() throws IOException {
        StringWriter out = new StringWriter();
        AssignmentCsv.export(assignments, context, out);

        CsvImport result = read(out.toString());

        assertThat(result.lines()).extracting(ImportLine::status).containsExactly(Status.UNCHANGED);
        assertThat(result.changes().hasChanges()).isFalse();
    }

    @Test
    void aTenantNameHoldingTheSeparatorIsExportedAsItsIdAndReadsBack() throws IOException {
        context.with(new ftop.core.tenant.Tenant(Contoso.SECOND_TENANT_ID, "labs;old", Contoso.TPID, false,
                Optional.empty(), Optional.empty(), 10, ftop.core.tenant.TenantOrigin.TENANT_EXCEPTION));
        assignments.add(new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.PARTNER, Role.FRP, "frp-17.jones",
                false, Set.of(Contoso.SECOND_TENANT_ID), false));
        StringWriter out = new StringWriter();

        AssignmentCsv.export(assignments, context, out);

        assertThat(out.toString()).contains("frp-17.jones," + Contoso.SECOND_TENANT_ID + ",no");
        assertThat(read(out.toString()).lines()).extracting(ImportLine::status)
                .containsOnly(Status.UNCHANGED);
    }

    @Test
    void namesThatASpreadsheetWouldRunAsFormulasAreDefusedAndReadBack() throws IOException {
        context.with(new ftop.core.customer.Customer(Contoso.TPID, "=HYPERLINK(\"http://x\")", Contoso.CUSTOMER.segment(),
                Contoso.CUSTOMER.region(), Contoso.CUSTOMER.vertical(), "", Contoso.CUSTOMER.phase(), List.of()));
        StringWriter out = new StringWriter();

        AssignmentCsv.export(assignments, context, out);

        assertThat(out.toString()).contains("1001,\"'=HYPERLINK(\"\"http://x\"\")\",Customer Health");
        assertThat(read(out.toString()).lines()).extracting(ImportLine::status).containsExactly(Status.UNCHANGED);
        assertThat(FormulaGuard.restore("'plain")).isEqualTo("'plain");
        // One rule with the Portfolio export: a plain number can run nothing and stays a number.
        assertThat(FormulaGuard.neutralise("-5")).isEqualTo("-5");
        assertThat(FormulaGuard.neutralise("-5+A1")).isEqualTo("'-5+A1");
    }

    @Test
    void aGoodFileAddsAndChangesLineByLine() throws IOException {
        String file = "\uFEFF" + HEADER
                + "1001,Contoso,Customer Health,FastTrack Manager,megan.bowen,Customer;contoso.onmicrosoft.com;"
                + "contosolabs.onmicrosoft.com,yes\r\n"
                + "\r\n"
                + "2002,\"Fabrikam\",CUSTOMER_HEALTH,fta,alex.wilber,Customer,\r\n"
                + "2002,,Onboarding,FastTrack Engineer,lynne.robbins," + Contoso.FABRIKAM_TENANT_ID + ",no\r\n";

        CsvImport result = read(file);

        assertThat(result.hasBadLines()).isFalse();
        assertThat(result.lines()).extracting(ImportLine::line, ImportLine::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, Status.CHANGED),
                org.assertj.core.groups.Tuple.tuple(4, Status.ADDED),
                org.assertj.core.groups.Tuple.tuple(5, Status.ADDED));
        Assignment changed = result.lines().get(0).after().orElseThrow();
        assertThat(changed.id()).isEqualTo(Contoso.primaryFm().id());
        assertThat(changed.tenantIds()).containsExactlyInAnyOrder(Contoso.WINNER_TENANT_ID, Contoso.SECOND_TENANT_ID);
        Assignment engineer = result.lines().get(2).after().orElseThrow();
        assertThat(engineer.customerScope()).isFalse();
        assertThat(engineer.tenantIds()).containsExactly(Contoso.FABRIKAM_TENANT_ID);
        assertThat(result.changes().saves()).hasSize(3);
        assertThat(result.summary()).isEqualTo("2 added, 1 changed");
    }

    @Test
    void everyBadLineIsNamedWithItsReason() throws IOException {
        String file = HEADER
                + "1001,Contoso,Customer Health,FastTrack Manager,lynne.robbins,Customer,no\r\n"   // 2 good
                + "abc,Contoso,Customer Health,FastTrack Manager,lynne.robbins,Customer,no\r\n"   // 3
                + "7777,,Customer Health,FastTrack Manager,lynne.robbins,Customer,no\r\n"         // 4
                + "1001,Fabrikam,Customer Health,FastTrack Manager,lynne.robbins,Customer,no\r\n" // 5
                + "1001,Contoso,Customer Wealth,FastTrack Manager,lynne.robbins,Customer,no\r\n"  // 6
                + "1001,Contoso,Customer Health,Boss,lynne.robbins,Customer,no\r\n"               // 7
                + "1001,Contoso,Partner,FastTrack Manager,lynne.robbins,Customer,no\r\n"          // 8
                + "1001,Contoso,Customer Health,FastTrack Manager,nobody,Customer,no\r\n"         // 9
                + "1001,Contoso,Customer Health,FastTrack Architect,alex.wilber,fabrikam.com,no\r\n" // 10
                + "1001,Contoso,Customer Health,FastTrack Manager,lynne.robbins,Customer,no\r\n"  // 11 duplicate of 2
                + "1001,Contoso,Customer Health,FastTrack Manager,alex.wilber,Customer\r\n"        // 12 too few fields
                + "1001,Contoso,Customer Health,FastTrack Architect,alex.wilber,Customer,maybe\r\n" // 13
                + "1001,Contoso,Customer Health,FastTrack Architect,alex.wilber,,no\r\n"           // 14
                + "1001,Contoso,Partner,FastTrack Ready Partner,frp-17.jones,Customer,yes\r\n";    // 15

        CsvImport result = read(file);

        assertThat(result.lines()).extracting(ImportLine::status).first().isEqualTo(Status.ADDED);
        assertThat(result.badLines()).extracting(ImportLine::line)
                .containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(result.badLines()).extracting(ImportLine::message).satisfiesExactly(
                m -> assertThat(m).contains("\"abc\" is not a TPID"),
                m -> assertThat(m).contains("There is no customer 7777"),
                m -> assertThat(m).contains("Customer 1001 is Contoso, not \"Fabrikam\""),
                m -> assertThat(m).contains("Unknown area \"Customer Wealth\"").contains("Customer Health, Onboarding"),
                m -> assertThat(m).contains("Unknown role \"Boss\""),
                m -> assertThat(m).contains("The Partner area has no FastTrack Manager role"),
                m -> assertThat(m).contains("There is no user \"nobody\""),
                m -> assertThat(m).contains("Contoso has no tenant \"fabrikam.com\""),
                m -> assertThat(m).contains("Duplicate of line 2"),
                m -> assertThat(m).contains("Malformed line: 6 fields where the header has 7"),
                m -> assertThat(m).contains("Primary is \"maybe\""),
                m -> assertThat(m).contains("The scope is empty"),
                m -> assertThat(m).contains("Only a FastTrack Manager or FastTrack Architect can be primary"));
        assertThat(result.badLines().get(0).describe()).startsWith("line 3: bad: ");
        // The good line alone is what a caller could apply with --apply-valid.
        assertThat(result.changes().saves()).extracting(Assignment::userId).containsExactly("lynne.robbins");
    }

    @Test
    void warnsOnTheCustomersLastLineWhenTheFileMakesASecondPrimary() throws IOException {
        CsvImport result = read(HEADER
                + "1001,Contoso,Customer Health,FastTrack Architect,alex.wilber,Customer;contoso.onmicrosoft.com,yes\r\n"
                + "2002,Fabrikam,Customer Health,FastTrack Manager,lynne.robbins,Customer;fabrikam.com,yes\r\n"
                + "1001,Contoso,Onboarding,FastTrack Engineer,lynne.robbins,Customer,no\r\n");

        assertThat(result.hasBadLines()).isFalse();
        assertThat(result.lines()).extracting(l -> l.warnings().size()).containsExactly(0, 0, 1);
        assertThat(result.lines().get(2).describe()).contains("Warning: A customer has one primary FM/FTA")
                .contains("megan.bowen").contains("alex.wilber");
        assertThat(result.changes().lines().get(2).warnings()).hasSize(1);
    }

    @Test
    void refusedLinesAreBadAndSayWhy() throws IOException {
        EditPermission notFabrikam = (customer, current, area, role) -> customer.tpid() == Contoso.FABRIKAM_TPID
                ? Optional.of("Fabrikam is outside your region.") : Optional.empty();

        CsvImport result = read(HEADER + "2002,Fabrikam,Customer Health,FastTrack Manager,lynne.robbins,Customer,no\r\n",
                notFabrikam);

        assertThat(result.badLines()).extracting(ImportLine::message)
                .containsExactly("Not allowed: Fabrikam is outside your region.");
    }

    @Test
    void aBadHeaderOrAnEmptyFileIsOneBadLine() throws IOException {
        assertThat(read("").badLines()).extracting(ImportLine::describe)
                .containsExactly("line 1: bad: The file is empty; the first line must be the header "
                        + "tpid,customer,area,role,user,scope,primary.");
        assertThat(read("tpid,area,role,person,scope\n1001,a,b,c,d\n").badLines()).singleElement()
                .satisfies(l -> assertThat(l.message()).contains("missing user").contains("unknown column \"person\""));
        assertThat(read("tpid,area,role,user,scope,TPID\n").badLines()).singleElement()
                .satisfies(l -> assertThat(l.message()).contains("column \"tpid\" twice"));
    }

    @Test
    void columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() throws IOException {
        CsvImport result = read("User,Scope,Role,Area,TPID\nlynne.robbins,customer,FM,Onboarding,2002\n");

        assertThat(result.lines()).extracting(ImportLine::status).containsExactly(Status.ADDED);
        assertThat(result.lines().get(0).after().orElseThrow().primary()).isFalse();
    }

    @Test
    void aQuotedFieldThatNeverClosesIsReportedAtItsLine() throws IOException {
        CsvImport result = read(HEADER + "1001,\"Contoso,Customer Health,FastTrack Manager,lynne.robbins,Customer,no\r\n");

        assertThat(result.badLines()).singleElement()
                .satisfies(l -> assertThat(l.describe()).startsWith("line 2: bad: Malformed line: a quoted field"));
    }
}
