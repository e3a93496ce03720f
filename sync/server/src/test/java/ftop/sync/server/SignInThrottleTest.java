package ftop.sync.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final ServerTestBase.MutableClock clock = new ServerTestBase.MutableClock();
    private final SignInThrottle throttle = new SignInThrottle(SignInThrottle.Policy.DEFAULT, clock);

    /** One sign-in with a wrong password: the throttle's refusal, or empty when the password was checked. */
    private Optional<SignInThrottle.Refusal> wrong(String user, String address) {
        Optional<SignInThrottle.Refusal> refused = throttle.begin(user, address);
        if (refused.isEmpty()) {
            throttle.failed(user, address);
            throttle.end(user, address);
        }
        return refused;
    }

    private Optional<SignInThrottle.Refusal> right(String user, String address) {
        Optional<SignInThrottle.Refusal> refused = throttle.begin(user, address);
        if (refused.isEmpty()) {
            throttle.succeeded(user, address);
            throttle.end(user, address);
        }
        return refused;
    }

    @Test
    void fiveWrongPasswordsAreFreeThenTheWaitDoublesUpToALock() {
        for (int i = 0; i < 5; i++) {
            assertThat(wrong("megan.bowen", "10.0.0.1")).as("attempt " + (i + 1)).isEmpty();
        }
        assertThat(wrong("megan.bowen", "10.0.0.1")).isEmpty();
        Optional<SignInThrottle.Refusal> refused = wrong("megan.bowen", "10.0.0.1");
        assertThat(refused).isPresent();
        assertThat(refused.get().retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.get().locked()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(wrong("megan.bowen", "10.0.0.1")).isEmpty();
        assertThat(wrong("megan.bowen", "10.0.0.1").orElseThrow().retryAfterSeconds()).isEqualTo(2);

        for (int failures = 7; failures < 20; failures++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(wrong("megan.bowen", "10.0.0.1")).as("failure " + (failures + 1)).isEmpty();
        }
        SignInThrottle.Refusal lock = wrong("megan.bowen", "10.0.0.1").orElseThrow();
        assertThat(lock.locked()).isTrue();
        assertThat(lock.retryAfterSeconds()).isEqualTo(15 * 60);
        // the account is locked from any address that never signed in to it
        assertThat(wrong("megan.bowen", "10.9.9.9").orElseThrow().locked()).isTrue();

        clock.advance(Duration.ofMinutes(15));
        assertThat(wrong("megan.bowen", "10.9.9.9")).as("a lock ends").isEmpty();
    }

    @Test
    void anAddressTheRealUserSignedInFromIsNotLockedOutByAGuesser() {
        assertThat(right("megan.bowen", "10.0.0.7")).isEmpty();
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofMinutes(1));
            wrong("megan.bowen", "203.0.113." + i);
        }
        assertThat(wrong("megan.bowen", "203.0.113.99").orElseThrow().locked()).isTrue();
        assertThat(right("megan.bowen", "10.0.0.7")).as("her own laptop still gets in").isEmpty();
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottledToo() {
        for (int i = 0; i < 21; i++) {
            assertThat(wrong("user" + i, "198.51.100.1")).as("account " + i).isEmpty();
        }
        Optional<SignInThrottle.Refusal> refused = wrong("user-new", "198.51.100.1");
        assertThat(refused).isPresent();
        assertThat(wrong("user-new", "198.51.100.2")).as("another address is not concerned").isEmpty();
    }

    @Test
    void wrongPasswordsAreForgottenAfterAnHourAndARightOneStartsAfresh() {
        for (int i = 0; i < 6; i++) {
            wrong("megan.bowen", "10.0.0.1");
        }
        assertThat(wrong("megan.bowen", "10.0.0.1")).isPresent();
        clock.advance(Duration.ofMinutes(61));
        for (int i = 0; i < 5; i++) {
            assertThat(wrong("megan.bowen", "10.0.0.1")).isEmpty();
        }
        assertThat(right("megan.bowen", "10.0.0.1")).isEmpty();
        assertThat(wrong("megan.bowen", "10.0.0.2")).isEmpty();
    }

    @Test
    void onlyTwoAttemptsForOneAccountAreCheckedAtOnce() {
        assertThat(throttle.begin("megan.bowen", "10.0.0.1")).isEmpty();
        assertThat(throttle.begin("megan.bowen", "10.0.0.2")).isEmpty();
        assertThat(throttle.begin("megan.bowen", "10.0.0.3")).as("a third guess in parallel").isPresent();
        assertThat(throttle.begin("lee.gu", "10.0.0.3")).as("another account").isEmpty();
        throttle.end("megan.bowen", "10.0.0.1");
        assertThat(throttle.begin("megan.bowen", "10.0.0.3")).isEmpty();
    }

    @Test
    void aCrowdSigningInFromOneOfficeAddressIsNotHeldBack() {
        for (int i = 0; i < 200; i++) {
            assertThat(throttle.begin("user" + i, "192.0.2.10")).as("person " + i).isEmpty();
        }
        for (int i = 0; i < 200; i++) {
            throttle.succeeded("user" + i, "192.0.2.10");
            throttle.end("user" + i, "192.0.2.10");
        }
        assertThat(right("user0", "192.0.2.10")).isEmpty();
    }

    @Test
    void offLetsEverythingThrough() {
        SignInThrottle off = new SignInThrottle(SignInThrottle.Policy.OFF, clock);
        for (int i = 0; i < 500; i++) {
            assertThat(off.begin("megan.bowen", "10.0.0.1")).isEmpty();
            off.failed("megan.bowen", "10.0.0.1");
        }
    }
}
