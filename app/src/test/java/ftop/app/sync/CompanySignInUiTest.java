package ftop.app.sync;

import static ftop.app.testkit.Ui.FIRST_SYNC;
import static ftop.app.testkit.Ui.label;
import static ftop.app.testkit.Ui.waitForLabel;
import static ftop.app.testkit.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;

import com.fasterxml.jackson.databind.node.TextNode;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import ftop.app.AppOptions;
import ftop.app.FtopApplication;
import ftop.app.testkit.DesktopApp;
import ftop.app.workspace.StoreWorkspace;
import ftop.core.change.EntityCodec;
import ftop.core.dataset.DatasetGenerator;
import ftop.core.dataset.DemoUsers;
import ftop.core.health.CustomerHealth;
import ftop.core.health.OverallMindset;
import ftop.core.store.LocalStore;
import ftop.sync.client.SyncClient;
import ftop.sync.server.Database;
import ftop.sync.server.DatasetLoader;
import ftop.sync.server.FtopServer;
import ftop.sync.server.OidcSettings;
import ftop.sync.server.ServerConfig;

/**
 * "Sign in with your company account" through the real app, against a real OpenID Connect
 * provider (mock-oauth2-server) and a real server trusting it, on loopback. The browser is played
 * by the test: its opener is given the sign-in page and follows it over HTTP, as a person's browser
 * would; the provider answers at once with the redirect to the app's loopback port.
 */
class CompanySignInUiTest extends FxRobot {

    private static final String ISSUER_ID = "company";
    private static final String CLIENT_ID = "ftop-desktop";

    @TempDir
    Path home;
    @TempDir
    Path serverDir;

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private MockOAuth2Server provider;
    private FtopServer server;
    private FtopApplication app;
    /** The pages the app asked the browser to open. */
    private final List<String> opened = new CopyOnWriteArrayList<>();
    /** What the browser showed after following each page. */
    private final List<String> shown = new CopyOnWriteArrayList<>();
    private final OkHttpClient browser = new OkHttpClient();
    /** False for a browser that never comes back (the person walked away). */
    private volatile boolean browserComesBack = true;

    @BeforeEach
    void startServers() throws Exception {
        provider = new MockOAuth2Server();
        provider.start();
        String jdbcUrl = ServerConfig.h2Url(serverDir);
        Database db = Database.open(jdbcUrl, Database.PoolSettings.defaults(), 1_000);
        DatasetLoader.load(db, DatasetGenerator.demo(LocalDate.now(ZoneOffset.UTC)), DemoUsers.DEMO_PASSWORD, 0);
        server = new FtopServer(ServerConfig.of(0, ServerConfig.DEFAULT_BIND, jdbcUrl)
                .withOidc(OidcSettings.of(URI.create(provider.issuerUrl(ISSUER_ID).toString()), CLIENT_ID)), db,
                Clock.systemUTC()).start();
    }

