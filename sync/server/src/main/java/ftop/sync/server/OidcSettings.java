package ftop.sync.server;

import ftop.core.user.UserRole;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenID Connect identity provider a server trusts: access tokens it signs are accepted as
 * sign-in, besides passwords.
 *
 * @param issuer      the issuer URL, exactly as in the tokens' {@code iss}; its keys are found through
 *                    {@code /.well-known/openid-configuration}
 * @param audience    the {@code aud} a token must carry (the API's id at the provider)
 * @param clientId    the desktop's public client id, told to desktops for their PKCE sign-in
 * @param userClaim   the claim holding the FTOP user id (e.g. {@code preferred_username})
 * @param groupsClaim the claim listing the person's groups
 * @param groupRoles  group id to what it grants: a {@link UserRole} name or {@link #SLT_WATCHLIST}
 * @param scopes      the scopes a desktop asks for
 * @param jwksUri     the provider's key set, when not to be discovered from the issuer
 * @param userDomain  a domain taken off the user-id claim: with {@code contoso.com}, the claim
 *                    {@code megan.bowen@contoso.com} is the FTOP user {@code megan.bowen}; empty: the claim as it is
 */
public record OidcSettings(URI issuer, String audience, String clientId, String userClaim, String groupsClaim,
                           Map<String, String> groupRoles, List<String> scopes, Optional<URI> jwksUri,
                           Optional<String> userDomain) {

    /** What a group grants to be the SLT Watchlist security group (may set the winner flag). */
    public static final String SLT_WATCHLIST = "SLT_WATCHLIST";
    public static final String DEFAULT_USER_CLAIM = "preferred_username";
    public static final String DEFAULT_GROUPS_CLAIM = "groups";
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "offline_access");

    public OidcSettings {
        Objects.requireNonNull(issuer, "issuer");
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("The identity provider needs an audience (the API's id at the provider)");
        }
        clientId = clientId == null || clientId.isBlank() ? audience : clientId;
        userClaim = userClaim == null || userClaim.isBlank() ? DEFAULT_USER_CLAIM : userClaim;
        groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? DEFAULT_GROUPS_CLAIM : groupsClaim;
        groupRoles = Map.copyOf(groupRoles == null ? Map.of() : groupRoles);
        for (Map.Entry<String, String> e : groupRoles.entrySet()) {
            if (!e.getValue().equals(SLT_WATCHLIST) && Arrays.stream(UserRole.values()).noneMatch(r -> r.name().equals(e.getValue()))) {
                throw new IllegalArgumentException("Group " + e.getKey() + " grants \"" + e.getValue() + "\", which is neither "
                        + SLT_WATCHLIST + " nor one of " + Arrays.toString(UserRole.values()));
            }
        }
        scopes = scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
        jwksUri = jwksUri == null ? Optional.empty() : jwksUri;
        userDomain = userDomain == null ? Optional.empty()
                : userDomain.map(d -> d.trim().replaceFirst("^@", "")).filter(d -> !d.isEmpty());
    }

    /** The issuer's settings with every other one by default. */
    public static OidcSettings of(URI issuer, String audience) {
        return new OidcSettings(issuer, audience, null, null, null, Map.of(), null, Optional.empty(), Optional.empty());
    }

    /** These settings with {@code groupRoles}. */
    public OidcSettings withGroupRoles(Map<String, String> roles) {
        return new OidcSettings(issuer, audience, clientId, userClaim, groupsClaim, roles, scopes, jwksUri, userDomain);
    }

    /** These settings taking {@code @domain} off the user-id claim. */
    public OidcSettings withUserDomain(String domain) {
        return new OidcSettings(issuer, audience, clientId, userClaim, groupsClaim, groupRoles, scopes, jwksUri,
                Optional.of(domain));
    }

    /** The FTOP user id a user-id claim names. */
    String userIdOf(String claim) {
        if (claim != null && userDomain.isPresent()) {
            String suffix = "@" + userDomain.get();
            if (claim.regionMatches(true, claim.length() - suffix.length(), suffix, 0, suffix.length())) {
                return claim.substring(0, claim.length() - suffix.length());
            }
        }
        return claim;
    }

    /** True when some group is configured as the SLT Watchlist group: then only the token decides the flag. */
    boolean sltGroupConfigured() {
        return groupRoles.containsValue(SLT_WATCHLIST);
    }

    /** The roles the groups in {@code groups} grant. */
    Set<UserRole> rolesOf(List<String> groups) {
        return groups.stream().map(groupRoles::get).filter(Objects::nonNull).filter(r -> !r.equals(SLT_WATCHLIST))
                .map(UserRole::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    /** True when one of {@code groups} is the SLT Watchlist group. */
    boolean inSltGroup(List<String> groups) {
        return groups.stream().anyMatch(g -> SLT_WATCHLIST.equals(groupRoles.get(g)));
    }
}
