package ftop.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.customer.Customer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process holding a workspace is killed: the workspace opens again, and holds either all or
 * nothing of the write that was under way, and everything committed before.
 */
class WorkspaceCrashTest {

    @TempDir
    Path dir;

    /** Starts the probe, waits for the line starting with {@code marker} (plus {@code delayMillis}), kills it. */
    private String killProbeAfter(String marker, long delayMillis) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CrashProbe.class.getName(), dir.toString()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(marker)) {
                    Thread.sleep(delayMillis);
                    return line;
                }
            }
            throw new AssertionError("The probe ended before printing " + marker);
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aKillDuringABulkLoadLeavesAllOrNothing() throws Exception {
        killProbeAfter("STARTED", 300);

        try (LocalStore store = LocalStore.open(dir)) {
            int customers = store.customers().count();
            if (customers == 0) {
                assertThat(store.tenants().count()).isZero();
                assertThat(store.notes().count()).isZero();
                assertThat(store.cursor()).isZero();
            } else {
                assertThat(customers).isEqualTo(1_500);
                assertThat(store.tenants().count()).isEqualTo(6_000);
                assertThat(store.notes().count()).isEqualTo(30_000);
                assertThat(store.cursor()).isEqualTo(CrashProbe.REVISION);
            }
        }
    }

    @Test
    void aKillAfterASaveKeepsTheLoadAndTheEdit() throws Exception {
        String saved = killProbeAfter("SAVED", 0);
        String tpid = saved.substring("SAVED ".length()).trim();

        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.customers().count()).isEqualTo(1_500);
            assertThat(store.notes().count()).isEqualTo(30_000);
            assertThat(store.cursor()).isEqualTo(CrashProbe.REVISION);
            assertThat(store.customers().get(tpid)).map(Customer::name).contains(CrashProbe.EDITED_NAME);
            assertThat(store.outbox().pending(10)).singleElement()
                    .satisfies(e -> assertThat(e.mutation().fields()).containsOnlyKeys("name"));
        }
    }
}
