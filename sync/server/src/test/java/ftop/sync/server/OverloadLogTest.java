package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Busy answers are logged at once, then summed up at most once per interval. */
class OverloadLogTest {

    private final ServerTestBase.MutableClock clock = new ServerTestBase.MutableClock();
    private final List<String> lines = new ArrayList<>();
    private final OverloadLog log = new OverloadLog(clock, lines::add);

    @Test
    void theFirstRefusalIsLoggedAndTheRestAreCountedOncePerInterval() {
        log.refused("GET /api/v1/changes", "No database connection free");
        assertThat(lines).containsExactly("Request GET /api/v1/changes answered busy: No database connection free");
        for (int i = 0; i < 500; i++) {
            log.refused("GET /api/v1/changes", "No database connection free");
        }
        assertThat(lines).hasSize(1);
        clock.advance(OverloadLog.INTERVAL);
        log.refused("POST /api/v1/mutations", "No database connection free after 2000 ms");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("501 requests answered busy since ")
                .endsWith(", the last POST /api/v1/mutations: No database connection free after 2000 ms");
    }

    @Test
    void aLoneRefusalAfterAQuietSpellIsLoggedAsItself() {
        log.refused("GET /api/v1/changes", "busy");
        clock.advance(Duration.ofMinutes(5));
        log.refused("GET /api/v1/history", "busy");
        assertThat(lines).containsExactly("Request GET /api/v1/changes answered busy: busy",
                "Request GET /api/v1/history answered busy: busy");
    }
}
