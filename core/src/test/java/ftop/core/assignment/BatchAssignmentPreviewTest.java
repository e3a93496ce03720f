package ftop.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.assignment.BatchPreview.Line;
import ftop.core.assignment.BatchPreview.Outcome;
import ftop.core.assignment.BatchPreview.RefusalKind;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.core.validation.Contoso;
import ftop.core.validation.InMemoryValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchAssignmentPreviewTest {

    private static final User LYNNE = new User("lynne.robbins", "Lynne Robbins", "", Set.of(UserRole.FM),
            Optional.empty(), false);
    private static final long UNKNOWN_TPID = 9999;

    private final InMemoryValidationContext context = Contoso.context().with(LYNNE);
    private final List<Assignment> assignments = new ArrayList<>(List.of(Contoso.primaryFm()));

    private BatchPreview preview(AssignmentEdit edit, Long... tpids) {
        return BatchAssignment.preview(List.of(tpids), edit, AssignmentReader.of(assignments, context),
                EditPermission.anything());
    }

    @Test
    void assignAddsWhereTheRoleIsMissingAndLeavesWhereItIsHeld() {
        AssignmentEdit edit = new AssignmentEdit.Assign(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                AssignmentScope.CUSTOMER_AND_WINNER);

        BatchPreview preview = preview(edit, Contoso.TPID, Contoso.FABRIKAM_TPID);

        assertThat(preview.lines()).extracting(Line::tpid, Line::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Contoso.TPID, Outcome.UNCHANGED),
                org.assertj.core.groups.Tuple.tuple(Contoso.FABRIKAM_TPID, Outcome.ADDED));
        Assignment added = preview.lines(Outcome.ADDED).get(0).after().orElseThrow();
        assertThat(added.userId()).isEqualTo("megan.bowen");
        assertThat(added.customerScope()).isTrue();
        assertThat(added.tenantIds()).containsExactly(Contoso.FABRIKAM_TENANT_ID);
        assertThat(added.primary()).isFalse();
        assertThat(preview.lines(Outcome.ADDED).get(0).message()).contains("megan.bowen becomes FastTrack Manager")
                .contains("fabrikam.com");
        assertThat(preview.saves()).containsExactly(added);
        assertThat(preview.deletes()).isEmpty();
        assertThat(preview.summary()).isEqualTo("1 added, 1 unchanged");
    }

    @Test
    void assignWidensANarrowerExistingAssignment() {
        AssignmentEdit edit = new AssignmentEdit.Assign(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                AssignmentScope.EVERYTHING);

        BatchPreview preview = preview(edit, Contoso.TPID);

        Line line = preview.lines().get(0);
        assertThat(line.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(line.before()).contains(Contoso.primaryFm());
        Assignment after = line.after().orElseThrow();
        assertThat(after.id()).isEqualTo(Contoso.primaryFm().id());
        assertThat(after.tenantIds()).containsExactlyInAnyOrder(Contoso.WINNER_TENANT_ID, Contoso.SECOND_TENANT_ID);
        assertThat(after.primary()).isTrue();
        assertThat(line.message()).contains("contosolabs.onmicrosoft.com");
    }

    @Test
    void unassignRemovesAndSaysWhereThePersonHeldNothing() {
        AssignmentEdit edit = new AssignmentEdit.Unassign(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen");

        BatchPreview preview = preview(edit, Contoso.TPID, Contoso.FABRIKAM_TPID);

        assertThat(preview.lines()).extracting(Line::outcome).containsExactly(Outcome.REMOVED, Outcome.UNCHANGED);
        assertThat(preview.deletes()).containsExactly(Contoso.primaryFm());
        assertThat(preview.lines().get(0).message()).contains("no longer primary FastTrack Manager");
        assertThat(preview.lines().get(1).message()).contains("megan.bowen is not FastTrack Manager");
    }

    @Test
    void replaceHandsTheRowWithItsScopeAndPrimaryToTheNewcomer() {
        AssignmentEdit edit = new AssignmentEdit.Replace(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                "lynne.robbins");

        BatchPreview preview = preview(edit, Contoso.TPID, Contoso.FABRIKAM_TPID);

        assertThat(preview.lines()).extracting(Line::outcome).containsExactly(Outcome.REPLACED, Outcome.UNCHANGED);
        Line replaced = preview.lines().get(0);
        assertThat(replaced.before()).contains(Contoso.primaryFm());
        Assignment after = replaced.after().orElseThrow();
        assertThat(after.userId()).isEqualTo("lynne.robbins");
        assertThat(after.id()).isEqualTo(Contoso.primaryFm().id());
        assertThat(after.customerScope()).isTrue();
        assertThat(after.tenantIds()).containsExactly(Contoso.WINNER_TENANT_ID);
        assertThat(after.primary()).isTrue();
        assertThat(replaced.message()).isEqualTo("lynne.robbins replaces megan.bowen as primary FastTrack Manager on "
                + "the customer, contoso.onmicrosoft.com.");
        assertThat(replaced.warnings()).isEmpty();
        assertThat(preview.saves()).containsExactly(after);
        assertThat(preview.deletes()).isEmpty();
        assertThat(preview.lines().get(1).message()).contains("nothing to replace");
        assertThat(preview.summary()).isEqualTo("1 replaced, 1 unchanged");
    }

    @Test
    void replaceGathersAPersonsDuplicateRowsIntoTheOneHandedOver() {
        Assignment duplicate = new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FM,
                "megan.bowen", false, Set.of(Contoso.SECOND_TENANT_ID), false);
        assignments.add(duplicate);

        BatchPreview preview = preview(new AssignmentEdit.Replace(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                "lynne.robbins"), Contoso.TPID);

        assertThat(preview.lines()).extracting(Line::outcome).containsExactly(Outcome.REPLACED, Outcome.REMOVED);
        assertThat(preview.lines().get(0).after().orElseThrow().tenantIds())
                .containsExactlyInAnyOrder(Contoso.WINNER_TENANT_ID, Contoso.SECOND_TENANT_ID);
        assertThat(preview.deletes()).containsExactly(duplicate);
    }

    @Test
    void replaceMergesIntoWhatTheNewcomerAlreadyHolds() {
        Assignment lynneOnSecond = new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FM,
                "lynne.robbins", false, Set.of(Contoso.SECOND_TENANT_ID), false);
        assignments.add(lynneOnSecond);

        BatchPreview preview = preview(new AssignmentEdit.Replace(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                "lynne.robbins"), Contoso.TPID);

        assertThat(preview.lines()).extracting(Line::outcome).containsExactly(Outcome.REMOVED, Outcome.CHANGED);
        Assignment after = preview.lines(Outcome.CHANGED).get(0).after().orElseThrow();
        assertThat(after.id()).isEqualTo(lynneOnSecond.id());
        assertThat(after.customerScope()).isTrue();
        assertThat(after.tenantIds()).containsExactlyInAnyOrder(Contoso.WINNER_TENANT_ID, Contoso.SECOND_TENANT_ID);
        assertThat(after.primary()).isTrue();
    }

    @Test
    void refusesByPermissionWithTheReasonAndGoesOnWithTheOthers() {
        EditPermission onlyContoso = (customer, current, area, role) -> customer.tpid() == Contoso.TPID ? Optional.empty()
                : Optional.of("You may only change assignments of customers in your region.");
        AssignmentEdit edit = new AssignmentEdit.Assign(AssignmentArea.CUSTOMER_HEALTH, Role.FTA, "alex.wilber",
                AssignmentScope.CUSTOMER);

        BatchPreview preview = BatchAssignment.preview(List.of(Contoso.TPID, Contoso.FABRIKAM_TPID), edit,
                AssignmentReader.of(assignments, context), onlyContoso);

        assertThat(preview.lines()).extracting(Line::outcome).containsExactly(Outcome.ADDED, Outcome.REFUSED);
        Line refused = preview.lines(Outcome.REFUSED).get(0);
        assertThat(refused.refusal()).contains(RefusalKind.PERMISSION);
        assertThat(refused.message()).isEqualTo("You may only change assignments of customers in your region.");
        assertThat(refused.customerName()).isEqualTo("Fabrikam");
        assertThat(preview.saves()).hasSize(1);
    }

    @Test
    void thePermissionRulesDecideForTheSignedInUser() {
        User engineer = new User("pat.fe", "Pat Engineer", "", Set.of(UserRole.FE), Optional.empty(), false);
        User assignmentTeam = new User("ann.team", "Ann Team", "", Set.of(UserRole.ASSIGNMENT_TEAM), Optional.empty(),
                false);
        AssignmentEdit edit = new AssignmentEdit.Assign(AssignmentArea.ONBOARDING, Role.FE, "lynne.robbins",
                AssignmentScope.CUSTOMER);
        AssignmentReader reader = AssignmentReader.of(assignments, context);
        List<Long> both = List.of(Contoso.TPID, Contoso.FABRIKAM_TPID);

        BatchPreview asEngineer = BatchAssignment.preview(both, edit, reader, EditPermission.of(engineer));
        // Megan owns Contoso's health, so she may change its assignments, but not Fabrikam's.
        BatchPreview asHealthOwner = BatchAssignment.preview(both, edit, reader, EditPermission.of(Contoso.FM));
        BatchPreview asTeam = BatchAssignment.preview(both, edit, reader, EditPermission.of(assignmentTeam));

        assertThat(asEngineer.lines()).extracting(Line::outcome).containsExactly(Outcome.REFUSED, Outcome.REFUSED);
        assertThat(asEngineer.lines().get(0).refusal()).contains(RefusalKind.PERMISSION);
        assertThat(asEngineer.lines().get(0).message()).contains("assignment team").contains("Pat Engineer");
        assertThat(asHealthOwner.lines()).extracting(Line::outcome).containsExactly(Outcome.ADDED, Outcome.REFUSED);
        assertThat(asTeam.lines()).extracting(Line::outcome).containsExactly(Outcome.ADDED, Outcome.ADDED);
    }

    @Test
    void refusesRuleBreaksInWords() {
        AssignmentEdit wrongRole = new AssignmentEdit.Assign(AssignmentArea.PARTNER, Role.FM, "megan.bowen",
                AssignmentScope.CUSTOMER);
        AssignmentEdit unknownUser = new AssignmentEdit.Assign(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "nobody",
                AssignmentScope.CUSTOMER);
        AssignmentEdit partnerAsPrimary = new AssignmentEdit.Assign(AssignmentArea.PARTNER, Role.FRP, "frp-17.jones",
                AssignmentScope.CUSTOMER, true);

        Line role = preview(wrongRole, Contoso.TPID).lines().get(0);
        Line user = preview(unknownUser, Contoso.TPID).lines().get(0);
        Line primary = preview(partnerAsPrimary, Contoso.TPID).lines().get(0);
        Line customer = preview(unknownUser, UNKNOWN_TPID).lines().get(0);

        assertThat(List.of(role, user, primary, customer)).extracting(Line::outcome).containsOnly(Outcome.REFUSED);
        assertThat(List.of(role, user, primary, customer)).extracting(l -> l.refusal().orElseThrow())
                .containsOnly(RefusalKind.RULE);
        assertThat(role.message()).contains("The Partner area has no FastTrack Manager role");
        assertThat(user.message()).contains("There is no user \"nobody\"");
        assertThat(primary.message()).contains("Only a FastTrack Manager or FastTrack Architect can be primary");
        assertThat(customer.message()).isEqualTo("There is no customer 9999.");
    }

    @Test
    void refusesAWinnerScopeOnACustomerWithoutAWinnerTenant() {
        context.with(Contoso.FABRIKAM_TENANT.withWinner(false));
        AssignmentEdit edit = new AssignmentEdit.Assign(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "lynne.robbins",
                new AssignmentScope(false, AssignmentScope.Tenants.WINNER));

        Line line = preview(edit, Contoso.FABRIKAM_TPID).lines().get(0);

        assertThat(line.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(line.message()).contains("has no winner tenant");
    }

    @Test
    void replaceIsRefusedWhenTheNewcomerIsUnknownAndNothingIsRemoved() {
        BatchPreview preview = preview(new AssignmentEdit.Replace(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                "nobody"), Contoso.TPID);

        assertThat(preview.lines()).extracting(Line::outcome).containsExactly(Outcome.REFUSED);
        assertThat(preview.lines().get(0).before()).contains(Contoso.primaryFm());
        assertThat(preview.hasChanges()).isFalse();
    }

    @Test
    void warnsWhenTheBatchMakesASecondPrimary() {
        AssignmentEdit edit = new AssignmentEdit.Assign(AssignmentArea.CUSTOMER_HEALTH, Role.FTA, "alex.wilber",
                AssignmentScope.CUSTOMER_AND_WINNER, true);

        Line line = preview(edit, Contoso.TPID).lines().get(0);

        assertThat(line.outcome()).isEqualTo(Outcome.ADDED);
        assertThat(line.warnings()).extracting(p -> p.field()).containsExactly("primary");
        assertThat(line.warnings().get(0).message()).contains("one primary");
    }

    @Test
    void repeatedCustomersArePreviewedOnce() {
        AssignmentEdit edit = new AssignmentEdit.Assign(AssignmentArea.ONBOARDING, Role.FE, "lynne.robbins",
                AssignmentScope.CUSTOMER);

        assertThat(preview(edit, Contoso.TPID, Contoso.TPID, Contoso.FABRIKAM_TPID).lines()).hasSize(2);
    }

    @Test
    void badEditsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> new AssignmentEdit.Replace(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                "megan.bowen")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("themselves");
        assertThatThrownBy(() -> new AssignmentEdit.Assign(AssignmentArea.CUSTOMER_HEALTH, Role.FM, " ",
                AssignmentScope.CUSTOMER)).hasMessage("Choose the person to assign.");
        assertThatThrownBy(() -> new AssignmentScope(false, AssignmentScope.Tenants.NONE))
                .hasMessageContaining("apply nowhere");
    }

    @Test
    void previewOfHundredsOfCustomersReplacesOnEveryOne() {
        // How quickly, on the S1500 set in a store: ./bench BatchAssignmentBenchmark
        List<Long> tpids = new ArrayList<>();
        for (long tpid = 10_000; tpid < 10_500; tpid++) {
            tpids.add(tpid);
            context.with(new ftop.core.customer.Customer(tpid, "Customer " + tpid, Contoso.CUSTOMER.segment(),
                    Contoso.CUSTOMER.region(), Contoso.CUSTOMER.vertical(), "", Contoso.CUSTOMER.phase(), List.of()));
            assignments.add(new Assignment(UUID.randomUUID(), tpid, AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                    true, Set.of(), true));
        }
        AssignmentEdit edit = new AssignmentEdit.Replace(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                "lynne.robbins");

        BatchPreview preview = preview(edit, tpids.toArray(Long[]::new));

        assertThat(preview.counts().get(Outcome.REPLACED)).isEqualTo(500);
        assertThat(preview.lines()).hasSize(500);
    }
}
