package cn.ola.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without looking at the password, because failed ones from this address or
 * for this user name must wait a while (see {@link SignInRule}). It says how long, and until when,
 * and nothing else: not which of the two counts, nor whether the account exists.
 */
public class TooManySignInAttemptsException extends AuthenticationException {

    private final long seconds;
    private final Instant until;

    TooManySignInAttemptsException(Duration wait, Instant until) {
        this(Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)), until);
    }

    private TooManySignInAttemptsException(long seconds, Instant until) {
        super("Too many failed sign-in attempts. Please try again in " + amount(seconds)
                + (inMinutes(seconds) ? " minutes." : " seconds."));
        this.seconds = seconds;
        this.until = until;
    }

    /** When the wait ends. */
    public Instant until() {
        return until;
    }

    /** Whole seconds to wait, at least one: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        return seconds;
    }

    /** Minutes for a long wait, seconds for a short one. */
    public boolean inMinutes() {
        return inMinutes(seconds);
    }

    /** The wait, rounded up, in the unit {@link #inMinutes()} names. */
    public long amount() {
        return amount(seconds);
    }

    private static boolean inMinutes(long seconds) {
        return seconds >= 120;
    }

    private static long amount(long seconds) {
        return inMinutes(seconds) ? (seconds + 59) / 60 : seconds;
    }
}
