package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.Javalin;
import java.net.URI;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The identity provider rotates its signing key: the server finds the new key in the published
 * key set by itself, and a key taken out of the set no longer signs anyone in. The provider is a
 * small one on loopback whose key set the test changes.
 */
@ParameterizedClass
@EnumSource(value = ServerTestBase.Backend.class, names = "H2")
class OidcKeyRotationTest extends ServerTestBase {

    private static final String AUDIENCE = "ftop-api";

    private Javalin provider;
    private String issuer;
    private volatile JWKSet published;
    private RSAKey oldKey;
    private RSAKey newKey;

    @Override
    ServerConfig configure(ServerConfig config) throws Exception {
        oldKey = new RSAKeyGenerator(2048).keyID("2026-old").generate();
        newKey = new RSAKeyGenerator(2048).keyID("2026-new").generate();
        published = new JWKSet(oldKey.toPublicJWK());
        provider = Javalin.create(cfg -> {
            cfg.routes.get("/.well-known/openid-configuration", ctx -> ctx.json(Map.of("issuer", issuer, "jwks_uri", issuer + "/keys")));
            cfg.routes.get("/keys", ctx -> ctx.contentType("application/json").result(published.toString()));
        }).start("127.0.0.1", 0);
        issuer = "http://127.0.0.1:" + provider.port();
        return config.withOidc(OidcSettings.of(URI.create(issuer), AUDIENCE));
    }

    @AfterEach
    void stopProvider() {
        if (provider != null) {
            provider.stop();
        }
    }

    private String signedBy(RSAKey key) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject("s-1")
                .claim("preferred_username", World.FM.userId()).expirationTime(new Date(clock.millis() + 3_600_000))
                .issueTime(new Date(clock.millis())).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aNewKeyIsFetchedWhenATokenNamesItAndARetiredKeyStopsWorking() throws Exception {
        String beforeRotation = signedBy(oldKey);
        assertThat(get("/rules", beforeRotation).status()).isEqualTo(200);

        published = new JWKSet(newKey.toPublicJWK());
        assertThat(get("/rules", signedBy(newKey)).status()).as("the server fetched the new key set").isEqualTo(200);
        Answer retired = get("/rules", signedBy(oldKey));
        assertThat(retired.status()).as(retired.body()).isEqualTo(401);
    }
}
