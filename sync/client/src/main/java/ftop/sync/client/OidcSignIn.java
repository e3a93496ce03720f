package ftop.sync.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.HttpUrl;

/**
 * One sign-in with the company's identity provider as RFC 8252 asks of a native app: the
 * authorization code flow with PKCE (S256) in the system browser, the code brought back to a
 * loopback redirect on this computer, then exchanged for tokens. {@link #authorizationUrl()} is for
 * the browser (and for the person to copy where no browser opens); {@link #await} waits for the
 * browser's answer; {@link #cancel} ends the wait. The listener on loopback is closed when the
 * sign-in ends either way.
 */
public final class OidcSignIn implements AutoCloseable {

    /** How long a person has to sign in in the browser. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OidcProvider provider;
    private final LoopbackRedirect redirect;
    private final String verifier;
    private final HttpUrl authorizationUrl;

    private OidcSignIn(OidcProvider provider) throws IOException {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.verifier = random(32);
        this.redirect = new LoopbackRedirect(random(24));
        this.authorizationUrl = provider.authorizationUrl(redirect.uri(), redirect.state(), challenge(verifier));
    }

    /**
     * Starts a sign-in with {@code provider}: the loopback listener waits from now on.
     *
     * @throws SyncException UNREACHABLE when no loopback port can be opened
     */
    public static OidcSignIn start(OidcProvider provider) throws SyncException {
        try {
            return new OidcSignIn(provider);
        } catch (IOException e) {
            throw new SyncException(SyncFailure.UNREACHABLE, "Cannot open a port on this computer for the browser "
                    + "to come back to (" + e.getMessage() + ").", e);
        }
    }

    /** The page to open in the browser. */
    public String authorizationUrl() {
        return authorizationUrl.toString();
    }

    /** Where the browser comes back: {@code http://127.0.0.1:PORT/callback}. */
    public String redirectUri() {
        return redirect.uri().toString();
    }

    /** The provider signed in with. */
    public OidcProvider provider() {
        return provider;
    }

    /**
     * Waits until the browser brings the code back (at most {@code timeout}), then exchanges it.
     *
     * @throws SyncException LOGIN_NEEDED when cancelled, timed out or refused by the provider;
     *                       UNREACHABLE when the token endpoint does not answer
     */
    public ProviderTokens await(Duration timeout) throws SyncException {
        try {
            String code = redirect.code().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return provider.exchange(code, verifier, redirect.uri());
        } catch (CancellationException e) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "Sign-in was cancelled.");
        } catch (TimeoutException e) {
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "The browser did not come back within "
                    + timeout.toMinutes() + " minutes. Sign in again when you are ready.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SyncException refused) {
                throw refused;
            }
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "Sign-in failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncFailure.LOGIN_NEEDED, "Sign-in was cancelled.");
        } finally {
            redirect.close();
        }
    }

    /** Ends the wait: {@link #await} throws "Sign-in was cancelled." and the loopback port closes. */
    public void cancel() {
        redirect.code().cancel(false);
        redirect.close();
    }

    @Override
    public void close() {
        cancel();
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** The PKCE S256 challenge of {@code verifier} (RFC 7636). */
    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
