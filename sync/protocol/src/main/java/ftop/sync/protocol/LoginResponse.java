package ftop.sync.protocol;

import ftop.core.user.UserRole;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Answer to a successful login.
 *
 * @param token       the bearer token to send as {@code Authorization: Bearer <token>}
 * @param expiresAt   when the token stops working; the client logs in again after that
 * @param userId      the signed-in user
 * @param displayName the name to show in the window
 * @param roles       what the user does, which decides what they may see and edit; a role this client
 *                    does not know (from a newer server) is left out
 * @param serverId    the server database's id (a UUID), as in every page of changes
 */
public record LoginResponse(String token, Instant expiresAt, String userId, String displayName, List<UserRole> roles,
                            String serverId) {

    public LoginResponse {
        // A role unknown to this client reads as null (ProtocolJson.answers()): it cannot act on it.
        roles = roles == null ? List.of() : roles.stream().filter(Objects::nonNull).toList();
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "LoginResponse[token=***, expiresAt=" + expiresAt + ", userId=" + userId + ", displayName=" + displayName
                + ", roles=" + roles + ", serverId=" + serverId + "]";
    }
}
