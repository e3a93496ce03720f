package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import ftop.core.user.User;
import ftop.core.user.UserRole;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the session cache believes and when it asks again, with the database stood in for by a map
 * of valid sessions and time by a clock the test sets: a read that overlapped a revocation is not
 * believed, the trust ends at the token's expiry, and a full cache starts again.
 */
class SessionCacheRulesTest {

    private static final User FM = person("megan.bowen");
    private static final User LEAD = person("lynne.robbins");

    private final ServerTestBase.MutableClock clock =
            new ServerTestBase.MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    /** The database: the valid sessions by their token's hash. */
    private final Map<String, Accounts.Session> valid = new HashMap<>();
    private final AtomicInteger asked = new AtomicInteger();
    /** What happens in the database while a check reads it (another request's commit). */
    private Runnable meanwhile = () -> { };
    private final SessionCache cache = new SessionCache((hash, at, forWrite) -> {
        asked.incrementAndGet();
        Optional<Accounts.Session> session = Optional.ofNullable(valid.get(hash)).filter(s -> s.expiresAt().isAfter(at));
        meanwhile.run();
        return session;
    }, clock);

    @Test
    void aSessionIsCheckedOnceWithinTheTrustTimeAndAgainAfterIt() throws Exception {
        String token = signIn(FM, Duration.ofHours(12));

        assertThat(cache.user(token, false)).contains(FM);
        advance(SessionCache.TRUST.minusMillis(1));
        assertThat(cache.user(token, true)).contains(FM);
        assertThat(asked).hasValue(1);

        advance(Duration.ofMillis(1));
        assertThat(cache.user(token, false)).contains(FM);
        assertThat(asked).hasValue(2);
    }

    @Test
    void aSessionIsNeverBelievedPastItsTokensExpiry() throws Exception {
        String token = signIn(FM, Duration.ofSeconds(3));
        assertThat(cache.user(token, false)).contains(FM);

        advance(Duration.ofSeconds(3));
        assertThat(cache.user(token, false)).isEmpty();
        assertThat(asked).hasValue(2);
    }

    @Test
    void aClockSetBackDoesNotStretchTheTrust() throws Exception {
        String token = signIn(FM, Duration.ofHours(12));
        assertThat(cache.user(token, false)).contains(FM);

        advance(Duration.ofMinutes(-5));
        assertThat(cache.user(token, false)).contains(FM);
        assertThat(asked).hasValue(2);
    }

    @Test
    void anUnknownTokenIsAskedAboutEveryTimeSoASignInAfterItIsNotRefused() throws Exception {
        String token = "not-yet-issued";
        assertThat(cache.user(token, false)).isEmpty();
        assertThat(cache.user(token, false)).isEmpty();
        assertThat(asked).hasValue(2);

        valid.put(Accounts.sha256(token), new Accounts.Session(FM, clock.instant().plus(Duration.ofHours(1))));
        assertThat(cache.user(token, false)).contains(FM);
    }

    @Test
    void aCheckThatReadTheSessionBeforeARevocationCommittedIsNotBelievedAfterIt() throws Exception {
        String token = signIn(FM, Duration.ofHours(12));
        // The read sees the session still valid; the sign-out commits and forgets before the read is remembered.
        meanwhile = () -> {
            valid.remove(Accounts.sha256(token));
            cache.forget(FM.userId());
        };
        assertThat(cache.user(token, false)).contains(FM);
        meanwhile = () -> { };

        assertThat(cache.user(token, false)).isEmpty();
        assertThat(asked).hasValue(2);
    }

    @Test
    void aCheckOverlappingAForgettingOfEveryoneIsNotBelievedEither() throws Exception {
        String token = signIn(FM, Duration.ofHours(12));
        meanwhile = () -> cache.heard(ChangeNotice.everyone(10L, 11L));
        cache.user(token, false);
        meanwhile = () -> { };

        cache.user(token, false);
        cache.user(token, false);
        assertThat(asked).hasValue(2);
    }

    @Test
    void aNoticeNamingAPersonForgetsTheirSessionsOnly() throws Exception {
        String fm = signIn(FM, Duration.ofHours(12));
        String lead = signIn(LEAD, Duration.ofHours(12));
        cache.user(fm, false);
        cache.user(lead, false);

        cache.heard(ChangeNotice.of(10, 11, Set.of(1234L), Set.of(FM.userId())));
        cache.user(fm, false);
        cache.user(lead, false);

        assertThat(asked).hasValue(3);
    }

    @Test
    void anEditOfTheDirectoryOfPeopleForgetsEveryone() throws Exception {
        String fm = signIn(FM, Duration.ofHours(12));
        String lead = signIn(LEAD, Duration.ofHours(12));
        cache.user(fm, false);
        cache.user(lead, false);

        cache.heard(ChangeNotice.of(10, 11, Set.of(ScopeIndex.DIRECTORY_TPID), Set.of()));
        cache.user(fm, false);
        cache.user(lead, false);

        assertThat(asked).hasValue(4);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aCommitToOtherCustomersForgetsNoOne() throws Exception {
        String fm = signIn(FM, Duration.ofHours(12));
        cache.user(fm, false);

        cache.heard(ChangeNotice.of(10, 11, Set.of(1234L, 5678L), Set.of()));
        cache.user(fm, false);

        assertThat(asked).hasValue(1);
    }

    @Test
    void aFullCacheStartsAgainRatherThanGrow() throws Exception {
        for (int i = 0; i < SessionCache.MAX_ENTRIES; i++) {
            cache.user(signIn(FM, Duration.ofHours(12)), false);
        }
        assertThat(cache.size()).isEqualTo(SessionCache.MAX_ENTRIES);

        cache.user(signIn(LEAD, Duration.ofHours(12)), false);
        assertThat(cache.size()).isEqualTo(1);
    }

    private String signIn(User user, Duration lifetime) {
        String token = "token-" + valid.size() + "-" + user.userId();
        valid.put(Accounts.sha256(token), new Accounts.Session(user, clock.instant().plus(lifetime)));
        return token;
    }

    private void advance(Duration by) {
        clock.advance(by);
    }

    private static User person(String id) {
        return new User(id, id, id + "@example.com", Set.of(UserRole.FM), Optional.empty(), false);
    }
}
