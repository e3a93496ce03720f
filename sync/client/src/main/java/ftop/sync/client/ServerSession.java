package ftop.sync.client;

import ftop.core.store.LocalStore;
import ftop.sync.protocol.LoginResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session with the server: signing in and out, and the token kept in the workspace settings
 * (never the password). See {@link SyncClient#login} and {@link SyncClient#logout}.
 */
final class ServerSession {

    /** A token of the identity provider is renewed when it expires within this. */
    static final Duration RENEW_AHEAD = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private final ServerApi api;
    private final LocalStore store;
    private final HttpUrl server;
    private final Clock clock;

    ServerSession(ServerApi api, LocalStore store, Clock clock) {
        this.api = api;
        this.store = store;
        this.server = api.serverUrl();
        this.clock = clock;
    }

    /**
     * Signs in and keeps the session token in the workspace. A workspace holds one user's view of
     * the data, so signing in as someone else to a workspace that has already synced is refused.
     *
     * @throws SyncException LOGIN_NEEDED for a wrong user name or password (with the server's
     *                       message) or for another user's workspace; UNREACHABLE, SERVER_ERROR,
     *                       BAD_ANSWER as for any call
     */
    LoginResponse login(String userName, String password) throws SyncException {
        if (userName == null || userName.isBlank()) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "Please enter your user name.");
        }
        if (password == null || password.isEmpty()) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "Please enter your password.");
        }
        LoginResponse response = api.login(userName.trim(), password);
        checkOwner(response, () -> api.logout(response.token()));
        synchronized (this) {
            forgetProvider();
            keep(response, response.token(), Optional.ofNullable(response.expiresAt()));
        }
        return response;
    }

    /**
     * Keeps the tokens of a sign-in through the company's identity provider, after the server has
     * said whose they are; the refresh token renews the access token from then on.
     *
     * @throws SyncException LOGIN_NEEDED when the server does not take the token or the workspace is
     *                       another person's; SERVER_ERROR 403 for a person FTOP does not know
     */
    LoginResponse login(OidcProvider provider, ProviderTokens tokens) throws SyncException {
        LoginResponse response = api.whoAmI(tokens.accessToken());
        checkOwner(response, () -> { });
        synchronized (this) {
            keep(response, tokens.accessToken(), Optional.of(tokens.expiresAt()));
            keepProvider(provider, tokens);
        }
        return response;
    }

    private interface Undo {
        void run() throws SyncException;
    }

    /** Refuses {@code response}'s user for a workspace that already holds another person's data. */
    private void checkOwner(LoginResponse response, Undo endSession) throws SyncException {
        Optional<String> owner = store.setting(SyncClient.USER_ID).filter(s -> !s.isBlank());
        if (owner.isPresent() && !owner.get().equals(response.userId()) && store.cursor() > 0) {
            // Do not mix two people's data (and outboxes) in one cache; end the session just made.
            try {
                endSession.run();
            } catch (SyncException ignored) {
                // The token expires on its own.
            }
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "This workspace belongs to " + owner.get()
                    + ". Sign in as " + owner.get() + ", or use another workspace for " + response.userId() + ".");
        }
    }

    private void keep(LoginResponse response, String token, Optional<Instant> expiresAt) {
        store.putSetting(SyncClient.SERVER_URL, server.toString());
        store.putSecret(SyncClient.TOKEN, token);
        if (expiresAt.isEmpty()) {
            store.removeSetting(SyncClient.TOKEN_EXPIRES_AT);
        } else {
            store.putSetting(SyncClient.TOKEN_EXPIRES_AT, expiresAt.get().toString());
        }
        store.putSetting(SyncClient.USER_ID, response.userId());
        store.putSetting(SyncClient.DISPLAY_NAME, response.displayName() == null ? response.userId() : response.displayName());
        store.putSetting(SyncClient.ROLES, String.join(",", response.roles().stream().map(Enum::name).toList()));
    }

    private void keepProvider(OidcProvider provider, ProviderTokens tokens) {
        store.putSetting(SyncClient.OIDC_TOKEN_ENDPOINT, provider.tokenEndpoint().toString());
        store.putSetting(SyncClient.OIDC_CLIENT_ID, provider.clientId());
        if (tokens.refreshToken().isPresent()) {
            store.putSecret(SyncClient.REFRESH_TOKEN, tokens.refreshToken().get());
        } else {
            store.removeSetting(SyncClient.REFRESH_TOKEN);
        }
    }

    private void forgetProvider() {
        store.removeSetting(SyncClient.REFRESH_TOKEN);
        store.removeSetting(SyncClient.OIDC_TOKEN_ENDPOINT);
        store.removeSetting(SyncClient.OIDC_CLIENT_ID);
    }

    /**
     * Ends the session: the server forgets the token (when it can be reached) and the workspace
     * forgets it in any case. Pending edits stay for the next sign-in.
     */
    void logout() {
        Optional<String> token;
        boolean provider;
        synchronized (this) {
            token = currentToken();
            provider = store.setting(SyncClient.OIDC_TOKEN_ENDPOINT).isPresent();
            store.removeSetting(SyncClient.TOKEN);
            store.removeSetting(SyncClient.TOKEN_EXPIRES_AT);
            forgetProvider();
        }
        // The provider's tokens are the provider's: the server has no session of its own to end.
        if (token.isPresent() && !provider) {
            try {
                api.logout(token.get());
            } catch (SyncException e) {
                // Signed out locally; an unreachable server lets the token expire by itself.
            }
        }
    }

    /** True while the workspace holds a session token that has not expired. */
    synchronized boolean signedIn() {
        return currentToken().isPresent() && !expired();
    }

    /**
     * The token to send. A token of the company's identity provider is renewed first when it
     * expires within {@link #RENEW_AHEAD} (the sync thread calls this at least every half minute
     * while online, so it is renewed in the background well before it expires). A refresh the
     * provider refuses forgets the tokens: the person signs in again, and every edit waits for it.
     * An unreachable provider leaves the token in use until it expires.
     */
    synchronized String token() throws SyncException {
        Optional<String> token = currentToken();
        if (token.isEmpty()) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "Sign in again to sync; your changes are kept.");
        }
        Optional<String> refresh = store.secret(SyncClient.REFRESH_TOKEN).filter(s -> !s.isBlank());
        if (refresh.isPresent() && expiresWithin(RENEW_AHEAD)) {
            Optional<String> renewed = renew(refresh.get());
            if (renewed.isPresent()) {
                return renewed.get();
            }
        }
        if (expired()) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED,
                    "Your sign-in has expired. Sign in again to sync; your changes are kept.");
        }
        return token.get();
    }

    private Optional<String> currentToken() {
        return store.secret(SyncClient.TOKEN).filter(s -> !s.isBlank());
    }

    private boolean expired() {
        return expiresWithin(Duration.ZERO);
    }

    private boolean expiresWithin(Duration ahead) {
        return store.setting(SyncClient.TOKEN_EXPIRES_AT).filter(s -> !s.isBlank()).flatMap(ServerSession::instant)
                .map(expiry -> !clock.instant().plus(ahead).isBefore(expiry)).orElse(false);
    }

    /** The renewed access token; empty when the provider cannot be reached (the old one may still do). */
    private Optional<String> renew(String refreshToken) throws SyncException {
        Optional<HttpUrl> endpoint = store.setting(SyncClient.OIDC_TOKEN_ENDPOINT).map(HttpUrl::parse);
        Optional<String> clientId = store.setting(SyncClient.OIDC_CLIENT_ID).filter(s -> !s.isBlank());
        if (endpoint.isEmpty() || clientId.isEmpty()) {
            return Optional.empty();
        }
        OidcProvider provider = new OidcProvider(null, endpoint.get(), clientId.get(), List.of(), api.http(), clock);
        try {
            ProviderTokens tokens = provider.refresh(refreshToken);
            store.putSecret(SyncClient.TOKEN, tokens.accessToken());
            store.putSetting(SyncClient.TOKEN_EXPIRES_AT, tokens.expiresAt().toString());
            tokens.refreshToken().ifPresent(r -> store.putSecret(SyncClient.REFRESH_TOKEN, r));
            LOG.info("Sign-in renewed until {}", tokens.expiresAt());
            return Optional.of(tokens.accessToken());
        } catch (SyncException e) {
            if (e.failure() == SyncFailure.LOGIN_NEEDED) {
                LOG.info("The company sign-in refused to renew the sign-in: {}", e.getMessage());
                store.removeSetting(SyncClient.TOKEN);
                store.removeSetting(SyncClient.TOKEN_EXPIRES_AT);
                store.removeSetting(SyncClient.REFRESH_TOKEN);
                throw new SyncException(SyncFailure.LOGIN_NEEDED, e.httpStatus().orElse(401),
                        "Sign in again to sync; your changes are kept.", e);
            }
            LOG.info("The sign-in could not be renewed now: {}", e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
