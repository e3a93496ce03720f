package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import ftop.core.change.EntityKind;
import ftop.core.change.Mutation;
import ftop.core.user.UserRole;
import ftop.core.validation.Contoso;
import ftop.sync.protocol.AuthConfig;
import ftop.sync.protocol.LoginResponse;
import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import ftop.sync.protocol.MutationResult;
import ftop.sync.protocol.MutationResults;
import ftop.sync.protocol.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sign-in through an OpenID Connect provider: a real one (mock-oauth2-server) on loopback signs
 * the access tokens, and the server checks them against its published keys.
 */
@ParameterizedClass
@EnumSource(value = ServerTestBase.Backend.class, names = "H2")
class OidcSignInTest extends ServerTestBase {

    private static final String ISSUER_ID = "company";
    private static final String AUDIENCE = "ftop-api";
    private static final String SLT_GROUP = "5f0c6a38-slt-watchlist";
    private static final String LEADS_GROUP = "0b6a9e21-regional-leads";

    private MockOAuth2Server provider;
    private OidcSettings settings;

    @Override
    ServerConfig configure(ServerConfig config) {
        provider = new MockOAuth2Server();
        provider.start();
        settings = OidcSettings.of(URI.create(provider.issuerUrl(ISSUER_ID).toString()), AUDIENCE)
                .withGroupRoles(Map.of(SLT_GROUP, OidcSettings.SLT_WATCHLIST, LEADS_GROUP, "LEAD"))
                .withUserDomain("contoso.com");
        return config.withOidc(settings);
    }

    @AfterEach
    void stopProvider() {
        if (provider != null) {
            provider.shutdown();
        }
    }

    private String token(String issuerId, String userId, List<String> audience, List<String> groups) {
        return provider.issueToken(issuerId, "ftop-desktop", new DefaultOAuth2TokenCallback(issuerId, "sub-" + userId,
                "JWT", audience, Map.of("preferred_username", userId, "groups", groups), 3600)).serialize();
    }

    private String valid(String userId, String... groups) {
        return token(ISSUER_ID, userId, List.of(AUDIENCE), List.of(groups));
    }

    private MutationResult setWinnerFlag(String bearer) throws Exception {
        Mutation m = Mutation.upsert(EntityKind.TENANT, Contoso.WINNER_TENANT_ID.toString(), loadedRevision,
                Map.of("winner", BooleanNode.FALSE));
        Answer answer = post("/mutations", bearer, json(new MutationBatch(List.of(MutationRequest.of(m)))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.as(MutationResults.class).results().get(0);
    }

    @Test
    void aValidAccessTokenSignsInAndPasswordsStillWork() throws Exception {
        String bearer = valid(World.FM.userId());
        assertThat(get("/rules", bearer).status()).isEqualTo(200);
        assertThat(pullAll(World.FM, 0, 500)).isNotEmpty();
        assertThat(get("/changes?since=0", bearer).json().path("changes").size()).isPositive();
        assertThat(login(World.US_LEAD).token()).isNotBlank();
    }

    @Test
    void theCompanyDomainIsTakenOffTheUserIdClaimAndGroupsGrantRoles() throws Exception {
        assertThat(get("/rules", valid(World.OTHER_FM.userId() + "@Contoso.com")).status()).isEqualTo(200);
        assertThat(get("/rules", valid(World.OTHER_FM.userId() + "@fabrikam.com")).status())
                .as("another domain is another person").isEqualTo(403);
        assertThat(settings.rolesOf(List.of(LEADS_GROUP, "unrelated-group"))).containsExactly(UserRole.LEAD);
        assertThat(settings.inSltGroup(List.of(LEADS_GROUP))).isFalse();
        assertThat(settings.inSltGroup(List.of(SLT_GROUP))).isTrue();
    }

        @Test
    void theDesktopLearnsTheIssuerAndClientIdWithoutSigningIn() throws Exception {
        Answer answer = get("/auth/config", null);
        assertThat(answer.status()).isEqualTo(200);
        AuthConfig config = answer.as(AuthConfig.class);
        assertThat(config.passwords()).isTrue();
        assertThat(config.oidc().issuer()).isEqualTo(provider.issuerUrl(ISSUER_ID).toString());
        assertThat(config.oidc().clientId()).isEqualTo(AUDIENCE);
        assertThat(config.oidc().scopes()).contains("openid");
    }

    @Test
    void theSessionNamesTheUserOfAnAccessTokenWithTheRolesOfTheirGroups() throws Exception {
        Answer answer = get("/session", valid(World.FM.userId() + "@contoso.com", LEADS_GROUP));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        LoginResponse me = answer.as(LoginResponse.class);
        assertThat(me.userId()).isEqualTo(World.FM.userId());
        assertThat(me.roles()).contains(UserRole.LEAD);
        assertThat(me.token()).isNull();
        assertThat(me.serverId()).isNotBlank();
        assertThat(get("/session", null).status()).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        Answer answer = get("/rules", token("elsewhere", World.FM.userId(), List.of(AUDIENCE), List.of()));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error().message()).contains("not valid");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        Answer answer = get("/rules", token(ISSUER_ID, World.FM.userId(), List.of("some-other-api"), List.of()));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error().message()).contains("aud");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String bearer = valid(World.FM.userId());
        assertThat(get("/rules", bearer).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(1).plusMinutes(2));
        Answer answer = get("/rules", bearer);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error().message()).containsIgnoringCase("expired");
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        SignedJWT genuine = SignedJWT.parse(valid(World.FM.userId()));
        RSAKey attackerKey = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attackerKey.getKeyID())
                .type(genuine.getHeader().getType()).build(), genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(attackerKey));
        assertThat(get("/rules", forged.serialize()).status()).isEqualTo(401);

        String[] parts = genuine.serialize().split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                genuine.getJWTClaimsSet().toString().replace(World.FM.userId(), World.ADMIN.userId()).getBytes()) + "." + parts[2];
        assertThat(get("/rules", tampered).status()).isEqualTo(401);
    }

    @Test
    void theSltGroupClaimGrantsTheWinnerFlagAndItsAbsenceDeniesIt() throws Exception {
        MutationResult without = setWinnerFlag(valid(World.SLT.userId()));
        assertThat(without.outcome()).as("in the directory's group, but the provider says no").isEqualTo(Outcome.REJECTED);
        assertThat(without.message()).contains("SLT Watchlist security group");

        MutationResult with = setWinnerFlag(valid(World.FM.userId(), SLT_GROUP));
        assertThat(with.outcome()).as(with.message()).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aPersonUnknownToFtopOrDisabledIsRefused() throws Exception {
        Answer stranger = get("/rules", valid("mallory"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.error().message()).contains("not a user of FTOP");

        String bearer = valid(World.FM.userId());
        assertThat(post("/admin/users/" + World.FM.userId() + "/disable", token(World.ADMIN), "").status()).isEqualTo(204);
        assertThat(get("/rules", bearer).status()).isEqualTo(403);
    }
}