    @AfterEach
    void stopServers() throws Exception {
        desktop.stop();
        if (server != null) {
            server.stop();
        }
        provider.shutdown();
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    /** Follows the page as a browser would, off the FX thread. */
    private void follow(String url) {
        opened.add(url);
        if (!browserComesBack) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try (Response response = browser.newCall(new Request.Builder().url(url).build()).execute()) {
                shown.add(response.body().string());
            } catch (Exception e) {
                shown.add("failed: " + e);
            }
        });
    }

    private void startApp() throws Exception {
        app = desktop.launch(() -> new FtopApplication(new AppOptions("work", Optional.of(home), Optional.empty(), false,
                Optional.empty()), StoreWorkspace::open, Clock.systemDefaultZone(), true).withBrowser(this::follow));
        waitUntil("the window", () -> lookup("#syncState").tryQuery().isPresent(), FIRST_SYNC);
    }

    private void nextSignInIs(String userId) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "sub-" + userId, "JWT",
                List.of(CLIENT_ID), Map.of("preferred_username", userId), 3600));
    }

    private boolean showing(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    /** In the open login dialog: the company button once the server has said it has one, then the browser. */
    private void signInWithCompanyAccount() {
        waitUntil("the company sign-in to be offered", () -> showing("#loginCompany"));
        assertThat(lookup("#loginCompany").queryButton().getText()).isEqualTo("Sign in with your company account");
        int before = shown.size();
        clickOn("#loginCompany");
        waitUntil("the browser to be done", () -> shown.size() > before);
        assertThat(shown.get(shown.size() - 1)).contains("You can close this tab");
        waitUntil("the dialog to close", () -> lookup("#loginDialog").tryQuery().isEmpty());
    }

    @Test
    void theCompanyAccountSignsInInTheBrowserAndTheWorkspaceSyncs() throws Exception {
        startApp();
        SyncSession session = app.syncSession().orElseThrow();
        waitForLabel("#syncState", "Local only");

        clickOn("#connectToServer");
        waitUntil("the login dialog", () -> lookup("#loginDialog").tryQuery().isPresent());
        assertThat(showing("#loginCompany")).as("offered only once the server says so").isFalse();
        clickOn("#loginUrl").write(serverUrl());
        clickOn("#loginUser"); // the address is complete: the dialog asks the server how to sign in
        nextSignInIs(DemoUsers.DEMO_USER);
        signInWithCompanyAccount();

        assertThat(opened).hasSize(1);
        assertThat(opened.get(0)).startsWith(provider.issuerUrl(ISSUER_ID) + "/authorize?")
                .contains("code_challenge_method=S256").contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
        waitForLabel("#syncState", "Online");
        LocalStore store = session.store();
        assertThat(store.setting(SyncClient.USER_ID)).contains(DemoUsers.DEMO_USER);
        assertThat(store.secret(SyncClient.REFRESH_TOKEN)).isPresent();
        waitUntil("the first sync to fill the workspace", () -> store.customers().count() > 0, FIRST_SYNC);
    }

    @Test
    void anExpiredSignInThatCannotBeRenewedQueuesEditsAndTheNextSignInSendsThem() throws Exception {
        startApp();
        SyncSession session = app.syncSession().orElseThrow();
        clickOn("#connectToServer");
        waitUntil("the login dialog", () -> lookup("#loginDialog").tryQuery().isPresent());
        clickOn("#loginUrl").write(serverUrl());
        clickOn("#loginUser");
        nextSignInIs(DemoUsers.DEMO_USER);
        signInWithCompanyAccount();
        LocalStore store = session.store();
        waitUntil("the first sync", () -> store.customers().count() > 0 && label("#syncState").equals("Online"),
                FIRST_SYNC);

        // the token has run out and the company sign-in is out of reach: no waiting for a clock
        store.putSetting(SyncClient.OIDC_TOKEN_ENDPOINT, "http://127.0.0.1:1/token");
        store.putSetting(SyncClient.TOKEN_EXPIRES_AT, Instant.EPOCH.toString());
        CustomerHealth health = store.health().get(Long.toString(store.customers().all().get(0).tpid())).orElseThrow();
        OverallMindset mine = health.perspective().mindset().orElse(null) == OverallMindset.AVERSE
                ? OverallMindset.ALIGNED : OverallMindset.AVERSE;
        store.save(EntityCodec.apply(health, Map.of("perspective.mindset", TextNode.valueOf(mine.name()))));

        waitForLabel("#syncState", SyncStatusText.SIGN_IN_AGAIN);
        waitForLabel("#syncPending", "1 pending change");
        Button signInAgain = lookup("#syncNow").queryButton();
        assertThat(signInAgain.getText()).isEqualTo("Sign in…");
        assertThat(signInAgain.isFocusTraversable()).as("reachable with the keyboard").isTrue();
        // the dialog opens by itself once; the server's address is filled in
        waitUntil("the login dialog", () -> lookup("#loginDialog").tryQuery().isPresent());
        assertThat(lookup("#loginUrl").queryAs(TextField.class).getText()).isEqualTo(serverUrl());

        nextSignInIs(DemoUsers.DEMO_USER);
        signInWithCompanyAccount();
        waitUntil("the queued edit to reach the server", () -> store.outbox().pendingCount() == 0
                && store.outbox().problems().isEmpty());
        waitForLabel("#syncState", "Online");
        assertThat(store.health().get(Long.toString(health.tpid())).orElseThrow().perspective().mindset()).contains(mine);
    }

    @Test
    void cancelEndsTheWaitForTheBrowser() throws Exception {
        startApp();
        clickOn("#connectToServer");
        waitUntil("the login dialog", () -> lookup("#loginDialog").tryQuery().isPresent());
        clickOn("#loginUrl").write(serverUrl());
        clickOn("#loginUser");
        waitUntil("the company sign-in to be offered", () -> showing("#loginCompany"));
        browserComesBack = false;
        clickOn("#loginCompany");
        waitUntil("the address to copy", () -> showing("#loginBrowser")
                && !lookup("#loginBrowserUrl").queryAs(TextField.class).getText().isEmpty());
        String page = lookup("#loginBrowserUrl").queryAs(TextField.class).getText();
        assertThat(page).startsWith(provider.issuerUrl(ISSUER_ID).toString());
        clickOn("#loginCopyUrl");
        assertThat(interactAndGet(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(page);

        clickOn("#loginCancel");
        waitUntil("the dialog to close", () -> lookup("#loginDialog").tryQuery().isEmpty());
        String redirect = HttpUrl.get(page).queryParameter("redirect_uri");
        waitUntil("the loopback port to close", () -> {
            try (Response r = browser.newCall(new Request.Builder().url(redirect + "?code=x&state=y").build()).execute()) {
                return false;
            } catch (Exception e) {
                return true;
            }
        });
        assertThat(app.syncSession().orElseThrow().connected()).isFalse();
    }

    private <T> T interactAndGet(Callable<T> read) throws Exception {
        CompletableFuture<T> value = new CompletableFuture<>();
        interact(() -> {
            try {
                value.complete(read.call());
            } catch (Exception e) {
                value.completeExceptionally(e);
            }
        });
        return value.get(10, TimeUnit.SECONDS);
    }
}
