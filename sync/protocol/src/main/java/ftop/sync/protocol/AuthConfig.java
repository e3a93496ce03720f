package ftop.sync.protocol;

import java.util.List;

/**
 * How to sign in to a server ({@code GET /api/v1/auth/config}, no token needed): with a password
 * ({@code POST /session}) and, when the server trusts an identity provider, with OpenID Connect.
 *
 * @param passwords true when the server takes passwords
 * @param oidc      the identity provider to sign in with; null when there is none
 */
public record AuthConfig(boolean passwords, Oidc oidc) {

    /**
     * An OpenID Connect provider a desktop signs in with (authorization code with PKCE, RFC 8252);
     * the access token it gets is sent as {@code Authorization: Bearer <token>}.
     *
     * @param issuer   the issuer URL; its {@code /.well-known/openid-configuration} names the endpoints
     * @param clientId the desktop's (public) client id at the provider
     * @param scopes   the scopes to ask for
     */
    public record Oidc(String issuer, String clientId, List<String> scopes) {
        public Oidc {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }
}
