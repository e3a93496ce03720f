package ftop.app.logging;

import static ftop.app.testkit.Ui.FIRST_SYNC;
import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.reveal;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;

import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.sync.SyncSession;
import ftop.app.testkit.DesktopApp;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.assignment.Assignment;
import ftop.core.assignment.Role;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.store.LocalStore;
import ftop.core.tenant.Tenant;
import ftop.sync.client.SyncClient;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.ServerConfig;

/**
 * The desktop's log file, written by the real app while a person signs in (wrongly first), types
 * an Enterprise Status note and syncs it with a real server on loopback: the file is there, says
 * what happened, and holds neither the password, nor the session token, nor the note. The app's
 * own loggers run at DEBUG here, so their quieter statements are checked too.
 */
class DesktopLogFileTest extends FxRobot {

    private static final String PASSWORD = "Orchid-lantern-7Wq";
    private static final String WRONG_PASSWORD = "Orchid-lantern-8Xz";
    private static final String NOTE = "Board approved the tenant merger, keep quiet until March";

    @TempDir
    Path home;
    @TempDir
    Path serverFolder;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private FtopServer server;
    private Path logFile;

    @BeforeEach
    void start() throws Exception {
        String jdbcUrl = ServerConfig.h2Url(serverFolder);
        // cheap password hashes: the test does not measure the production cost of signing in
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), 1_000);
        DatasetLoader.load(db, DatasetGenerator.demo(LocalDate.now()), PASSWORD, 0);
        server = new FtopServer(ServerConfig.of(0, ServerConfig.DEFAULT_BIND, jdbcUrl), db, Clock.systemUTC()).start();
        logFile = DesktopLogging.start(home).orElseThrow();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("ftop")).setLevel(Level.DEBUG);
    }

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
        server.close();
        // back to the tests' own quiet logging
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void signInEditAndSyncLeaveALogWithoutPasswordTokenOrNote() throws Exception {
        FtopApplication app = desktop.launch(() -> new FtopApplication(
                new AppOptions("work", Optional.of(home), Optional.empty(), false, Optional.empty()),
                StoreWorkspace::open, Clock.systemDefaultZone(), true));
        waitUntil("the window", () -> lookup("#syncState").tryQuery().isPresent(), FIRST_SYNC);
        SyncSession session = app.syncSession().orElseThrow();
        LocalStore store = session.store();

        clickOn("#connectToServer");
        waitUntil("the login dialog", () -> lookup("#loginDialog").tryQuery().isPresent());
        clickOn("#loginUrl").write(server.baseUri().toString());
        clickOn("#loginUser").write(DemoUsers.DEMO_USER);
        clickOn("#loginPassword").write(WRONG_PASSWORD);
        clickOn("#loginConnect");
        waitUntil("the wrong password to be refused", () -> !label("#loginError").isEmpty());
        doubleClickOn("#loginPassword").eraseText(40).write(PASSWORD);
        clickOn("#loginConnect");
        waitUntil("the dialog to close", () -> lookup("#loginDialog").tryQuery().isEmpty());
        waitUntil("the first sync", () -> "Online".equals(label("#syncState"))
                && lookup("#portfolioTable").tryQuery().map(t -> !((TableView<?>) t).getItems().isEmpty()).orElse(false));
        String token = store.setting(SyncClient.TOKEN).orElseThrow();

        // a status note typed on a customer Megan manages, saved and synced
        long tpid = store.assignments().all().stream()
                .filter(a -> a.userId().equals(DemoUsers.DEMO_USER) && a.role() == Role.FM)
                .map(Assignment::tpid).distinct()
                .filter(t -> store.tenants().byTpid(t).stream().anyMatch(Tenant::winner))
                .findFirst().orElseThrow();
        int notesBefore = store.notes().byTpid(tpid).size();
        interact(() -> app.shell().openCustomer(tpid));
        waitUntil("the customer", () -> lookup("#addStatusButton").tryQuery()
                .map(b -> !((Button) b).isDisabled()).orElse(false));
        addNewStatus();
        write(NOTE);
        clickOn("#statusSave");
        waitUntil("the note in the store", () -> store.notes().byTpid(tpid).size() == notesBefore + 1);
        clickOn("#syncNow");
        waitUntil("the note to reach the server", () -> store.outbox().pendingCount() == 0
                && store.outbox().problems().isEmpty() && "No pending changes".equals(label("#syncPending")));

        desktop.stop();

        assertThat(logFile).isEqualTo(home.toAbsolutePath().resolve("logs").resolve("ftop.log")).isRegularFile();
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        String serverUrl = server.baseUri() + "/";
        assertThat(log).as("the log says what happened")
                .contains("FTOP Desktop ")
                .contains("Sign-in to " + serverUrl + " as " + DemoUsers.DEMO_USER + " failed (LOGIN_NEEDED)")
                .contains("Signed in to " + serverUrl + " as " + DemoUsers.DEMO_USER);
        assertThat(log).as("no secret and no note in the log")
                .doesNotContain(PASSWORD)
                .doesNotContain(WRONG_PASSWORD)
                .doesNotContain(token)
                .doesNotContain(NOTE)
                .doesNotContain("tenant merger");
    }

    /** The Customer tab's "Add new status", scrolled into view, opens the winner tenant's editor. */
    private void addNewStatus() {
        reveal("#addStatusButton");
        clickOn("#addStatusButton");
        waitUntil("the focus in Executive Summary", () -> lookup("#newSummary").tryQuery()
                .map(Node::isFocused).orElse(false));
    }
}
