package ftop.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ftop.sync.protocol.AuthConfig;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The company's OpenID Connect provider as the desktop uses it: its authorization and token
 * endpoints (from the issuer's discovery document), the desktop's public client id and the scopes
 * to ask for. Exchanges an authorization code (with its PKCE verifier) and renews tokens with the
 * {@code refresh_token} grant. Calls block; run them off the UI thread.
 */
public final class OidcProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A discovery document or token answer is a few kilobytes; more is not one. */
    private static final long MAX_ANSWER_BYTES = 256 * 1024;
    /** Assumed when the token answer has no {@code expires_in}: short, so it is renewed early rather than late. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final HttpUrl authorizationEndpoint;
    private final HttpUrl tokenEndpoint;
    private final String clientId;
    private final List<String> scopes;
    private final OkHttpClient http;
    private final Clock clock;

    /**
     * @param authorizationEndpoint where the browser signs in; null for a provider used only to renew tokens
     * @param tokenEndpoint         where codes and refresh tokens are exchanged
     * @param clientId              the desktop's public client id
     * @param scopes                the scopes to ask for
     * @param http                  the HTTP client (trust store, timeouts)
     * @param clock                 turns {@code expires_in} into an instant
     */
    public OidcProvider(HttpUrl authorizationEndpoint, HttpUrl tokenEndpoint, String clientId, List<String> scopes,
            OkHttpClient http, Clock clock) {
        this.authorizationEndpoint = authorizationEndpoint;
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.scopes = List.copyOf(scopes);
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads the issuer's discovery document ({@code ISSUER/.well-known/openid-configuration}) for
     * the endpoints. Both must be HTTPS unless on this computer, as {@code security} says.
     *
     * @throws SyncException UNREACHABLE when the provider does not answer, BAD_ANSWER when its
     *                       document names no endpoints
     */
    public static OidcProvider discover(AuthConfig.Oidc config, OkHttpClient http, TransportSecurity security,
            Clock clock) throws SyncException {
        HttpUrl issuer = HttpUrl.parse(config.issuer());
        if (issuer == null) {
            throw new SyncException(SyncFailure.BAD_ANSWER, "The server names a company sign-in at \"" + config.issuer()
                    + "\", which is not an address. Tell your FTOP administrator.");
        }
        security.check(issuer);
        HttpUrl discovery = issuer.newBuilder().addPathSegments(".well-known/openid-configuration").build();
        JsonNode document = read(http, new Request.Builder().url(discovery).get().build(), "read the company sign-in's settings");
        HttpUrl authorize = endpoint(document, "authorization_endpoint", issuer);
        HttpUrl token = endpoint(document, "token_endpoint", issuer);
        security.check(authorize);
        security.check(token);
        return new OidcProvider(authorize, token, config.clientId(), config.scopes(), http, clock);
    }

    private static HttpUrl endpoint(JsonNode document, String field, HttpUrl issuer) throws SyncException {
        HttpUrl url = HttpUrl.parse(document.path(field).asText(""));
        if (url == null) {
            throw new SyncException(SyncFailure.BAD_ANSWER, "The company sign-in at " + issuer
                    + " does not name its " + field.replace('_', ' ') + ". Tell your FTOP administrator.");
        }
        return url;
    }

    /** Where the browser signs in; empty for a provider made only to renew tokens. */
    public Optional<HttpUrl> authorizationEndpoint() {
        return Optional.ofNullable(authorizationEndpoint);
    }

    /** Where codes and refresh tokens are exchanged for tokens. */
    public HttpUrl tokenEndpoint() {
        return tokenEndpoint;
    }

    /** The desktop's public client id. */
    public String clientId() {
        return clientId;
    }

    /** The scopes asked for. */
    public List<String> scopes() {
        return scopes;
    }

    /** The sign-in page for the browser: authorization code with PKCE (S256). */
    HttpUrl authorizationUrl(HttpUrl redirectUri, String state, String codeChallenge) {
        if (authorizationEndpoint == null) {
            throw new IllegalStateException("This provider was made to renew tokens only");
        }
        return authorizationEndpoint.newBuilder()
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", clientId)
                .addQueryParameter("redirect_uri", redirectUri.toString())
                .addQueryParameter("scope", String.join(" ", scopes))
                .addQueryParameter("state", state)
                .addQueryParameter("code_challenge", codeChallenge)
                .addQueryParameter("code_challenge_method", "S256")
                .build();
    }

    /** Exchanges the code the browser brought back, proving with {@code verifier} that this app asked for it. */
    ProviderTokens exchange(String code, String verifier, HttpUrl redirectUri) throws SyncException {
        return tokens(new FormBody.Builder()
                .add("grant_type", "authorization_code")
                .add("code", code)
                .add("redirect_uri", redirectUri.toString())
                .add("client_id", clientId)
                .add("code_verifier", verifier)
                .build(), Optional.empty(), "finish the company sign-in");
    }

    /**
     * Renews the access token with {@code refreshToken}. A provider that answers without a new
     * refresh token leaves the old one in use.
     *
     * @throws SyncException LOGIN_NEEDED (with the HTTP status) when the provider refuses the refresh
     *                       token (expired, revoked); UNREACHABLE when it does not answer
     */
    public ProviderTokens refresh(String refreshToken) throws SyncException {
        return tokens(new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("refresh_token", refreshToken)
                .add("client_id", clientId)
                .build(), Optional.of(refreshToken), "renew the sign-in");
    }

    private ProviderTokens tokens(FormBody form, Optional<String> oldRefresh, String what) throws SyncException {
        Instant asked = clock.instant();
        JsonNode answer = read(http, new Request.Builder().url(tokenEndpoint).post(form).build(), what);
        String access = answer.path("access_token").asText("");
        if (access.isBlank()) {
            throw new SyncException(SyncFailure.BAD_ANSWER, "The company sign-in gave no access token; tell your "
                    + "FTOP administrator.");
        }
        long seconds = answer.path("expires_in").asLong(0);
        Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
        Optional<String> refresh = Optional.of(answer.path("refresh_token").asText("")).filter(s -> !s.isBlank());
        return new ProviderTokens(access, refresh.or(() -> oldRefresh), asked.plus(lifetime));
    }

    /** One call to the provider, its JSON answer; its refusals and silences in words. */
    private static JsonNode read(OkHttpClient http, Request request, String what) throws SyncException {
        String host = request.url().scheme() + "://" + request.url().host() + ":" + request.url().port();
        try (Response response = http.newCall(request).execute()) {
            JsonNode body;
            try (InputStream in = new CappedInputStream(response.body().byteStream(), MAX_ANSWER_BYTES)) {
                body = JSON.readTree(in);
            } catch (IOException e) {
                body = null;
            }
            if (!response.isSuccessful()) {
                String error = body == null ? "" : body.path("error").asText("");
                String description = body == null ? "" : body.path("error_description").asText("");
                LOG.info("The company sign-in at {} refused to {}: HTTP {} {} {}", host, what, response.code(), error,
                        description);
                if (response.code() == 400 || response.code() == 401) {
                    return refused(response.code(), error, what);
                }
                throw new SyncException(SyncFailure.SERVER_ERROR, response.code(), "The company sign-in at " + host
                        + " could not " + what + " (HTTP " + response.code() + "). Try again later.", null);
            }
            if (body == null || !body.isObject()) {
                throw new SyncException(SyncFailure.BAD_ANSWER, "The company sign-in at " + host + " gave an answer "
                        + "that could not be read when asked to " + what + ".");
            }
            return body;
        } catch (IOException e) {
            LOG.info("The company sign-in at {} did not answer: {}", host, e.toString());
            throw new SyncException(SyncFailure.UNREACHABLE, "Cannot reach the company sign-in at " + host
                    + ". Check your network; your changes are kept.", e);
        }
    }

    private static JsonNode refused(int status, String error, String what) throws SyncException {
        throw new SyncException(SyncFailure.LOGIN_NEEDED, status, "The company sign-in did not " + what
                + (error.isBlank() ? "" : " (" + error + ")") + ". Sign in again to sync; your changes are kept.", null);
    }
}
