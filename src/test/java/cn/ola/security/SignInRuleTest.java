package cn.ola.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.ola.security.SignInRule.Failures;

/** The throttling rule as configured by default: 3 free failures, 2 s doubling up to 15 s; 20 per address in 15 minutes. */
class SignInRuleTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private final SignInRule rule = new SignInRule(3, Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofHours(1),
            20, Duration.ofMinutes(15));

    @Test
    void threeTypingErrorsAreFreeThenTheDelayDoublesUpToFifteenSeconds() {
        assertThat(rule.accountDelay(1)).isZero();
        assertThat(rule.accountDelay(3)).isZero();
        assertThat(rule.accountDelay(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(rule.accountDelay(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(rule.accountDelay(6)).isEqualTo(Duration.ofSeconds(8));
        assertThat(rule.accountDelay(7)).isEqualTo(Duration.ofSeconds(15));
        assertThat(rule.accountDelay(10_000)).isEqualTo(Duration.ofSeconds(15));
        assertThat(rule.accountDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void anAccountWaitsAfterItsFourthFailureInARowAndNeverLonger() {
        Failures failures = null;
        for (int i = 1; i <= 3; i++) {
            failures = rule.afterAccountFailure(failures, NOW.plusSeconds(i));
            assertThat(failures.blockedUntil()).as("failure %d", i).isNull();
        }
        failures = rule.afterAccountFailure(failures, NOW.plusSeconds(10));
        assertThat(failures.count()).isEqualTo(4);
        assertThat(failures.blockedUntil()).isEqualTo(NOW.plusSeconds(12));
        for (int i = 0; i < 50; i++) {
            failures = rule.afterAccountFailure(failures, NOW.plusSeconds(100 + i * 20L));
        }
        assertThat(Duration.between(failures.lastAt(), failures.blockedUntil())).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void anHourWithoutFailuresForgetsThem() {
        Failures failures = null;
        for (int i = 0; i < 6; i++) {
            failures = rule.afterAccountFailure(failures, NOW.plusSeconds(i * 20L));
        }
        Failures later = rule.afterAccountFailure(failures, failures.lastAt().plus(Duration.ofMinutes(61)));
        assertThat(later.count()).isEqualTo(1);
        assertThat(later.blockedUntil()).isNull();
    }

    @Test
    void anAddressWaitsUntilItsWindowEndsAfterTwentyFailures() {
        Failures failures = null;
        for (int i = 0; i < 19; i++) {
            failures = rule.afterAddressFailure(failures, NOW.plusSeconds(i));
            assertThat(failures.blockedUntil()).isNull();
        }
        failures = rule.afterAddressFailure(failures, NOW.plusSeconds(60));
        assertThat(failures.count()).isEqualTo(20);
        assertThat(failures.blockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));

        Failures nextWindow = rule.afterAddressFailure(failures, NOW.plus(Duration.ofMinutes(15)));
        assertThat(nextWindow.count()).isEqualTo(1);
        assertThat(nextWindow.firstAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(nextWindow.blockedUntil()).isNull();
    }

    @Test
    void theLongerOfTheTwoWaitsCountsAndAPastOneIsNone() {
        Failures account = new Failures(5, NOW, NOW, NOW.plusSeconds(4));
        Failures address = new Failures(20, NOW, NOW, NOW.plusSeconds(600));
        assertThat(SignInRule.waitBefore(NOW, account, address)).isEqualTo(Duration.ofSeconds(600));
        assertThat(SignInRule.waitBefore(NOW, account, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(SignInRule.waitBefore(NOW.plusSeconds(4), account, null)).isZero();
        assertThat(SignInRule.waitBefore(NOW, null, null)).isZero();
    }

    @Test
    void aWaitIsToldInSecondsOrRoundedUpMinutes() {
        assertThat(new TooManySignInAttemptsException(Duration.ofMillis(1_200), null).getMessage())
                .isEqualTo("Too many failed sign-in attempts. Please try again in 2 seconds.");
        assertThat(new TooManySignInAttemptsException(Duration.ofMillis(1_200), null).retryAfterSeconds()).isEqualTo(2);
        assertThat(new TooManySignInAttemptsException(Duration.ofSeconds(601), null).getMessage())
                .isEqualTo("Too many failed sign-in attempts. Please try again in 11 minutes.");
        assertThat(new TooManySignInAttemptsException(Duration.ofMillis(1), null).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void aRuleThatCouldLockForeverOrNeverCountIsRefused() {
        assertThatThrownBy(() -> new SignInRule(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofHours(1), 20,
                Duration.ofMinutes(15))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInRule(3, Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofHours(1), 0,
                Duration.ofMinutes(15))).isInstanceOf(IllegalArgumentException.class);
    }
}
