package ftop.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ftop.core.customer.Customer;
import ftop.core.dataset.Dataset;
import ftop.core.dataset.DatasetGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process encrypting a plain workspace is killed while the encrypted copy is being written:
 * the next start finds the plain file whole, encrypts it again, and every pending edit is there.
 */
class EncryptionCrashTest {

    private static final String EDITED = "Edited before the encryption";
    /**
     * A third of the S1500 set: a workspace of about 100 MB, whose encryption still takes the probe
     * far longer than the millisecond between two looks for its copy, at a third of the loading.
     */
    private static final int CUSTOMERS = 500;

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @Test
    void aKillDuringTheEncryptionLosesNothingAndTheNextStartFinishesIt() throws Exception {
        Dataset data = firstCustomers(DatasetGenerator.generate(DatasetGenerator.Scale.S1500, 1500,
                LocalDate.of(2021, 5, 3)), CUSTOMERS);
        Customer first = data.customers().get(0);
        try (LocalStore plain = LocalStore.open(dir, StoreTestData.CLOCK)) {
            plain.bulkLoad(data, 77);
            plain.save(StoreTestData.renamed(first, EDITED));
        }
        Path copy = dir.resolve(StoreEncryption.WORK_FOLDER).resolve(StoreEncryption.FILE);

        Path output = logs.resolve("probe.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                EncryptionProbe.class.getName(), dir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean killedMidWay;
        try {
            // Kill as soon as the copy being encrypted shows beside the plain file.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
                    .until(() -> Files.exists(copy) || !process.isAlive());
            killedMidWay = Files.exists(copy);
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readAllLines(output)).as("the probe was killed before it opened the workspace")
                .noneMatch(line -> line.startsWith("OPENED"));
        assertThat(killedMidWay).as("killed while encrypting").isTrue();
        assertThat(StoreEncryption.encrypted(dir)).as("the plain file is still whole").isFalse();

        try (LocalStore store = LocalStore.open(dir, StoreTestData.CLOCK, EncryptionProbe.KEYS)) {
            assertThat(store.encrypted()).isTrue();
            assertThat(store.customers().count()).isEqualTo(CUSTOMERS);
            assertThat(store.customers().get(Long.toString(first.tpid()))).map(Customer::name).contains(EDITED);
            assertThat(store.pendingCount()).isEqualTo(1);
            assertThat(store.cursor()).isEqualTo(77);
        }
        assertThat(dir.resolve(StoreEncryption.WORK_FOLDER)).doesNotExist();
        EncryptedStoreTest.assertNoPlainText(dir, EDITED, first.name());
    }

    /** The first {@code count} customers of {@code data} with their rows, and every user. */
    private static Dataset firstCustomers(Dataset data, int count) {
        Set<Long> kept = data.customers().stream().limit(count).map(Customer::tpid).collect(Collectors.toSet());
        return new Dataset(data.users(), data.customers().subList(0, count),
                data.tenants().stream().filter(t -> kept.contains(t.tpid())).toList(),
                data.health().stream().filter(h -> kept.contains(h.tpid())).toList(),
                data.notes().stream().filter(n -> kept.contains(n.tpid())).toList(),
                data.contacts().stream().filter(c -> kept.contains(c.tpid())).toList(),
                data.assignments().stream().filter(a -> kept.contains(a.tpid())).toList(),
                data.usage().stream().filter(u -> kept.contains(u.tpid())).toList(),
                data.forecasts().stream().filter(f -> kept.contains(f.tpid())).toList());
    }

}
