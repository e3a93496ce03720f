package ftop.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ftop.core.assignment.Assignment;
import ftop.core.customer.Customer;
import ftop.core.dataset.DatasetGenerator.Scale;
import ftop.core.health.CustomerHealth;
import ftop.core.health.HealthAssessment;
import ftop.core.health.HealthColour;
import ftop.core.health.HealthRules;
import ftop.core.health.ReviewCadence;
import ftop.core.status.EnterpriseStatusNote;
import ftop.core.tenant.Tenant;
import ftop.core.usage.WorkloadUsage;
import ftop.core.user.User;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScaleDatasetTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 3);
    private static final long SEED = 42;
    private static final Dataset S1500 = DatasetGenerator.generate(Scale.S1500, SEED, TODAY);

    @Test
    void s1500_has_the_counts_of_the_design() {
        assertThat(S1500.customers()).hasSize(1_500);
        assertThat(S1500.tenants()).hasSize(6_000);
        assertThat(S1500.contacts()).hasSize(5_000);
        assertThat(S1500.assignments()).hasSize(10_000);
        assertThat(S1500.notes()).hasSize(30_000);
        assertThat(S1500.health()).hasSize(1_500);
        // Six workloads for every customer the usage feed knows, which is nearly all of them.
        assertThat(S1500.usage().size()).isBetween(6 * 1_450, 6 * 1_500);
        assertThat(S1500.forecasts()).hasSize(S1500.usage().size() * 4);
    }

    @Test
    void every_row_passes_validation() {
        assertThat(DatasetChecks.problems(S1500, TODAY)).isEmpty();
    }

    @Test
    void every_row_is_valid_on_another_day_too() {
        LocalDate day = LocalDate.of(2026, 11, 27);
        assertThat(DatasetChecks.problems(DatasetGenerator.generate(Scale.S1500, SEED, day), day)).isEmpty();
    }

    @Test
    void ids_do_not_depend_on_the_day() {
        for (LocalDate day : List.of(TODAY.plusDays(100), LocalDate.of(2019, 6, 1))) {
            Dataset other = DatasetGenerator.generate(Scale.S1500, SEED, day);
            assertThat(other.tenants()).extracting(Tenant::tenantId)
                    .isEqualTo(S1500.tenants().stream().map(Tenant::tenantId).toList());
            assertThat(other.assignments()).isEqualTo(S1500.assignments());
            assertThat(other.notes()).extracting(EnterpriseStatusNote::id)
                    .isEqualTo(S1500.notes().stream().map(EnterpriseStatusNote::id).toList());
        }
        LocalDate before = LocalDate.of(2019, 6, 1);
        Dataset early = DatasetGenerator.generate(Scale.S1500, SEED, before);
        assertThat(early.tenants()).noneMatch(Tenant::covidRfaApproved);
        assertThat(DatasetChecks.problems(early, before)).isEmpty();
    }

    @Test
    void notes_and_reviews_lie_in_the_past() {
        var startOfToday = TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        assertThat(S1500.notes()).extracting(EnterpriseStatusNote::createdAt).allMatch(at -> at.isBefore(startOfToday));
        assertThat(S1500.health()).allMatch(h -> h.progress().previousReviewDate().map(d -> d.isBefore(TODAY))
                .orElse(true));
    }

    @Test
    void the_demo_users_carry_a_portfolio_of_about_the_demo_size() {
        long megan = S1500.assignments().stream()
                .filter(a -> a.primary() && a.userId().equals(DemoUsers.DEMO_USER)).count();
        assertThat(megan).isBetween(10L, 50L);
        assertThat(S1500.assignments()).anyMatch(a -> a.userId().equals(DemoUsers.ALEX_WILBER));
        assertThat(S1500.assignments()).anyMatch(a -> a.userId().equals(DemoUsers.LIDIA_HOLLOWAY));
        assertThat(S1500.users()).containsAll(DemoUsers.all());
    }

    @Test
    void every_region_has_one_lead() {
        Map<ftop.core.customer.Region, Long> leads = S1500.users().stream()
                .filter(u -> u.has(ftop.core.user.UserRole.LEAD))
                .collect(Collectors.groupingBy(u -> u.region().orElseThrow(), Collectors.counting()));
        assertThat(leads).containsOnlyKeys(ftop.core.customer.Region.values())
                .allSatisfy((region, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void ids_are_unique() {
        assertUnique(S1500.customers(), Customer::tpid);
        assertUnique(S1500.customers(), Customer::name);
        assertUnique(S1500.tenants(), Tenant::tenantId);
        assertUnique(S1500.tenants(), Tenant::name);
        assertUnique(S1500.contacts(), c -> c.id());
        assertUnique(S1500.assignments(), Assignment::id);
        assertUnique(S1500.notes(), EnterpriseStatusNote::id);
        assertUnique(S1500.users(), User::userId);
        assertUnique(S1500.usage(), WorkloadUsage::id);
        assertUnique(S1500.forecasts(), f -> f.id());
        assertUnique(S1500.health(), CustomerHealth::tpid);
    }

    @Test
    void the_same_seed_gives_an_equal_set_and_another_seed_a_different_one() {
        assertThat(DatasetGenerator.generate(Scale.S1500, SEED, TODAY)).isEqualTo(S1500);
        Dataset other = DatasetGenerator.generate(Scale.S1500, SEED + 1, TODAY);
        assertThat(other).isNotEqualTo(S1500);
        assertThat(other.tenants().get(0).tenantId()).isNotEqualTo(S1500.tenants().get(0).tenantId());
    }

    @Test
    void a_tpid_has_at_most_one_winner_tenant_and_notes_only_on_it() {
        Map<Long, List<Tenant>> winners = S1500.tenants().stream().filter(Tenant::winner)
                .collect(Collectors.groupingBy(Tenant::tpid));
        assertThat(winners.values()).allSatisfy(w -> assertThat(w).hasSize(1));
        // Nearly every customer has its winner; the few without one are realistic, not a fault.
        assertThat(winners).hasSizeBetween(1_400, 1_499);
        assertThat(S1500.notes()).allMatch(n -> winners.containsKey(n.tpid())
                && winners.get(n.tpid()).get(0).tenantId().equals(n.tenantId()));
    }

    @Test
    void every_assignment_names_an_existing_user_and_every_customer_has_one_primary_fm() {
        Set<String> users = S1500.users().stream().map(User::userId).collect(Collectors.toSet());
        assertThat(S1500.assignments()).extracting(Assignment::userId).allMatch(users::contains);
        assertThat(S1500.notes()).extracting(EnterpriseStatusNote::author).allMatch(users::contains);
        Map<Long, Long> primaries = S1500.assignments().stream().filter(Assignment::primary)
                .collect(Collectors.groupingBy(Assignment::tpid, Collectors.counting()));
        assertThat(primaries).hasSize(1_500).allSatisfy((tpid, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void health_colours_and_review_states_are_all_present() {
        HealthRules rules = HealthRules.defaults();
        ReviewCadence cadence = new ReviewCadence(rules);
        Map<Long, List<WorkloadUsage>> usage = S1500.usage().stream().collect(Collectors.groupingBy(WorkloadUsage::tpid));
        Map<HealthColour, Integer> colours = new EnumMap<>(HealthColour.class);
        int overdue = 0;
        int notOverdue = 0;
        for (CustomerHealth h : S1500.health()) {
            Optional<HealthColour> colour = HealthAssessment.of(usage.getOrDefault(h.tpid(), List.of()), rules).overall();
            colour.ifPresent(c -> colours.merge(c, 1, Integer::sum));
            if (cadence.isReviewOverdue(h.progress(), colour, TODAY)) {
                overdue++;
            } else {
                notOverdue++;
            }
        }
        assertThat(colours).containsOnlyKeys(HealthColour.values())
                .allSatisfy((c, n) -> assertThat(n).as(c.label()).isGreaterThan(100));
        assertThat(overdue).isBetween(200, 700);
        assertThat(notOverdue).isGreaterThan(800);
    }

    @Test
    void chunks_join_to_the_whole_set_and_never_refer_ahead() {
        List<Dataset> chunks = new ArrayList<>();
        DatasetGenerator.generate(Scale.S1500, SEED, TODAY, 400, chunks::add);
        assertThat(chunks).hasSize(4);
        assertThat(chunks.get(0).users()).isEqualTo(S1500.users());
        assertThat(chunks.subList(1, 4)).allSatisfy(c -> assertThat(c.users()).isEmpty());
        assertThat(chunks).extracting(c -> c.customers().size()).containsExactly(400, 400, 400, 300);
        assertThat(join(chunks, Dataset::tenants)).isEqualTo(S1500.tenants());
        assertThat(join(chunks, Dataset::notes)).isEqualTo(S1500.notes());
        assertThat(join(chunks, Dataset::forecasts)).isEqualTo(S1500.forecasts());
        for (Dataset chunk : chunks) {
            Set<Long> tpids = chunk.customers().stream().map(Customer::tpid).collect(Collectors.toSet());
            assertThat(chunk.tenants()).extracting(Tenant::tpid).allMatch(tpids::contains);
            assertThat(chunk.assignments()).extracting(Assignment::tpid).allMatch(tpids::contains);
            assertThat(chunk.notes()).extracting(EnterpriseStatusNote::tpid).allMatch(tpids::contains);
            assertThat(chunk.health()).extracting(CustomerHealth::tpid).allMatch(tpids::contains);
        }
        assertThatThrownBy(() -> DatasetGenerator.generate(Scale.S1500, SEED, TODAY, 0, c -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one customer");
    }

    private static <T> void assertUnique(List<T> rows, Function<T, ?> key) {
        Set<Object> seen = new java.util.HashSet<>();
        List<Object> repeated = rows.stream().map(key).filter(k -> !seen.add(k)).limit(5).collect(Collectors.toList());
        assertThat(repeated).as("repeated keys").isEmpty();
    }

    private static <T> List<T> join(List<Dataset> chunks, Function<Dataset, List<T>> part) {
        List<T> out = new ArrayList<>();
        chunks.forEach(c -> out.addAll(part.apply(c)));
        return out;
    }
}
