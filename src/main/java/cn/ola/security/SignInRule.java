package cn.ola.security;

import java.time.Duration;
import java.time.Instant;

/**
 * When failed sign-ins make us wait before checking a password again. Two counts, both of
 * checked passwords only (an attempt refused for waiting is not checked and counts for nothing):
 * <ul>
 * <li>per account (the user name as typed, known or not): a few failures in a row are free
 * (typing errors), then each further failure makes the account wait twice as long as the last,
 * from {@code delayBase} up to {@code delayMax}, short, so that nobody can lock someone out for
 * long; a sign-in with the right password, or {@code forgetAfter} without failures, clears it;</li>
 * <li>per client address: after {@code addressMaxFailures} failures within {@code addressWindow}
 * (counted from the window's first failure) that address waits until the window ends, whatever
 * account it tries, so that one address cannot try password after password.</li>
 * </ul>
 * Nothing ever locks an account for good: only an administrator does that.
 */
record SignInRule(int freeFailures, Duration delayBase, Duration delayMax, Duration forgetAfter,
        int addressMaxFailures, Duration addressWindow) {

    SignInRule {
        if (freeFailures < 0 || addressMaxFailures < 1 || delayBase.isNegative() || delayMax.compareTo(delayBase) < 0
                || forgetAfter.isNegative() || addressWindow.isNegative()) {
            throw new IllegalArgumentException("Sign-in throttling needs non-negative durations, a maximum delay not below "
                    + "the first one, and at least one failure per address window: " + this);
        }
    }

    /** The failures counted so far for an account or an address, and until when it waits. */
    record Failures(int count, Instant firstAt, Instant lastAt, Instant blockedUntil) {
    }

    /** The account's count after one more failed password at {@code now}. */
    Failures afterAccountFailure(Failures before, Instant now) {
        boolean forgotten = before == null || before.lastAt().plus(forgetAfter).isBefore(now);
        int count = forgotten ? 1 : before.count() + 1;
        Instant first = forgotten ? now : before.firstAt();
        Duration delay = accountDelay(count);
        return new Failures(count, first, now, delay.isZero() ? null : now.plus(delay));
    }

    /** How long an account waits after its {@code failures}-th failure in a row. */
    Duration accountDelay(int failures) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures - 1, 30);
        Duration delay = delayBase.multipliedBy(1L << doublings);
        return delay.compareTo(delayMax) > 0 || delay.isNegative() ? delayMax : delay;
    }

    /** The address's count after one more failed password at {@code now}. */
    Failures afterAddressFailure(Failures before, Instant now) {
        boolean newWindow = before == null || !before.firstAt().plus(addressWindow).isAfter(now);
        int count = newWindow ? 1 : before.count() + 1;
        Instant first = newWindow ? now : before.firstAt();
        return new Failures(count, first, now, count >= addressMaxFailures ? first.plus(addressWindow) : null);
    }

    /** How long before a password may be checked again, given both counts; zero when it may be now. */
    static Duration waitBefore(Instant now, Failures account, Failures address) {
        Duration wait = Duration.ZERO;
        for (Failures failures : new Failures[] {account, address}) {
            if (failures != null && failures.blockedUntil() != null && failures.blockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, failures.blockedUntil());
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait;
    }
}
