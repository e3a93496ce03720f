package ftop.core.user;

import ftop.core.customer.Region;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person who uses FTOP or can be assigned to customers.
 *
 * @param userId            the sign-in name (alias), e.g. {@code megan.bowen}
 * @param displayName       the name people read
 * @param email             e-mail address
 * @param roles             what the person does
 * @param region            the region a lead leads; empty for everyone else
 * @param sltWatchlistGroup member of the security group that may set the SLT Watchlist (winner) flag
 */
public record User(
        String userId,
        String displayName,
        String email,
        Set<UserRole> roles,
        Optional<Region> region,
        boolean sltWatchlistGroup) {

    public User {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayName, "displayName");
        email = email == null ? "" : email;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        region = region == null ? Optional.empty() : region;
    }

    public boolean has(UserRole role) {
        return roles.contains(role);
    }
}
