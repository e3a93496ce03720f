package ftop.sync.client;

import ftop.core.store.LocalStore;
import ftop.sync.protocol.LoginResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The session with the server: signing in and out, and the token kept in the workspace settings
 * (never the password). See {@link SyncClient#login} and {@link SyncClient#logout}.
 */
final class ServerSession {

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
        Optional<String> owner = store.setting(SyncClient.USER_ID).filter(s -> !s.isBlank());
        if (owner.isPresent() && !owner.get().equals(response.userId()) && store.cursor() > 0) {
            // Do not mix two people's data (and outboxes) in one cache; end the session just made.
            try {
                api.logout(response.token());
            } catch (SyncException ignored) {
                // The token expires on its own.
            }
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "This workspace belongs to " + owner.get()
                    + ". Sign in as " + owner.get() + ", or use another workspace for " + response.userId() + ".");
        }
        store.putSetting(SyncClient.SERVER_URL, server.toString());
        store.putSecret(SyncClient.TOKEN, response.token());
        if (response.expiresAt() == null) {
            store.removeSetting(SyncClient.TOKEN_EXPIRES_AT);
        } else {
            store.putSetting(SyncClient.TOKEN_EXPIRES_AT, response.expiresAt().toString());
        }
        store.putSetting(SyncClient.USER_ID, response.userId());
        store.putSetting(SyncClient.DISPLAY_NAME, response.displayName() == null ? response.userId() : response.displayName());
        store.putSetting(SyncClient.ROLES, String.join(",", response.roles().stream().map(Enum::name).toList()));
        return response;
    }

    /**
     * Ends the session: the server forgets the token (when it can be reached) and the workspace
     * forgets it in any case. Pending edits stay for the next sign-in.
     */
    void logout() {
        Optional<String> token = currentToken();
        store.removeSetting(SyncClient.TOKEN);
        store.removeSetting(SyncClient.TOKEN_EXPIRES_AT);
        if (token.isPresent()) {
            try {
                api.logout(token.get());
            } catch (SyncException e) {
                // Signed out locally; an unreachable server lets the token expire by itself.
            }
        }
    }

    /** True while the workspace holds a session token that has not expired. */
    boolean signedIn() {
        return currentToken().isPresent() && !expired();
    }

    String token() throws SyncException {
        Optional<String> token = currentToken();
        if (token.isEmpty()) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "Please sign in to the server; your changes are kept.");
        }
        if (expired()) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED,
                    "Your session has expired. Please sign in again; your changes are kept.");
        }
        return token.get();
    }

    private Optional<String> currentToken() {
        return store.secret(SyncClient.TOKEN).filter(s -> !s.isBlank());
    }

    private boolean expired() {
        return store.setting(SyncClient.TOKEN_EXPIRES_AT).filter(s -> !s.isBlank()).flatMap(ServerSession::instant)
                .map(expiry -> !clock.instant().isBefore(expiry)).orElse(false);
    }

    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
