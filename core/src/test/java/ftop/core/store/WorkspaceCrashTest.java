package ftop.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process holding a workspace is killed: the workspace opens again, and holds nothing of the
 * write that was under way, and everything committed before.
 */
class WorkspaceCrashTest {

    @TempDir
    Path dir;

    /** Starts the probe doing {@code what}, waits for the line starting with {@code marker}, kills it. */
    private String killProbeAfter(String what, String marker) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CrashProbe.class.getName(), dir.toString(), what))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(marker)) {
                    return line;
                }
            }
            throw new AssertionError("The probe ended before printing " + marker);
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The probe is killed while its load is held part-way in, its rows written but not committed. */
    @Test
    void aKillDuringABulkLoadLeavesNothingOfIt() throws Exception {
        killProbeAfter("load", "MIDWAY");

        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.customers().count()).isZero();
            assertThat(store.tenants().count()).isZero();
            assertThat(store.notes().count()).isZero();
            assertThat(store.cursor()).isZero();
        }
    }

    @Test
    void aKillAfterASaveKeepsTheLoadAndTheEdit() throws Exception {
        String saved = killProbeAfter("save", "SAVED");
        String tpid = saved.substring("SAVED ".length()).trim();
        Dataset loaded = CrashProbe.savedLoad();

        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.customers().count()).isEqualTo(loaded.customers().size());
            assertThat(store.tenants().count()).isEqualTo(loaded.tenants().size());
            assertThat(store.notes().count()).isEqualTo(loaded.notes().size());
            assertThat(store.cursor()).isEqualTo(CrashProbe.REVISION);
            assertThat(store.customers().get(tpid)).map(Customer::name).contains(CrashProbe.EDITED_NAME);
            assertThat(store.outbox().pending(10)).singleElement()
                    .satisfies(e -> assertThat(e.mutation().fields()).containsOnlyKeys("name"));
        }
    }
}
