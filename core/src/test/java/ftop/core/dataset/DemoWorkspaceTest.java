package ftop.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.assignment.Assignment;
import ftop.core.assignment.Role;
import ftop.core.contact.ContactKind;
import ftop.core.customer.Customer;
import ftop.core.health.CustomerHealth;
import ftop.core.health.DueState;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.ReviewCadence;
import ftop.core.tenant.Tenant;
import ftop.core.usage.Quarter;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.core.validation.AssignmentRules;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoWorkspaceTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 3);
    private static final Dataset DEMO = DatasetGenerator.demo(TODAY);

    @Test
    void every_row_passes_validation() {
        assertThat(DatasetChecks.problems(DEMO, TODAY)).isEmpty();
    }

    @Test
    void every_row_is_valid_on_other_days_too() {
        for (LocalDate day : List.of(LocalDate.of(2019, 6, 1), LocalDate.of(2020, 1, 15), LocalDate.of(2024, 2, 29), LocalDate.of(2026, 11, 27))) {
            assertThat(DatasetChecks.problems(DatasetGenerator.demo(day), day)).as("on %s", day).isEmpty();
        }
    }

    @Test
    void is_a_portfolio_of_about_25_customers_named_after_the_fictitious_companies() {
        assertThat(DEMO.customers()).hasSize(25);
        assertThat(DEMO.customers()).extracting(Customer::name)
                .contains("Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Woodgrove Bank", "Litware",
                        "Adventure Works", "Wide World Importers", "Alpine Ski House", "Coho Winery", "Proseware",
                        "Lamna Healthcare")
                .doesNotHaveDuplicates();
        assertThat(DEMO.customers()).extracting(Customer::tpid).doesNotHaveDuplicates();
    }

    @Test
    void usage_gives_every_health_colour_across_customers() {
        HealthRules rules = HealthRules.defaults();
        Set<HealthColour> colours = EnumSet.noneOf(HealthColour.class);
        for (Customer customer : DEMO.customers()) {
            HealthAssessment assessment = HealthAssessment.of(usageOf(customer.tpid()), rules);
            assertThat(assessment.overall()).as(customer.name()).isPresent();
            colours.add(assessment.overall().get());
        }
        assertThat(colours).containsExactlyInAnyOrder(HealthColour.values());
    }

    @Test
    void some_reviews_are_overdue_some_due_soon_and_some_fine() {
        HealthRules rules = HealthRules.defaults();
        ReviewCadence cadence = new ReviewCadence(rules);
        int overdue = 0;
        int dueSoon = 0;
        int fine = 0;
        for (CustomerHealth h : DEMO.health()) {
            Optional<HealthColour> colour = HealthAssessment.of(usageOf(h.tpid()), rules).overall();
            DueState state = cadence.reviewState(h.progress(), colour, TODAY);
            if (state.overdue()) {
                overdue++;
            } else if (state.daysRemaining().getAsLong() < 7) {
                dueSoon++;
            } else {
                fine++;
            }
        }
        assertThat(overdue).isGreaterThanOrEqualTo(3);
        assertThat(dueSoon).isGreaterThanOrEqualTo(3);
        assertThat(fine).isGreaterThanOrEqualTo(3);
    }

    @Test
    void every_customer_has_health_one_winner_tenant_and_three_to_eight_notes_on_it() {
        assertThat(DEMO.health()).extracting(CustomerHealth::tpid)
                .containsExactlyInAnyOrderElementsOf(DEMO.customers().stream().map(Customer::tpid).toList());
        Map<Long, List<Tenant>> winners = DEMO.tenants().stream().filter(Tenant::winner)
                .collect(Collectors.groupingBy(Tenant::tpid));
        for (Customer customer : DEMO.customers()) {
            assertThat(winners.get(customer.tpid())).as(customer.name()).hasSize(1);
            Tenant winner = winners.get(customer.tpid()).get(0);
            var notes = DEMO.notes().stream().filter(n -> n.tpid() == customer.tpid()).toList();
            assertThat(notes).as(customer.name()).hasSizeBetween(3, 8)
                    .allSatisfy(n -> assertThat(n.tenantId()).isEqualTo(winner.tenantId()));
        }
        assertThat(DEMO.tenants()).anyMatch(Tenant::covidRfaApproved);
        assertThat(DEMO.tenants()).extracting(Tenant::name).doesNotHaveDuplicates();
    }

    @Test
    void notes_were_written_before_today_newest_at_the_last_review() {
        var startOfToday = TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        assertThat(DEMO.notes()).allSatisfy(n -> assertThat(n.createdAt()).isBefore(startOfToday));
        for (CustomerHealth h : DEMO.health()) {
            var newest = DEMO.notes().stream().filter(n -> n.tpid() == h.tpid()).map(n -> n.createdAt())
                    .max(java.util.Comparator.naturalOrder()).orElseThrow();
            assertThat(LocalDate.ofInstant(newest, java.time.ZoneOffset.UTC))
                    .isEqualTo(h.progress().previousReviewDate().orElseThrow());
        }
    }

    @Test
    void every_customer_has_customer_and_microsoft_contacts() {
        for (Customer customer : DEMO.customers()) {
            var kinds = DEMO.contacts().stream().filter(c -> c.tpid() == customer.tpid()).map(c -> c.kind())
                    .collect(Collectors.toSet());
            assertThat(kinds).as(customer.name()).containsExactlyInAnyOrder(ContactKind.values());
        }
    }

    @Test
    void the_demo_user_is_the_primary_fm_of_every_customer_and_assignments_follow_the_rules() {
        for (Customer customer : DEMO.customers()) {
            List<Assignment> own = DEMO.assignments().stream().filter(a -> a.tpid() == customer.tpid()).toList();
            assertThat(own).as(customer.name()).anyMatch(a -> a.userId().equals(DemoUsers.DEMO_USER)
                    && a.role() == Role.FM && a.primary());
            List<Tenant> tenants = DEMO.tenants().stream().filter(t -> t.tpid() == customer.tpid()).toList();
            assertThat(AssignmentRules.warnings(own, tenants)).as(customer.name()).isEmpty();
        }
        Set<String> users = DEMO.users().stream().map(User::userId).collect(Collectors.toSet());
        assertThat(DEMO.assignments()).allSatisfy(a -> assertThat(users).contains(a.userId()));
        assertThat(DEMO.notes()).allSatisfy(n -> assertThat(users).contains(n.author()));
    }

    @Test
    void demo_users_have_the_roles_the_demo_needs() {
        Map<String, User> users = DEMO.users().stream().collect(Collectors.toMap(User::userId, u -> u));
        assertThat(users).containsKeys(DemoUsers.DEMO_USER, "alex.wilber", "diego.siciliani", "isaiah.langer",
                "lidia.holloway", "lee.gu", "adele.vance", "patti.fernandez", "nestor.wilke");
        assertThat(users.get(DemoUsers.DEMO_USER).roles()).containsExactly(UserRole.FM);
        assertThat(users.get("lidia.holloway").roles()).containsExactly(UserRole.PARTNER);
        assertThat(users.get("lee.gu").roles()).containsExactly(UserRole.ASSIGNMENT_TEAM);
        assertThat(users.get("adele.vance").roles()).containsExactly(UserRole.LEAD);
        assertThat(users.get("adele.vance").region()).isPresent();
        assertThat(users.get("patti.fernandez").sltWatchlistGroup()).isTrue();
        assertThat(users.get("nestor.wilke").roles()).containsExactly(UserRole.ADMIN);
        assertThat(DemoUsers.DEMO_PASSWORD).isEqualTo("demo");
    }

    @Test
    void forecasts_cover_four_quarters_from_the_current_one_for_every_usage_row() {
        Quarter current = Quarter.of(TODAY);
        Set<Quarter> quarters = DEMO.forecasts().stream().map(f -> f.quarter()).collect(Collectors.toSet());
        assertThat(quarters).containsExactlyInAnyOrder(current, current.next(), current.next().next(),
                current.next().next().next());
        assertThat(DEMO.forecasts()).hasSize(DEMO.usage().size() * 4);
        assertThat(DEMO.forecasts()).extracting(f -> f.id()).doesNotHaveDuplicates();
    }

    @Test
    void the_same_day_gives_the_same_workspace() {
        assertThat(DatasetGenerator.demo(TODAY)).isEqualTo(DEMO);
        assertThat(DatasetGenerator.demo(TODAY.plusDays(1))).isNotEqualTo(DEMO);
    }

    @Test
    void ids_do_not_depend_on_the_day_so_a_workspace_made_later_matches_one_made_earlier() {
        Dataset later = DatasetGenerator.demo(TODAY.plusDays(40));
        assertThat(later.customers()).extracting(Customer::tpid)
                .isEqualTo(DEMO.customers().stream().map(Customer::tpid).toList());
        assertThat(later.tenants()).extracting(Tenant::tenantId)
                .isEqualTo(DEMO.tenants().stream().map(Tenant::tenantId).toList());
        assertThat(later.contacts()).extracting(c -> c.id()).isEqualTo(DEMO.contacts().stream().map(c -> c.id()).toList());
        assertThat(later.assignments()).isEqualTo(DEMO.assignments());
        assertThat(later.notes()).extracting(n -> n.id()).isEqualTo(DEMO.notes().stream().map(n -> n.id()).toList());
    }

    private static List<ftop.core.usage.WorkloadUsage> usageOf(long tpid) {
        return DEMO.usage().stream().filter(u -> u.tpid() == tpid).toList();
    }
}
