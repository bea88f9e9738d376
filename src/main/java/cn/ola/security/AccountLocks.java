package cn.ola.security;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An administrator's lock on an account: the one lock that holds until it is lifted. It is
 * Camunda's own lock (the account's failed-attempt count set to the engine's maximum, which
 * failed sign-ins never reach since we count them elsewhere), so Camunda Admin shows the account
 * as locked and its "Unlock" lifts it, as does {@link #unlock}. The right password of a locked
 * account is answered "locked"; a wrong one, like any wrong one.
 */
@Service
public class AccountLocks {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLocks.class);

    /** What became of a lock or unlock. */
    public enum Outcome { LOCKED, UNLOCKED, NO_SUCH_ACCOUNT, OWN_ACCOUNT }

    /** An account an administrator has locked. */
    public record LockedAccount(String userId, String name) {
    }

    /** The throttling rule in force, for the administrators' page. */
    public record Rule(int freeFailures, long longestDelaySeconds, int addressFailures, long addressWindowMinutes) {
    }

    /** A user name or client address that waits after failed sign-ins, and until when. */
    public record Waiting(boolean address, String subject, int failures, Instant until) {
    }

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl engine;
    private final SignInThrottle throttle;

    AccountLocks(IdentityService identity, ProcessEngineConfigurationImpl engine, SignInThrottle throttle) {
        this.identity = identity;
        this.engine = engine;
        this.throttle = throttle;
    }

    public Outcome lock(String userId, String administrator) {
        if (userId.equals(administrator)) {
            return Outcome.OWN_ACCOUNT;
        }
        boolean found = engine.getCommandExecutorTxRequired().execute(context -> {
            User user = context.getReadOnlyIdentityProvider().findUserById(userId);
            if (!(user instanceof UserEntity account)) {
                return false;
            }
            context.getIdentityInfoManager().updateUserLock(account, engine.getLoginMaxAttempts(), null);
            return true;
        });
        if (!found) {
            return Outcome.NO_SUCH_ACCOUNT;
        }
        LOG.info("Account {} locked by administrator {}", userId, administrator);
        return Outcome.LOCKED;
    }

    /** Lifts the lock, and any wait after failed sign-ins of the account, as an administrator does in Camunda Admin. */
    public Outcome unlock(String userId, String administrator) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            return Outcome.NO_SUCH_ACCOUNT;
        }
        List<String> groups = identity.createGroupQuery().groupMember(administrator).list().stream().map(Group::getId).toList();
        identity.setAuthentication(administrator, groups);
        try {
            identity.unlockUser(userId);
        } finally {
            identity.clearAuthentication();
        }
        throttle.forgetAccount(userId);
        LOG.info("Account {} unlocked by administrator {}", userId, administrator);
        return Outcome.UNLOCKED;
    }

    public List<LockedAccount> locked() {
        return identity.createUserQuery().list().stream()
                .filter(user -> user instanceof UserEntity account && account.getAttempts() >= engine.getLoginMaxAttempts())
                .map(user -> new LockedAccount(user.getId(), name(user)))
                .sorted(Comparator.comparing(LockedAccount::userId)).toList();
    }

    public Rule rule() {
        SignInRule rule = throttle.rule();
        return new Rule(rule.freeFailures(), rule.delayMax().toSeconds(), rule.addressMaxFailures(),
                rule.addressWindow().toMinutes());
    }

    public List<Waiting> waiting() {
        return throttle.waitingNow().stream()
                .map(w -> new Waiting(SignInThrottle.ADDRESS.equals(w.kind()), w.subject(), w.failures(), w.until()))
                .toList();
    }

    private static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
