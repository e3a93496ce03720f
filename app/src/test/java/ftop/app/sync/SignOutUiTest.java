package ftop.app.sync;

import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.tasks.Scheduler;
import ftop.app.workspace.CredentialStore;
import ftop.app.workspace.DesktopKeys;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.change.EntityCodec;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.CustomerStatus;
import ftop.core.store.LocalStore;
import ftop.core.store.PassphraseKeys;
import ftop.sync.client.SyncClient;
import ftop.sync.demo.EmbeddedDemo;

/**
 * Signing out of a real server on loopback, in the real app over an encrypted workspace: the
 * dialog names the customers whose edits have not been sent and keeps the workspace by default;
 * asked to, it removes the workspace and its key from the laptop. And a plain-HTTP address to
 * another computer is refused in the sign-in dialog, in words.
 */
class SignOutUiTest extends FxRobot {

    @TempDir
    Path home;
    @TempDir
    Path other;

    private FtopApplication app;
    private EmbeddedDemo server;
    private final MemoryCredentials credentials = new MemoryCredentials();
    private final DesktopKeys keys = new DesktopKeys(credentials, new PassphraseKeys((w, c, p) -> {
        throw new AssertionError("no passphrase where a credential store works");
    }));

    /** A credential store in memory. */
    private static final class MemoryCredentials implements CredentialStore {
        final Map<String, String> entries = new HashMap<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public synchronized Optional<String> get(String account) {
            return Optional.ofNullable(entries.get(account));
        }

        @Override
        public synchronized void put(String account, String secret) {
            entries.put(account, secret);
        }

        @Override
        public synchronized void remove(String account) {
            entries.remove(account);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (server != null) {
            server.close();
        }
    }

    /** A workspace signed in to the server and synced, as a first start leaves it. */
    private void signedInWorkspace() throws Exception {
        server = EmbeddedDemo.start(other);
        try (LocalStore store = LocalStore.open(home, Clock.systemUTC(), keys)) {
            SyncClient client = new SyncClient(server.url(), store);
            client.login(DemoUsers.DEMO_USER, DemoUsers.DEMO_PASSWORD);
            client.sync(p -> { });
        }
    }

    private void startApp(Optional<String> serverUrl) throws Exception {
        FxToolkit.registerPrimaryStage();
        AppOptions options = new AppOptions("work", Optional.of(home), Optional.empty(), false, Optional.empty(),
                Optional.empty(), serverUrl);
        app = (FtopApplication) FxToolkit.setupApplication(() -> new FtopApplication(options, StoreWorkspace::open,
                Clock.systemDefaultZone(), true, Scheduler.fx(), keys));
        waitUntil("the window", () -> lookup("#syncState").tryQuery().isPresent(), Duration.ofSeconds(120));
    }

    @Test
    void signingOutNamesTheUnsentEditsAndKeepsThemByDefault() throws Exception {
        signedInWorkspace();
        startApp(Optional.of(server.url().toString()));
        SyncSession session = app.syncSession().orElseThrow();
        waitForLabel("#syncState", "Online");
        waitUntil("Sign out in the header", () -> lookup("#signOut").tryQuery().map(Node::isVisible).orElse(false));

        // the server goes away, and an edit waits to be sent
        server.close();
        server = null;
        CustomerHealth health = session.store().health().all().get(0);
        String name = session.store().customers().get(Long.toString(health.tpid())).orElseThrow().name();
        session.store().save(EntityCodec.apply(health, Map.of("progress.status", TextNode.valueOf(otherThan(health).name()))));

        clickOn("#signOut");
        waitUntil("the sign-out dialog", () -> lookup("#signOutDialog").tryQuery().isPresent());
        assertThat(labels("#signOutUnsent")).contains(name + ": 1 edit not sent");
        assertThat(label("#signOutUnsentHeading")).isEqualTo("Edits of one customer have not reached the server yet:");
        type(KeyCode.ENTER);

        waitUntil("the dialog to close", () -> lookup("#signOutDialog").tryQuery().isEmpty());
        waitUntil("Sign out to go", () -> !lookup("#signOut").query().isVisible());
        assertThat(session.store().secret(SyncClient.TOKEN)).isEmpty();
        assertThat(session.store().pendingCount()).isEqualTo(1);
        assertThat(home.resolve("ftop.mv.db")).exists();
        assertThat(credentials.entries).hasSize(1);
    }

    @Test
    void signingOutCanRemoveTheWorkspaceAndItsKeyFromTheLaptop() throws Exception {
        signedInWorkspace();
        startApp(Optional.of(server.url().toString()));
        waitForLabel("#syncState", "Online");
        waitUntil("Sign out in the header", () -> lookup("#signOut").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(credentials.entries).hasSize(1);

        clickOn("#signOut");
        waitUntil("the sign-out dialog", () -> lookup("#signOutDialog").tryQuery().isPresent());
        assertThat(lookup("#signOutUnsent").tryQuery()).isEmpty();
        clickOn("#signOutRemove");
        assertThat(lookup("#signOutConfirm").queryButton().getText()).isEqualTo("Sign out and remove");
        clickOn("#signOutConfirm");

        waitUntil("the workspace to be removed", () -> !Files.exists(home.resolve("ftop.mv.db")), Duration.ofSeconds(60));
        waitUntil("the folder to go", () -> !Files.exists(home), Duration.ofSeconds(30));
        assertThat(credentials.entries).isEmpty();
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedInWords() throws Exception {
        startApp(Optional.empty());
        clickOn("#connectToServer");
        waitUntil("the login dialog", () -> lookup("#loginDialog").tryQuery().isPresent());
        clickOn("#loginUrl").write("http://ftop.example.com:8470");
        clickOn("#loginUser").write(DemoUsers.DEMO_USER);
        clickOn("#loginPassword").write(DemoUsers.DEMO_PASSWORD);
        clickOn("#loginConnect");
        waitUntil("the plain-HTTP message", () -> label("#loginError").contains("is plain HTTP"));
        assertThat(label("#loginError")).contains("https://ftop.example.com:8470").contains("--allow-plain-http");
        assertThat(app.syncSession().orElseThrow().connected()).isFalse();
    }

    private static CustomerStatus otherThan(CustomerHealth health) {
        CustomerStatus current = health.progress().status().orElse(null);
        return Arrays.stream(CustomerStatus.values()).filter(s -> s != current).findFirst().orElseThrow();
    }

    private String label(String query) {
        return lookup(query).tryQuery().map(n -> n instanceof Labeled l ? l.getText() : "").orElse("");
    }

    private List<String> labels(String query) {
        return lookup(query).tryQuery().map(n -> ((Pane) n).getChildren().stream()
                .map(c -> ((Labeled) c).getText().replaceFirst("^• ", "")).toList()).orElse(List.of());
    }

    private void waitForLabel(String id, String text) {
        waitUntil(id + " to read \"" + text + "\"", () -> text.equals(label(id)));
    }
}
