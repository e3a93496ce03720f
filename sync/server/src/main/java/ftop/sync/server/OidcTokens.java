package ftop.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import ftop.core.user.User;
import ftop.core.user.UserRole;
import ftop.sync.protocol.ProtocolJson;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts the access tokens of the trusted OpenID Connect provider ({@link OidcSettings}) as
 * sign-in. Nimbus JOSE+JWT checks each token: its signature against the provider's key set
 * (found through the issuer's discovery document, cached, and fetched again when a token names
 * a key it does not know: key rotation), its issuer, audience and expiry (by the server's clock,
 * a minute of skew allowed). The person must be in FTOP's directory and not disabled; the
 * provider's groups add roles and decide membership of the SLT Watchlist group.
 */
final class OidcTokens {

    private static final Logger LOG = LoggerFactory.getLogger("ftop.sync.server.SignIn");
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final Duration DISCOVERY_TIMEOUT = Duration.ofSeconds(10);

    private final OidcSettings settings;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    OidcTokens(OidcSettings settings, Clock clock) {
        this.settings = settings;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new DiscoveredKeys(settings)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(settings.audience()),
                new JWTClaimsSet.Builder().issuer(settings.issuer().toString()).build(),
                Set.of("exp", settings.userClaim()), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        });
    }

    /** True when {@code token} has the form of a JWT (our own session tokens have no dots). */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(ch -> ch == '.').count() == 2;
    }

    /**
     * The FTOP user a valid access token stands for, with the roles and SLT Watchlist membership
     * its groups give.
     *
     * @throws ApiException 401 when the token is not valid, 403 when the person is not in FTOP's
     *                      directory or is disabled
     */
    User user(String token, Database db) throws SQLException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException e) {
            LOG.info("Identity provider token refused: {}", e.getMessage());
            throw ApiException.unauthorized("The identity provider's token is not valid (" + e.getMessage()
                    + "); sign in again");
        } catch (RateLimitReachedException e) {
            // The key set was fetched again a moment ago and still lacks the token's key: a retired or made-up key.
            LOG.info("Identity provider token refused: signed with a key the provider does not publish");
            throw ApiException.unauthorized("The identity provider's token is not valid (signed with a key the provider "
                    + "does not publish); sign in again");
        } catch (JOSEException e) {
            LOG.warn("Cannot check an identity provider token", e);
            throw new ApiException(503, "busy", "The identity provider's keys cannot be read just now; try again shortly.", null);
        }
        String userId;
        List<String> groups;
        try {
            userId = settings.userIdOf(claims.getStringClaim(settings.userClaim()));
            List<String> listed = claims.getStringListClaim(settings.groupsClaim());
            groups = listed == null ? List.of() : listed;
        } catch (ParseException e) {
            throw ApiException.unauthorized("The identity provider's token has claims of the wrong type: " + e.getMessage());
        }
        Optional<User> known = db.read(c -> Accounts.access(c, userId).disabled() ? Optional.<User>empty()
                : Accounts.user(c, userId));
        if (known.isEmpty()) {
            throw ApiException.forbidden("\"" + SessionApi.loggable(userId) + "\" signed in with the identity provider but "
                    + "is not a user of FTOP (or is disabled); ask an administrator");
        }
        User user = known.get();
        Set<UserRole> roles = new HashSet<>(user.roles());
        roles.addAll(settings.rolesOf(groups));
        boolean slt = settings.sltGroupConfigured() ? settings.inSltGroup(groups) : user.sltWatchlistGroup();
        return new User(user.userId(), user.displayName(), user.email(), roles, user.region(), slt);
    }

    /**
     * The provider's keys: the key set named by the issuer's discovery document (or configured),
     * looked up when first needed, so the server starts even while the provider is unreachable.
     */
    private static final class DiscoveredKeys implements JWKSource<SecurityContext> {
        private final OidcSettings settings;
        private volatile JWKSource<SecurityContext> keys;

        DiscoveredKeys(OidcSettings settings) {
            this.settings = settings;
        }

        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
            JWKSource<SecurityContext> current = keys;
            if (current == null) {
                synchronized (this) {
                    if (keys == null) {
                        keys = JWKSourceBuilder.<SecurityContext>create(jwksUrl()).retrying(true).build();
                    }
                    current = keys;
                }
            }
            return current.get(selector, context);
        }

        private URL jwksUrl() throws KeySourceException {
            try {
                if (settings.jwksUri().isPresent()) {
                    return settings.jwksUri().get().toURL();
                }
                String issuer = settings.issuer().toString();
                URI discovery = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
                HttpResponse<byte[]> response = HttpClient.newBuilder().connectTimeout(DISCOVERY_TIMEOUT).build()
                        .send(HttpRequest.newBuilder(discovery).timeout(DISCOVERY_TIMEOUT).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new KeySourceException(discovery + " answered " + response.statusCode());
                }
                JsonNode document = ProtocolJson.mapper().readTree(response.body());
                if (!issuer.equals(document.path("issuer").asText())) {
                    throw new KeySourceException(discovery + " names the issuer \"" + document.path("issuer").asText()
                            + "\", not " + issuer);
                }
                URL jwks = URI.create(document.path("jwks_uri").asText()).toURL();
                LOG.info("Identity provider {}: keys at {}", issuer, jwks);
                return jwks;
            } catch (IOException | IllegalArgumentException e) {
                throw new KeySourceException("Cannot read the identity provider's discovery document: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeySourceException("Interrupted while reading the identity provider's discovery document", e);
            }
        }
    }
}
