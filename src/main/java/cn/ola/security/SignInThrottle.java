package cn.ola.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.ola.security.SignInRule.Failures;

/**
 * Keeps the counts of {@link SignInRule} in the database, so that every node of a cluster sees
 * the same ones: one row per user name (as typed, in lower case, whether such an account exists
 * or not) and one per client address. Each count is changed in a short transaction of its own,
 * whatever the caller is doing.
 */
@Component
class SignInThrottle {

    static final String ACCOUNT = "ACCOUNT";
    static final String ADDRESS = "ADDRESS";
    /** The longest subject we keep; longer user names exist nowhere and are cut. */
    private static final int SUBJECT_LENGTH = 128;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final SignInRule rule;

    SignInThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${ola.sign-in.free-failures:3}") int freeFailures,
            @Value("${ola.sign-in.delay-base:PT2S}") Duration delayBase,
            @Value("${ola.sign-in.delay-max:PT15S}") Duration delayMax,
            @Value("${ola.sign-in.forget-after:PT1H}") Duration forgetAfter,
            @Value("${ola.sign-in.address-max-failures:20}") int addressMaxFailures,
            @Value("${ola.sign-in.address-window:PT15M}") Duration addressWindow) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.rule = new SignInRule(freeFailures, delayBase, delayMax, forgetAfter, addressMaxFailures, addressWindow);
    }

    SignInRule rule() {
        return rule;
    }

    /**
     * How long a sign-in with this user name from this address must wait before its password is
     * checked, and whether the user name has failures to forget when the password is right.
     */
    Check check(String userName, String address) {
        Instant now = clock.instant();
        Failures account = find(ACCOUNT, account(userName)).orElse(null);
        Duration delay = SignInRule.waitBefore(now, account, find(ADDRESS, subject(address)).orElse(null));
        return new Check(delay, now.plus(delay), account != null);
    }

    /**
     * The delay before a password is checked (zero: at once), the moment it ends, and whether the
     * account has failures counted.
     */
    record Check(Duration delay, Instant until, boolean accountFailures) {
    }

    /** A password was checked and was wrong (or the user name unknown): both counts go up. */
    void failed(String userName, String address) {
        Instant now = clock.instant();
        count(ACCOUNT, account(userName), now, rule::afterAccountFailure);
        count(ADDRESS, subject(address), now, rule::afterAddressFailure);
    }

    /** The right password: the account's failures are forgotten (the address's stay, or one good account would open it). */
    void succeeded(String userName) {
        forgetAccount(userName);
    }

    /** An administrator unlocked the account: it may try again at once. */
    void forgetAccount(String userName) {
        jdbc.sql("DELETE FROM sign_in_failures WHERE subject_kind = ? AND subject = ?").params(ACCOUNT, account(userName))
                .update();
    }

    /** The user names and addresses that wait now, for the administrators' overview. */
    List<Waiting> waitingNow() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("SELECT subject_kind, subject, failures, blocked_until FROM sign_in_failures WHERE blocked_until > ? "
                + "ORDER BY blocked_until DESC").param(now)
                .query((row, n) -> new Waiting(row.getString(1), row.getString(2), row.getInt(3),
                        row.getTimestamp(4).toInstant()))
                .list();
    }

    /** A user name or an address that waits, with its failures and until when. */
    record Waiting(String kind, String subject, int failures, Instant until) {
    }

    /** Counts that can no longer make anybody wait are dropped, once an hour on every node. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void forgetOldFailures() {
        Duration longest = rule.forgetAfter().compareTo(rule.addressWindow()) > 0 ? rule.forgetAfter() : rule.addressWindow();
        Timestamp cutoff = Timestamp.from(clock.instant().minus(longest).minus(rule.delayMax()));
        jdbc.sql("DELETE FROM sign_in_failures WHERE last_failed_at < ? AND (blocked_until IS NULL OR blocked_until < ?)")
                .params(cutoff, cutoff).update();
    }

    private void count(String kind, String subject, Instant now, BiFunction<Failures, Instant, Failures> step) {
        try {
            ownTransaction.executeWithoutResult(status -> write(kind, subject, now, step));
        } catch (DuplicateKeyException firstAtTheSameMoment) {
            // Another failure for the same subject inserted the row first: count on top of it.
            ownTransaction.executeWithoutResult(status -> write(kind, subject, now, step));
        }
    }

    private void write(String kind, String subject, Instant now, BiFunction<Failures, Instant, Failures> step) {
        Optional<Failures> before = jdbc.sql("SELECT failures, first_failed_at, last_failed_at, blocked_until "
                + "FROM sign_in_failures WHERE subject_kind = ? AND subject = ? FOR UPDATE")
                .params(kind, subject).query(SignInThrottle::failures).optional();
        Failures after = step.apply(before.orElse(null), now);
        if (before.isEmpty()) {
            jdbc.sql("INSERT INTO sign_in_failures (subject_kind, subject, failures, first_failed_at, last_failed_at, "
                    + "blocked_until) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(kind, subject, after.count(), Timestamp.from(after.firstAt()), Timestamp.from(after.lastAt()),
                            timestamp(after.blockedUntil()))
                    .update();
        } else {
            jdbc.sql("UPDATE sign_in_failures SET failures = ?, first_failed_at = ?, last_failed_at = ?, blocked_until = ? "
                    + "WHERE subject_kind = ? AND subject = ?")
                    .params(after.count(), Timestamp.from(after.firstAt()), Timestamp.from(after.lastAt()),
                            timestamp(after.blockedUntil()), kind, subject)
                    .update();
        }
    }

    private Optional<Failures> find(String kind, String subject) {
        return jdbc.sql("SELECT failures, first_failed_at, last_failed_at, blocked_until FROM sign_in_failures "
                + "WHERE subject_kind = ? AND subject = ?").params(kind, subject).query(SignInThrottle::failures).optional();
    }

    private static Failures failures(ResultSet row, int n) throws SQLException {
        Timestamp blocked = row.getTimestamp(4);
        return new Failures(row.getInt(1), row.getTimestamp(2).toInstant(), row.getTimestamp(3).toInstant(),
                blocked == null ? null : blocked.toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** User names are counted without regard to case: "Admin" and "admin" are the same target. */
    private static String account(String userName) {
        return subject(userName.strip().toLowerCase(Locale.ROOT));
    }

    private static String subject(String text) {
        return text.length() > SUBJECT_LENGTH ? text.substring(0, SUBJECT_LENGTH) : text;
    }
}
