package ftop.core.permission;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.AssignmentArea;
import ftop.core.assignment.Role;
import ftop.core.customer.Region;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.core.validation.Contoso;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    private static final User FM = Contoso.FM;
    private static final User OTHER_FM = new User("adele.vance", "Adele Vance", "", Set.of(UserRole.FM), Optional.empty(), false);
    private static final User FE = new User("diego.s", "Diego Siciliani", "", Set.of(UserRole.FE), Optional.empty(), false);
    private static final User PARTNER = Contoso.PARTNER;
    private static final User US_LEAD = new User("lynne.r", "Lynne Robbins", "", Set.of(UserRole.LEAD),
            Optional.of(Region.UNITED_STATES), false);
    private static final User UK_LEAD = new User("grady.a", "Grady Archie", "", Set.of(UserRole.LEAD),
            Optional.of(Region.UNITED_KINGDOM), false);
    private static final User ASSIGNMENT_TEAM = new User("joni.s", "Joni Sherman", "", Set.of(UserRole.ASSIGNMENT_TEAM),
            Optional.empty(), false);
    private static final User ADMIN = new User("admin", "Admin", "", Set.of(UserRole.ADMIN), Optional.empty(), false);
    private static final User SLT_MEMBER = new User("nestor.w", "Nestor Wilke", "", Set.of(UserRole.FM), Optional.empty(), true);
    private static final User GATEWAY = new User("gw", "Gate Way", "", Set.of(UserRole.GATEWAY), Optional.empty(), false);

    private static final Assignment FE_ONBOARDING = new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.ONBOARDING,
            Role.FE, FE.userId(), true, Set.of(), false);
    private static final Assignment PARTNER_ON_SECOND = new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.PARTNER,
            Role.FRP, PARTNER.userId(), false, Set.of(Contoso.SECOND_TENANT_ID), false);
    private static final Assignment GATEWAY_ON_CONTOSO = new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.GATEWAY,
            Role.GATEWAY, GATEWAY.userId(), true, Set.of(), false);

    private static final CustomerAccess CONTOSO = CustomerAccess.of(Contoso.CUSTOMER,
            List.of(Contoso.primaryFm(), FE_ONBOARDING, PARTNER_ON_SECOND, GATEWAY_ON_CONTOSO));

    @Test
    void assignedUsersLeadsOfTheRegionAdminsAndTheAssignmentTeamSeeACustomer() {
        for (User user : List.of(FM, FE, PARTNER, US_LEAD, ASSIGNMENT_TEAM, ADMIN, GATEWAY)) {
            assertThat(Permissions.canSee(user, CONTOSO).allowed()).as(user.userId()).isTrue();
        }
    }

    @Test
    void unassignedUsersAndLeadsOfOtherRegionsDoNotSeeIt() {
        Decision fm = Permissions.canSee(OTHER_FM, CONTOSO);
        assertThat(fm.allowed()).isFalse();
        assertThat(fm.reason()).isEqualTo("Adele Vance is not assigned to Contoso (TPID 1001), so cannot see it.");
        Decision lead = Permissions.canSee(UK_LEAD, CONTOSO);
        assertThat(lead.allowed()).isFalse();
        assertThat(lead.reason()).contains("outside the region they lead");
    }

    @Test
    void onlyAdminsTheAssignmentTeamAndLeadsSeeUnassignedCustomers() {
        for (User user : List.of(ADMIN, ASSIGNMENT_TEAM, US_LEAD)) {
            assertThat(Permissions.seesUnassignedCustomers(user)).as(user.userId()).isTrue();
        }
        for (User user : List.of(FM, FE, PARTNER, GATEWAY, SLT_MEMBER)) {
            assertThat(Permissions.seesUnassignedCustomers(user)).as(user.userId()).isFalse();
            assertThat(Permissions.canSee(user, CustomerAccess.of(Contoso.FABRIKAM, List.of())).allowed()).isFalse();
        }
    }

    @Test
    void partnersSeeOnlyTheTenantsTheyAreAssignedTo() {
        assertThat(Permissions.canSeeTenant(PARTNER, CONTOSO, Contoso.SECOND_TENANT_ID).allowed()).isTrue();
        Decision winner = Permissions.canSeeTenant(PARTNER, CONTOSO, Contoso.WINNER_TENANT_ID);
        assertThat(winner.allowed()).isFalse();
        assertThat(winner.reason()).contains("partner").contains(Contoso.WINNER_TENANT_ID.toString());
        // Status notes live on the winner tenant, so they are hidden from the partner too.
        assertThat(Permissions.canSeeRow(PARTNER, CONTOSO, Contoso.note()).allowed()).isFalse();
        assertThat(Permissions.tenantFilter(PARTNER, CONTOSO)).contains(Set.of(Contoso.SECOND_TENANT_ID));
        assertThat(Permissions.tenantFilter(FE, CONTOSO)).isEmpty();
        // Non-partners who see the customer see every tenant.
        assertThat(Permissions.canSeeTenant(FE, CONTOSO, Contoso.WINNER_TENANT_ID).allowed()).isTrue();
    }

    @Test
    void healthIsEditedByTheHealthOwnerLeadsOfTheRegionAndAdmins() {
        assertThat(Permissions.canEditHealth(FM, CONTOSO).allowed()).isTrue();
        assertThat(Permissions.canEditHealth(US_LEAD, CONTOSO).allowed()).isTrue();
        assertThat(Permissions.canEditHealth(ADMIN, CONTOSO).allowed()).isTrue();
        Decision fe = Permissions.canEditHealth(FE, CONTOSO);
        assertThat(fe.allowed()).isFalse();
        assertThat(fe.reason()).contains("health FM or FTA").contains("Diego Siciliani");
        assertThat(Permissions.canEditHealth(UK_LEAD, CONTOSO).allowed()).isFalse();
        assertThat(Permissions.canEditHealth(ASSIGNMENT_TEAM, CONTOSO).allowed()).isFalse();
    }

    @Test
    void anFmAssignedInAnotherAreaDoesNotOwnHealth() {
        Assignment onboardingFm = new Assignment(UUID.randomUUID(), Contoso.TPID, AssignmentArea.ONBOARDING, Role.FM,
                OTHER_FM.userId(), true, Set.of(), false);
        CustomerAccess access = CustomerAccess.of(Contoso.CUSTOMER, List.of(onboardingFm));
        assertThat(Permissions.canSee(OTHER_FM, access).allowed()).isTrue();
        assertThat(Permissions.canEditHealth(OTHER_FM, access).allowed()).isFalse();
    }

    @Test
    void onlyTheSecurityGroupSetsTheWinnerFlag() {
        assertThat(Permissions.canSetWinnerFlag(SLT_MEMBER).allowed()).isTrue();
        Decision admin = Permissions.canSetWinnerFlag(ADMIN);
        assertThat(admin.allowed()).isFalse();
        assertThat(admin.reason()).contains("SLT Watchlist security group");

        CustomerAccess sltAssigned = CustomerAccess.of(Contoso.CUSTOMER, List.of(new Assignment(UUID.randomUUID(),
                Contoso.TPID, AssignmentArea.CUSTOMER_HEALTH, Role.FM, SLT_MEMBER.userId(), true, Set.of(), false)));
        Tenant second = Contoso.SECOND_TENANT;
        assertThat(Permissions.canChange(SLT_MEMBER, sltAssigned, second, second.withWinner(true)).allowed()).isTrue();
        assertThat(Permissions.canChange(ASSIGNMENT_TEAM, CONTOSO, second, second.withWinner(true)).allowed()).isFalse();
        // The assignment team keeps other tenant fields, but not the flag.
        Tenant renamed = new Tenant(second.tenantId(), "renamed.onmicrosoft.com", second.tpid(), false,
                second.covidRfaApprovedOn(), second.enterpriseLevel(), second.userCount(), second.origin());
        assertThat(Permissions.canChange(ASSIGNMENT_TEAM, CONTOSO, second, renamed).allowed()).isTrue();
        assertThat(Permissions.canChange(SLT_MEMBER, sltAssigned, second, renamed).allowed()).isFalse();
    }

    @Test
    void assignmentsAreEditedByTheAssignmentTeamLeadsAdminsAndTheHealthOwner() {
        for (User user : List.of(ASSIGNMENT_TEAM, US_LEAD, ADMIN, FM)) {
            assertThat(Permissions.canEditAssignments(user, CONTOSO).allowed()).as(user.userId()).isTrue();
        }
        for (User user : List.of(FE, PARTNER, UK_LEAD, OTHER_FM)) {
            assertThat(Permissions.canEditAssignments(user, CONTOSO).allowed()).as(user.userId()).isFalse();
        }
        assertThat(Permissions.canEditAssignments(FE, CONTOSO).reason()).contains("assignment team");
        assertThat(Permissions.canChange(FM, CONTOSO, null, FE_ONBOARDING).allowed()).isTrue();
        assertThat(Permissions.canChange(FE, CONTOSO, FE_ONBOARDING, null).allowed()).isFalse();
    }

    @Test
    void changingARowDispatchesOnItsKind() {
        assertThat(Permissions.canChange(FM, CONTOSO, null, Contoso.health()).allowed()).isTrue();
        assertThat(Permissions.canChange(FE, CONTOSO, null, Contoso.health()).allowed()).isFalse();
        assertThat(Permissions.canChange(FM, CONTOSO, null, Contoso.note()).allowed()).isTrue();
        assertThat(Permissions.canChange(FM, CONTOSO, Contoso.CUSTOMER, Contoso.CUSTOMER).allowed()).isFalse();
        assertThat(Permissions.canChange(ASSIGNMENT_TEAM, CONTOSO, null, Contoso.CUSTOMER_CONTACT).allowed()).isTrue();
        assertThat(Permissions.canChange(FE, CONTOSO, null, Contoso.CUSTOMER_CONTACT).allowed()).isFalse();
        assertThat(Permissions.canChange(ADMIN, null, null, OTHER_FM).allowed()).isTrue();
        assertThat(Permissions.canChange(FM, null, null, OTHER_FM).allowed()).isFalse();
        // Seeing comes first: an unassigned FM is told they cannot see the customer.
        assertThat(Permissions.canChange(OTHER_FM, CONTOSO, null, Contoso.health()).reason()).contains("cannot see");
    }

    @Test
    void theHealthOwnerAndMasterDataKeepersSetIsEnterprise() {
        Tenant winner = Contoso.WINNER_TENANT;
        Tenant off = winner.withEnterpriseLevel(Optional.empty());
        for (User user : List.of(FM, ASSIGNMENT_TEAM, US_LEAD, ADMIN)) {
            assertThat(Permissions.canChange(user, CONTOSO, winner, off).allowed()).as(user.userId()).isTrue();
        }
        for (User user : List.of(FE, GATEWAY, UK_LEAD, SLT_MEMBER)) {
            assertThat(Permissions.canChange(user, CONTOSO, winner, off).allowed()).as(user.userId()).isFalse();
        }
        assertThat(Permissions.canChange(FE, CONTOSO, winner, off).reason()).contains("Is Enterprise");
        // The flag does not open the rest of the record to the health owner.
        Tenant renamed = new Tenant(winner.tenantId(), "renamed.onmicrosoft.com", winner.tpid(), true,
                winner.covidRfaApprovedOn(), Optional.empty(), winner.userCount(), winner.origin());
        assertThat(Permissions.canChange(FM, CONTOSO, winner, renamed).allowed()).isFalse();
    }

    @Test
    void theGatewayTeamRecordsCovidApprovals() {
        Tenant second = Contoso.SECOND_TENANT;
        Tenant approved = new Tenant(second.tenantId(), second.name(), second.tpid(), false,
                Optional.of(LocalDate.of(2021, 5, 1)), second.enterpriseLevel(), second.userCount(), second.origin());
        assertThat(Permissions.canChange(GATEWAY, CONTOSO, second, approved).allowed()).isTrue();
        assertThat(Permissions.canChange(FE, CONTOSO, second, approved).allowed()).isFalse();
        assertThat(Permissions.canChange(FE, CONTOSO, second, approved).reason()).contains("Gateway");
    }
}
