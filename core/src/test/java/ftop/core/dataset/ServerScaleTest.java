package ftop.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.customer.Customer;
import ftop.core.customer.Segment;
import ftop.core.dataset.DatasetGenerator.Scale;
import ftop.core.tenant.Tenant;
import ftop.core.user.User;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The server-size set, taken in chunks as a loader would: exact counts, valid rows, unique keys,
 * and segments beyond the S1500. Rows are checked chunk by chunk and then dropped.
 */
class ServerScaleTest {

    private static final LocalDate TODAY = LocalDate.of(2022, 11, 30);

    @Test
    void server_scale_has_its_counts_and_every_row_is_valid() {
        int[] counts = new int[5];
        List<User> users = new ArrayList<>();
        Set<Long> tpids = new HashSet<>();
        Set<String> tenantNames = new HashSet<>();
        Map<Segment, Integer> segments = new EnumMap<>(Segment.class);
        List<String> problems = new ArrayList<>();
        DatasetGenerator.generate(Scale.SERVER, 11, TODAY, 2_500, chunk -> {
            users.addAll(chunk.users());
            counts[0] += chunk.customers().size();
            counts[1] += chunk.tenants().size();
            counts[2] += chunk.contacts().size();
            counts[3] += chunk.assignments().size();
            counts[4] += chunk.notes().size();
            for (Customer c : chunk.customers()) {
                if (!tpids.add(c.tpid())) {
                    problems.add("TPID " + c.tpid() + " repeated");
                }
                segments.merge(c.segment(), 1, Integer::sum);
            }
            for (Tenant t : chunk.tenants()) {
                if (!tenantNames.add(t.name())) {
                    problems.add("tenant " + t.name() + " repeated");
                }
            }
            // Chunks carry whole customers; only the users live in the first one.
            Dataset withUsers = new Dataset(users, chunk.customers(), chunk.tenants(), chunk.health(), chunk.notes(),
                    chunk.contacts(), chunk.assignments(), chunk.usage(), chunk.forecasts());
            problems.addAll(DatasetChecks.problems(withUsers, TODAY).stream().limit(5).toList());
        });
        assertThat(counts).containsExactly(20_000, 100_000, 66_000, 133_000, 400_000);
        assertThat(problems).isEmpty();
        assertThat(segments).containsOnlyKeys(Segment.values());
        assertThat(segments.get(Segment.S500) + segments.get(Segment.S1500)).isEqualTo(1_500);
    }
}
