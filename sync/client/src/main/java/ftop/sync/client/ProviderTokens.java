package ftop.sync.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the identity provider's token endpoint gave: the access token sent to the FTOP server, the
 * refresh token that renews it without the browser, and when the access token expires.
 *
 * @param accessToken  sent as {@code Authorization: Bearer}
 * @param refreshToken for the {@code refresh_token} grant; empty when the provider gives none
 * @param expiresAt    when the access token stops working, by this client's clock
 */
public record ProviderTokens(String accessToken, Optional<String> refreshToken, Instant expiresAt) {

    public ProviderTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        refreshToken = refreshToken == null ? Optional.empty() : refreshToken.filter(s -> !s.isBlank());
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Keeps the tokens out of logs. */
    @Override
    public String toString() {
        return "ProviderTokens[accessToken=***, refreshToken=" + (refreshToken.isPresent() ? "***" : "none")
                + ", expiresAt=" + expiresAt + "]";
    }
}
