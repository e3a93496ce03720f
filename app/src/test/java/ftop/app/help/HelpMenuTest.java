package ftop.app.help;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ftop.app.AppVersion;
import ftop.app.tasks.BackgroundTasks;
import ftop.app.testkit.DesktopApp;
import ftop.core.change.EntityCodec;
import ftop.core.health.CustomerHealth;
import ftop.core.store.LocalStore;

/**
 * The header's Help menu in the real window on a real workspace: Copy diagnostics puts the facts on
 * the clipboard and shows them; Open log folder asks the file manager, or shows the path.
 */
class HelpMenuTest extends FxRobot {

    @TempDir
    Path home;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private BackgroundTasks tasks;

    @AfterEach
    void stop() throws Exception {
        if (tasks != null) {
            tasks.close();
        }
    }

    @Test
    void copyDiagnosticsPutsWhatSupportNeedsOnTheClipboard() throws Exception {
        Path logs = Files.createDirectories(home.resolve("logs"));
        Files.write(logs.resolve("ftop.log"), List.of(
                "2026-03-02 08:00:00.000 INFO  [main] ftop.app.logging.DesktopLogging - FTOP Desktop starting",
                "2026-03-02 08:00:05.000 WARN  [ftop-io-1] ftop.app.tasks.BackgroundTasks - Background task failed",
                "java.lang.IllegalStateException: the disk is full",
                "\tat ftop.app.Something.run(Something.java:12)",
                "2026-03-02 08:00:09.000 ERROR [ftop-sync-1] ftop.sync.client.SyncEngine - Sync failed unexpectedly"),
                StandardCharsets.UTF_8);
        desktop.start(home);
        waitUntil("the Help menu", () -> lookup("#helpMenu").tryQuery().isPresent());
        // one edit waiting for a server
        LocalStore store = desktop.store();
        CustomerHealth health = store.health().all().get(0);
        String other = health.progress().status().map(Enum::name).filter("NO_INTENT"::equals).isPresent()
                ? "IN_PROGRESS" : "NO_INTENT";
        store.save(EntityCodec.apply(health, Map.of("progress.status", TextNode.valueOf(other))));
        interact(() -> Clipboard.getSystemClipboard().clear());

        clickOn("#helpMenu");
        clickOn("#copyDiagnosticsItem");
        waitUntil("the diagnostics dialog", () -> lookup("#diagnosticsDialog").tryQuery().isPresent());

        String copied = clipboard();
        assertThat(copied).startsWith("FTOP Desktop diagnostics, ")
                .contains("App version: " + AppVersion.current() + " (jar)\n")
                .contains("Java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor"))
                .contains("OS: " + System.getProperty("os.name") + " ")
                .containsPattern("Workspace: " + java.util.regex.Pattern.quote(home.toAbsolutePath().toString())
                        + " \\(\\d+ files, \\d+\\.\\d MB\\)\n")
                .contains("Log folder: " + home.toAbsolutePath().resolve("logs") + "\n")
                .contains("Sync: " + SyncFacts.LOCAL_ONLY + "\n")
                .contains("Signed in as: megan.bowen\n")
                .contains("Last successful sync: never\n")
                .contains("Unsynced edits: 1 pending, 0 conflicts, 0 rejected\n")
                .endsWith("""
                        Recent warnings and errors (last 20 in the log):
                          2026-03-02 08:00:05.000 WARN  [ftop-io-1] ftop.app.tasks.BackgroundTasks - Background task failed
                          2026-03-02 08:00:09.000 ERROR [ftop-sync-1] ftop.sync.client.SyncEngine - Sync failed unexpectedly
                        """);
        // the dialog shows what was copied
        assertThat(lookup("#diagnosticsText").queryAs(TextArea.class).getText()).isEqualTo(copied);
    }

    @Test
    void openLogFolderAsksTheFileManagerForTheWorkspacesLogFolder() throws Exception {
        List<Path> opened = new CopyOnWriteArrayList<>();
        showMenu(folder -> opened.add(folder));

        clickOn("#helpMenu");
        clickOn("#openLogFolderItem");

        Path logs = home.toAbsolutePath().resolve("logs");
        waitUntil("the file manager to be asked", () -> opened.equals(List.of(logs)));
        assertThat(logs).isDirectory();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#logFolderDialog").tryQuery()).isEmpty();
    }

    @Test
    void whenNoFileManagerCanOpenItThePathIsShownToCopy() throws Exception {
        showMenu(folder -> false);

        clickOn("#helpMenu");
        clickOn("#openLogFolderItem");

        waitUntil("the path dialog", () -> lookup("#logFolderDialog").tryQuery().isPresent());
        TextField path = lookup("#logFolderPath").queryAs(TextField.class);
        assertThat(path.getText()).isEqualTo(home.toAbsolutePath().resolve("logs").toString());
        assertThat(path.isEditable()).isFalse();
        assertThat(path.getSelectedText()).isEqualTo(path.getText());
    }

    private void showMenu(FolderOpener opener) throws Exception {
        FxToolkit.registerPrimaryStage();
        tasks = BackgroundTasks.create("help-test");
        HelpMenu menu = new HelpMenu(home, () -> {
            throw new AssertionError("not asked for here");
        }, tasks, opener, ZoneOffset.UTC);
        FxToolkit.setupSceneRoot(() -> new StackPane(menu.button()));
        FxToolkit.showStage();
    }

    private String clipboard() {
        String[] text = new String[1];
        interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0] == null ? "" : text[0];
    }
}
