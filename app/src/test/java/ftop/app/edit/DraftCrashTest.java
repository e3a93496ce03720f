package ftop.app.edit;

import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DatePicker;

import org.junit.jupiter.api.Test;

import ftop.app.AppFixtures;
import ftop.core.health.OverallMindset;
import ftop.core.store.Draft;
import ftop.core.store.LocalStore;

/**
 * The app is killed while a form is open: the real app runs headless in a separate JVM
 * ({@link DraftCrashProbe}), Contoso's Customer Perspective is being edited, and the process is
 * killed (SIGKILL) once the draft is on disk. The next start offers the draft, Restore puts the
 * values back in the form, and nothing reached the outbox. And when the process is asked to end
 * (SIGTERM, as at a session logout) before the draft's timer fired, what was typed is kept anyway.
 */
class DraftCrashTest extends UnsavedWorkFx {

    /** The probe's process and the lines it printed, read on a thread of their own. */
    private record Probe(Process process, List<String> lines) {
    }

    private Probe startProbe(String... extra) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path")));
        // headless as the tests here run: the same glass, robot and rendering settings
        for (String property : List.of("testfx.robot", "testfx.headless", "glass.platform", "monocle.platform",
                "prism.order", "prism.text", "java.awt.headless")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add(DraftCrashProbe.class.getName());
        command.add(home.toString());
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new Probe(process, Collections.synchronizedList(new ArrayList<>()));
    }

    /** Reads the probe's output until a line starts with {@code marker}; fails with the output when it never comes. */
    private String waitForLine(Probe probe, String marker) throws Exception {
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(probe.process().getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    probe.lines().add(line);
                    if (line.startsWith(marker)) {
                        found.complete(line);
                    }
                }
                found.completeExceptionally(new AssertionError("The probe ended before printing " + marker));
            } catch (java.io.IOException e) {
                found.completeExceptionally(e);
            }
        }, "probe-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(3, TimeUnit.MINUTES);
        } catch (Exception e) {
            probe.process().destroyForcibly();
            throw new AssertionError("No \"" + marker + "\" from the probe; it printed:\n"
                    + String.join("\n", List.copyOf(probe.lines())), e);
        }
    }

    @Test
    void aDraftOnDiskSurvivesAKillAndIsOfferedAndRestoredAtTheNextStart() throws Exception {
        Probe probe = startProbe();
        String typed;
        try {
            waitForLine(probe, "DRAFT KEPT");
            typed = probe.lines().stream().filter(l -> l.startsWith("TYPED ")).findFirst().orElseThrow();
        } finally {
            probe.process().destroyForcibly();
            assertThat(probe.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        OverallMindset chosen = OverallMindset.valueOf(typed.split(" ")[1]);

        startApp();
        assertThat(store.outbox().pendingCount()).as("a draft never reaches the outbox").isZero();
        waitUntil("the draft offered", () -> lookup("#draftsDialog .draft-line").queryAll().size() == 1);
        assertThat(label("#draftLine0 .label")).isEqualTo("Contoso's Customer Perspective");
        clickOn("#restoreDraft0");
        waitUntil("the section in edit mode with the draft", () -> lookup("#overallMindsetField").tryQuery()
                .map(n -> n.isVisible() && chosen.label().equals(comboText("#overallMindsetField"))).orElse(false));
        assertThat(lookup("#completionDateField").queryAs(DatePicker.class).getEditor().getText())
                .isEqualTo(DraftCrashProbe.COMPLETION);
        assertThat(label("#customerPerspectiveNotice")).startsWith("Restored draft from");
        assertThat(store.outbox().pendingCount()).isZero();
        assertThat(store.health().get(Long.toString(contoso.tpid())).orElseThrow().perspective().mindset())
                .as("restored into the form, not saved").isNotEqualTo(java.util.Optional.of(chosen));
    }

    @Test
    void whatIsTypedIsKeptWhenTheProcessIsAskedToEndBeforeTheDraftWasWritten() throws Exception {
        Probe probe = startProbe("--no-timer");
        String typed;
        try {
            typed = waitForLine(probe, "TYPED ");
            // what a session logout does to a desktop app's process
            probe.process().destroy();
            assertThat(probe.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            probe.process().destroyForcibly();
        }
        OverallMindset chosen = OverallMindset.valueOf(typed.split(" ")[1]);

        try (LocalStore reopened = LocalStore.open(home, AppFixtures.clock())) {
            assertThat(reopened.drafts().all()).singleElement().satisfies((Draft draft) -> {
                assertThat(draft.form()).isEqualTo("health.perspective");
                assertThat(draft.values()).containsEntry("overallMindset", chosen.name())
                        .containsEntry("completionDate", DraftCrashProbe.COMPLETION);
            });
            assertThat(reopened.outbox().pendingCount()).isZero();
        }
    }
}
