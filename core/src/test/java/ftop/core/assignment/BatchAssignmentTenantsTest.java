package ftop.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.assignment.BatchPreview.Line;
import ftop.core.assignment.BatchPreview.Outcome;
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

/** Batches over a selection of tenants rather than of customers. */
class BatchAssignmentTenantsTest {

    private static final User LYNNE = new User("lynne.robbins", "Lynne Robbins", "", Set.of(UserRole.FM),
            Optional.empty(), false);
    private static final Assignment PARTNER_ON_BOTH = new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.PARTNER,
            Role.FRP, "frp-17.jones", false, Set.of(Contoso.WINNER_TENANT_ID, Contoso.SECOND_TENANT_ID), false);

    private final InMemoryValidationContext context = Contoso.context().with(LYNNE);
    private final List<Assignment> assignments = new ArrayList<>(List.of(Contoso.primaryFm(), PARTNER_ON_BOTH));

    private BatchPreview preview(AssignmentEdit edit, UUID... tenantIds) {
        return BatchAssignment.previewTenants(List.of(tenantIds), edit, AssignmentReader.of(assignments, context),
                EditPermission.anything());
    }

    @Test
    void assignTicksExactlyTheSelectedTenantsOfEachCustomer() {
        BatchPreview preview = preview(new AssignmentEdit.Assign(AssignmentArea.ONBOARDING, Role.FE, "lynne.robbins",
                AssignmentScope.SELECTED_TENANTS), Contoso.SECOND_TENANT_ID, Contoso.FABRIKAM_TENANT_ID);

        assertThat(preview.lines()).extracting(Line::tpid, Line::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Contoso.TPID, Outcome.ADDED),
                org.assertj.core.groups.Tuple.tuple(Contoso.FABRIKAM_TPID, Outcome.ADDED));
        Assignment contoso = preview.lines().get(0).after().orElseThrow();
        assertThat(contoso.customerScope()).isFalse();
        assertThat(contoso.tenantIds()).containsExactly(Contoso.SECOND_TENANT_ID);
        assertThat(preview.lines().get(1).after().orElseThrow().tenantIds()).containsExactly(Contoso.FABRIKAM_TENANT_ID);
    }

    @Test
    void twoTenantsOfOneCustomerMakeOneAssignment() {
        BatchPreview preview = preview(new AssignmentEdit.Assign(AssignmentArea.ONBOARDING, Role.FE, "lynne.robbins",
                AssignmentScope.SELECTED_TENANTS), Contoso.WINNER_TENANT_ID, Contoso.SECOND_TENANT_ID);

        assertThat(preview.lines()).singleElement().satisfies(line -> assertThat(line.after().orElseThrow().tenantIds())
                .containsExactlyInAnyOrder(Contoso.WINNER_TENANT_ID, Contoso.SECOND_TENANT_ID));
    }

    @Test
    void unassignUnticksTheSelectedTenantsAndRemovesWhatIsLeftEmpty() {
        BatchPreview narrowed = preview(new AssignmentEdit.Unassign(AssignmentArea.PARTNER, Role.FRP, "frp-17.jones"),
                Contoso.SECOND_TENANT_ID);
        BatchPreview removed = preview(new AssignmentEdit.Unassign(AssignmentArea.PARTNER, Role.FRP, "frp-17.jones"),
                Contoso.SECOND_TENANT_ID, Contoso.WINNER_TENANT_ID);
        BatchPreview elsewhere = preview(new AssignmentEdit.Unassign(AssignmentArea.PARTNER, Role.FRP, "frp-17.jones"),
                Contoso.FABRIKAM_TENANT_ID);

        assertThat(narrowed.lines()).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(Outcome.CHANGED);
            assertThat(line.after().orElseThrow().id()).isEqualTo(PARTNER_ON_BOTH.id());
            assertThat(line.after().orElseThrow().tenantIds()).containsExactly(Contoso.WINNER_TENANT_ID);
        });
        assertThat(removed.lines()).extracting(Line::outcome).containsExactly(Outcome.REMOVED);
        assertThat(elsewhere.lines()).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(Outcome.UNCHANGED);
            assertThat(line.message()).contains("fabrikam.com");
        });
    }

    @Test
    void unassigningTheOnlyTenantKeepsACustomerLevelAssignment() {
        BatchPreview preview = preview(new AssignmentEdit.Unassign(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen"),
                Contoso.WINNER_TENANT_ID);

        Line line = preview.lines().get(0);
        assertThat(line.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(line.after().orElseThrow().customerScope()).isTrue();
        assertThat(line.after().orElseThrow().tenantIds()).isEmpty();
        // The primary FM is no longer on the winner tenant: shown, not refused.
        assertThat(line.warnings()).extracting(p -> p.field()).containsExactly("tenantIds");
    }

    @Test
    void replaceMovesTheSelectedTenantsAndKeepsTheRest() {
        BatchPreview preview = preview(new AssignmentEdit.Replace(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                "lynne.robbins"), Contoso.WINNER_TENANT_ID);

        assertThat(preview.lines()).extracting(Line::outcome).containsExactly(Outcome.CHANGED, Outcome.ADDED);
        Assignment megan = preview.lines().get(0).after().orElseThrow();
        assertThat(megan.customerScope()).isTrue();
        assertThat(megan.tenantIds()).isEmpty();
        assertThat(megan.primary()).isTrue();
        Assignment lynne = preview.lines().get(1).after().orElseThrow();
        assertThat(lynne.customerScope()).isFalse();
        assertThat(lynne.tenantIds()).containsExactly(Contoso.WINNER_TENANT_ID);
        assertThat(lynne.primary()).isFalse();
    }

    @Test
    void thePrimaryFlagMovesWhenThePersonLeavingKeepsNothing() {
        Assignment tenantOnlyPrimary = new Assignment(Contoso.primaryFm().id(), Contoso.TPID, AssignmentArea.CUSTOMER_HEALTH,
                Role.FM, "megan.bowen", false, Set.of(Contoso.WINNER_TENANT_ID), true);
        assignments.set(0, tenantOnlyPrimary);

        BatchPreview preview = preview(new AssignmentEdit.Replace(AssignmentArea.CUSTOMER_HEALTH, Role.FM, "megan.bowen",
                "lynne.robbins"), Contoso.WINNER_TENANT_ID);

        assertThat(preview.lines()).extracting(Line::outcome).containsExactly(Outcome.REPLACED);
        Assignment lynne = preview.lines().get(0).after().orElseThrow();
        assertThat(lynne.id()).isEqualTo(tenantOnlyPrimary.id());
        assertThat(lynne.userId()).isEqualTo("lynne.robbins");
        assertThat(lynne.primary()).isTrue();
        assertThat(lynne.tenantIds()).containsExactly(Contoso.WINNER_TENANT_ID);
        assertThat(preview.lines().get(0).warnings()).isEmpty();
    }

    @Test
    void unknownTenantsAreRefusedAndTheRestGoesOn() {
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-0000000000ff");

        BatchPreview preview = preview(new AssignmentEdit.Assign(AssignmentArea.ONBOARDING, Role.FE, "lynne.robbins",
                AssignmentScope.SELECTED_TENANTS), unknown, Contoso.FABRIKAM_TENANT_ID);

        assertThat(preview.lines()).extracting(Line::outcome).containsExactly(Outcome.ADDED, Outcome.REFUSED);
        assertThat(preview.lines().get(1).message()).isEqualTo("There is no tenant " + unknown + ".");
    }

    @Test
    void selectedTenantsAsScopeNeedATenantSelection() {
        assertThatThrownBy(() -> BatchAssignment.preview(List.of(Contoso.TPID), new AssignmentEdit.Assign(
                AssignmentArea.ONBOARDING, Role.FE, "lynne.robbins", AssignmentScope.SELECTED_TENANTS),
                AssignmentReader.of(assignments, context), EditPermission.anything()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("selection of tenants");
    }
}
