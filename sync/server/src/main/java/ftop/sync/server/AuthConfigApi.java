package ftop.sync.server;

import ftop.sync.protocol.AuthConfig;
import io.javalin.config.RoutesConfig;
import java.util.Optional;

/**
 * {@code GET /api/v1/auth/config}: how to sign in, for a desktop before it has a token. With an
 * identity provider, it names the issuer and the desktop's client id so the desktop can run the
 * authorization code flow with PKCE in the system browser.
 */
final class AuthConfigApi {

    private final AuthConfig answer;

    AuthConfigApi(Optional<OidcSettings> oidc) {
        this.answer = new AuthConfig(true, oidc.map(o -> new AuthConfig.Oidc(o.issuer().toString(), o.clientId(),
                o.scopes())).orElse(null));
    }

    void register(RoutesConfig routes) {
        routes.get(FtopServer.API + "/auth/config", ctx -> Http.json(ctx, 200, answer));
    }
}
