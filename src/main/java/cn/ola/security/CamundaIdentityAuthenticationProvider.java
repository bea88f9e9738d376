package cn.ola.security;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity store, so that a user created in Camunda Admin
 * can sign in at once and there is only one place where accounts and groups live (Camunda keeps
 * them salted and hashed). Failed sign-ins are throttled by {@link SignInThrottle}, per user name
 * and per client address, never for good; only an administrator locks an account
 * ({@link AccountLocks}). An unknown user name and a wrong password get the same answer, after
 * the same work: a password hash is checked either way.
 *
 * <p>The password is compared here rather than through {@code IdentityService.checkPassword}:
 * that one counts failures on the account row and locks the account itself, which is the
 * stranger-triggered lock this replaces.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";
    static final String WRONG = "The user name or password is wrong.";
    static final String MISSING = "Enter your user name and password.";
    static final String LOCKED = "This account has been locked by an administrator. Please ask a process administrator "
            + "to unlock it.";

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final SignInThrottle throttle;
    private volatile StoredPassword nobodysPassword;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, ProcessEngineConfigurationImpl engineConfiguration,
            SignInThrottle throttle) {
        this.identityService = identityService;
        this.engineConfiguration = engineConfiguration;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (username.isEmpty() || password.isEmpty()) {
            throw new MissingCredentialsException();
        }
        String address = clientAddress(authentication);
        SignInThrottle.Check check = throttle.check(username, address);
        if (!check.delay().isZero()) {
            throw new TooManySignInAttemptsException(check.delay(), check.until());
        }
        User user = identityService.createUserQuery().userId(username).singleResult();
        UserEntity account = user instanceof UserEntity entity ? entity : null;
        if (!passwordMatches(account, password)) {
            throttle.failed(username, address);
            throw new BadCredentialsException(WRONG);
        }
        if (check.accountFailures()) {
            // Most sign-ins (every call of the APIs) have nothing to forget: no write for them.
            throttle.succeeded(username);
        }
        if (account.getAttempts() >= engineConfiguration.getLoginMaxAttempts()) {
            // Said only to whoever knows the password: nobody else learns the account exists.
            throw new LockedException(LOCKED);
        }
        List<String> groups = identityService.createGroupQuery().groupMember(account.getId()).list()
                .stream().map(Group::getId).toList();
        List<GrantedAuthority> authorities = new ArrayList<>();
        groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + group)));
        Roles.rolesOf(groups).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return UsernamePasswordAuthenticationToken.authenticated(account.getId(), null, authorities);
    }

    /** As Camunda compares: the salt before the password, hashed by the engine's password manager. */
    private boolean passwordMatches(UserEntity account, String password) {
        StoredPassword stored = account == null || account.getPassword() == null ? nobodysPassword()
                : new StoredPassword(account.getSalt(), account.getPassword());
        boolean matches = engineConfiguration.getPasswordManager()
                .check(EncryptionUtil.saltPassword(password, stored.salt()), stored.hash());
        return account != null && account.getPassword() != null && matches;
    }

    /** A hash no password matches, checked for unknown user names so that they take as long as wrong passwords. */
    private StoredPassword nobodysPassword() {
        StoredPassword made = nobodysPassword;
        if (made == null) {
            String salt = engineConfiguration.getSaltGenerator().generateSalt();
            made = new StoredPassword(salt, engineConfiguration.getPasswordManager()
                    .encrypt(EncryptionUtil.saltPassword(UUID.randomUUID().toString(), salt)));
            nobodysPassword = made;
        }
        return made;
    }

    private record StoredPassword(String salt, String hash) {
    }

    /** The form or the Basic header came without a user name or a password. */
    static final class MissingCredentialsException extends BadCredentialsException {

        MissingCredentialsException() {
            super(MISSING);
        }
    }

    /**
     * The address the request came from; behind a load balancer the one it forwards, but only
     * where the server is told to trust it ({@code server.forward-headers-strategy}).
     */
    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
