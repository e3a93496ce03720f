package ftop.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import ftop.core.change.EntityCodec;
import ftop.core.health.CustomerHealth;
import ftop.core.health.OverallMindset;
import ftop.core.store.LocalStore;
import ftop.core.store.MemoryWorkspaceKeys;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.AuthConfig;
import ftop.sync.server.OidcSettings;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's sign-in with the company's identity provider, against a real OpenID Connect
 * provider (mock-oauth2-server) and a real FTOP server trusting it, both on loopback. The test
 * plays the browser: it follows the sign-in page, which this provider answers at once with a
 * redirect to the desktop's loopback port.
 */
class CompanySignInTest {

    private static final String ISSUER_ID = "company";
    private static final String CLIENT_ID = "ftop-desktop";
    private static final String PASSWORD = "pw";

    @TempDir
    Path dir;

    private MockOAuth2Server provider;
    private LoopbackServer server;
    private final MutableClock desktopClock = new MutableClock(Instant.now());
    private final MemoryWorkspaceKeys keys = new MemoryWorkspaceKeys();
    private final OkHttpClient browser = new OkHttpClient.Builder().followRedirects(true).build();
    private LocalStore store;
    private SyncClient client;

    @BeforeEach
    void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start();
        URI issuer = URI.create(provider.issuerUrl(ISSUER_ID).toString());
        server = new LoopbackServer(dir.resolve("server"), Workspaces.contoso(), PASSWORD,
                new MutableClock(Instant.now()), 0, config -> config.withOidc(OidcSettings.of(issuer, CLIENT_ID)));
        store = LocalStore.open(dir.resolve("megan"), desktopClock, keys);
        client = new SyncClient(server.url(), store, ServerApi.defaultHttpClient(), SyncClient.DEFAULT_PAGE_SIZE,
                desktopClock);
    }

    @AfterEach
    void stop() {
        store.close();
        server.close();
        provider.shutdown();
    }

    /** The provider issues its next token to {@code userId}, for the FTOP API, valid for an hour. */
    private void nextSignInIs(String userId) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "sub-" + userId, "JWT",
                List.of(CLIENT_ID), Map.of("preferred_username", userId), 3600));
    }

    private OidcSignIn begin() throws SyncException {
        AuthConfig config = client.authConfig();
        assertThat(config.oidc()).as("the server names its identity provider").isNotNull();
        return OidcSignIn.start(OidcProvider.discover(config.oidc(), client.httpClient(), TransportSecurity.defaults(),
                desktopClock));
    }

    /** What a person's browser does with the sign-in page: the page the desktop's loopback port shows. */
    private String browse(String url) throws Exception {
        try (Response response = browser.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.code() + " " + response.body().string();
        }
    }

    private void signIn() throws Exception {
        nextSignInIs(Contoso.FM.userId());
        try (OidcSignIn signIn = begin()) {
            assertThat(browse(signIn.authorizationUrl())).startsWith("200").contains("You can close this tab");
            client.login(signIn.provider(), signIn.await(Duration.ofSeconds(30)));
        }
    }

    private OverallMindset changeMindset() {
        CustomerHealth current = store.health().get(Long.toString(Contoso.CUSTOMER.tpid())).orElseThrow();
        OverallMindset mindset = current.perspective().mindset().orElse(null) == OverallMindset.AVERSE
                ? OverallMindset.ALIGNED : OverallMindset.AVERSE;
        store.save(EntityCodec.apply(current, Map.of("perspective.mindset", TextNode.valueOf(mindset.name()))));
        return mindset;
    }

    @Test
    void signsInWithPkceInTheBrowserAndSyncsWithTheProvidersToken() throws Exception {
        nextSignInIs(Contoso.FM.userId());
        try (OidcSignIn signIn = begin()) {
            HttpUrl page = HttpUrl.get(signIn.authorizationUrl());
            assertThat(page.queryParameter("code_challenge_method")).isEqualTo("S256");
            assertThat(page.queryParameter("code_challenge")).isNotBlank();
            assertThat(page.queryParameter("client_id")).isEqualTo(CLIENT_ID);
            assertThat(page.queryParameter("scope")).contains("openid");
            assertThat(page.queryParameter("redirect_uri")).startsWith("http://127.0.0.1:").endsWith("/callback")
                    .isEqualTo(signIn.redirectUri());

            assertThat(browse(signIn.authorizationUrl())).startsWith("200").contains("You can close this tab");
            ProviderTokens tokens = signIn.await(Duration.ofSeconds(30));
            assertThat(tokens.refreshToken()).isPresent();
            assertThat(client.login(signIn.provider(), tokens).userId()).isEqualTo(Contoso.FM.userId());
        }

        client.sync(p -> { });
        assertThat(store.customers().count()).isPositive();
        assertThat(store.setting(SyncClient.USER_ID)).contains(Contoso.FM.userId());
        assertThat(client.signedIn()).isTrue();

        String access = store.secret(SyncClient.TOKEN).orElseThrow();
        String refresh = store.secret(SyncClient.REFRESH_TOKEN).orElseThrow();
        store.close();
        try (Stream<Path> files = Files.walk(dir.resolve("megan"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.getFileName() + " holds the access token").doesNotContain(access);
                assertThat(bytes).as(file.getFileName() + " holds the refresh token").doesNotContain(refresh);
            }
        }
        store = LocalStore.open(dir.resolve("megan"), desktopClock, keys);
        assertThat(store.secret(SyncClient.REFRESH_TOKEN)).contains(refresh);
    }

    @Test
    void aRedirectWithAnotherStateIsRefusedAndTheRealOneStillSignsIn() throws Exception {
        nextSignInIs(Contoso.FM.userId());
        try (OidcSignIn signIn = begin()) {
            String forged = HttpUrl.get(signIn.redirectUri()).newBuilder().addQueryParameter("code", "attacker-code")
                    .addQueryParameter("state", "guessed").build().toString();
            assertThat(browse(forged)).startsWith("400").contains("not started here");

            assertThat(browse(signIn.authorizationUrl())).startsWith("200");
            client.login(signIn.provider(), signIn.await(Duration.ofSeconds(30)));
        }
        client.sync(p -> { });
        assertThat(store.customers().count()).isPositive();
    }

    @Test
    void aCancelledSignInEndsTheWaitAndClosesThePort() throws Exception {
        OidcSignIn signIn = begin();
        signIn.cancel();

        assertThatThrownBy(() -> signIn.await(Duration.ofSeconds(30))).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Sign-in was cancelled."));
        assertThatThrownBy(() -> browse(signIn.redirectUri() + "?code=x&state=y")).isInstanceOf(ConnectException.class);
        assertThat(store.secret(SyncClient.TOKEN)).isEmpty();
    }

    @Test
    void theTokenIsRenewedBeforeItExpires() throws Exception {
        signIn();
        client.sync(p -> { });
        String first = store.secret(SyncClient.TOKEN).orElseThrow();
        Instant expiry = Instant.parse(store.setting(SyncClient.TOKEN_EXPIRES_AT).orElseThrow());

        desktopClock.advance(Duration.between(desktopClock.instant(), expiry).minus(Duration.ofMinutes(1)));
        changeMindset();
        client.sync(p -> { });

        assertThat(store.secret(SyncClient.TOKEN).orElseThrow()).isNotEqualTo(first);
        assertThat(Instant.parse(store.setting(SyncClient.TOKEN_EXPIRES_AT).orElseThrow())).isAfter(expiry);
        assertThat(store.outbox().pendingCount()).isZero();
    }

    @Test
    void anExpiredTokenThatCannotBeRenewedKeepsEditsQueuedUntilTheNextSignIn() throws Exception {
        signIn();
        client.sync(p -> { });
        // the provider out of reach (the laptop on a network that cannot see it): nothing listens there
        store.putSetting(SyncClient.OIDC_TOKEN_ENDPOINT, "http://127.0.0.1:1/token");
        desktopClock.advance(Duration.ofHours(2));

        OverallMindset mine = changeMindset();
        assertThatThrownBy(() -> client.sync(p -> { })).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.failure()).isEqualTo(SyncFailure.LOGIN_NEEDED);
            assertThat(e.getMessage()).contains("Sign in again to sync");
        });
        assertThat(client.signedIn()).isFalse();
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
        assertThat(store.health().get(Long.toString(Contoso.CUSTOMER.tpid())).orElseThrow().perspective().mindset())
                .as("the edit stays in the workspace").contains(mine);

        signIn();
        client.sync(p -> { });

        assertThat(store.outbox().pendingCount()).isZero();
        assertThat(store.outbox().problems()).isEmpty();
        try (LocalStore other = Workspaces.open(dir.resolve("check"))) {
            SyncClient check = new SyncClient(server.url(), other);
            check.login(Contoso.FM.userId(), PASSWORD);
            check.sync(p -> { });
            assertThat(other.health().get(Long.toString(Contoso.CUSTOMER.tpid())).orElseThrow().perspective().mindset())
                    .contains(mine);
        }
    }

    @Test
    void aRefreshTheProviderRefusesAsksForANewSignInAndKeepsTheEdits() throws Exception {
        signIn();
        client.sync(p -> { });
        try (FakeHttpServer refusing = new FakeHttpServer()) {
            // a provider that revoked the refresh token (the person left, or an administrator ended it)
            refusing.answer(ex -> FakeHttpServer.respond(ex, 400, "application/json",
                    "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}"));
            store.putSetting(SyncClient.OIDC_TOKEN_ENDPOINT, refusing.url() + "token");
            desktopClock.advance(Duration.ofMinutes(59));
            changeMindset();

            assertThatThrownBy(() -> client.sync(p -> { })).isInstanceOfSatisfying(SyncException.class, e -> {
                assertThat(e.failure()).isEqualTo(SyncFailure.LOGIN_NEEDED);
                assertThat(e.getMessage()).contains("Sign in again to sync");
            });
        }
        assertThat(store.secret(SyncClient.REFRESH_TOKEN)).as("a refused refresh token is forgotten").isEmpty();
        assertThat(store.secret(SyncClient.TOKEN)).isEmpty();
        assertThat(store.outbox().pendingCount()).isEqualTo(1);

        signIn();
        client.sync(p -> { });
        assertThat(store.outbox().pendingCount()).isZero();
    }
}
