package ftop.core.store;

import static ftop.core.store.StoreTestData.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.validation.Contoso;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace is open in one process at a time: another FTOP window is another JVM. */
class WorkspaceLockTest {

    @TempDir
    Path dir;

    private String openInAnotherProcess() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                OpenWorkspaceProbe.class.getName(), dir.toString()))
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the probe finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return output.lines().filter(l -> l.startsWith("OPENED") || l.startsWith("REFUSED")).findFirst()
                .orElse(output);
    }

    @Test
    void anotherProcessCannotOpenAnOpenWorkspaceAndCanOnceItIsClosed() throws Exception {
        try (LocalStore store = LocalStore.open(dir, CLOCK)) {
            store.save(Contoso.FABRIKAM);

            assertThat(openInAnotherProcess())
                    .startsWith("REFUSED")
                    .contains("already open in another FTOP window");
            assertThat(store.customers().count()).isEqualTo(1);
        }
        assertThat(openInAnotherProcess()).isEqualTo("OPENED 1");
    }
}
