package cn.ola.security;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity store, so that a user created in Camunda Admin
 * can sign in at once and there is only one place where accounts and groups live. Camunda
 * stores the passwords salted and hashed and throttles failed attempts per account.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, ProcessEngineConfigurationImpl engineConfiguration) {
        this.identityService = identityService;
        this.engineConfiguration = engineConfiguration;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (username.isEmpty() || password.isEmpty()) {
            throw new BadCredentialsException("Enter your user name and password.");
        }
        rejectIfLocked(username);
        if (!identityService.checkPassword(username, password)) {
            throw new BadCredentialsException("The user name or password is wrong.");
        }
        List<String> groups = identityService.createGroupQuery().groupMember(username).list()
                .stream().map(Group::getId).toList();
        List<GrantedAuthority> authorities = new ArrayList<>();
        groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + group)));
        Roles.rolesOf(groups).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }

    /**
     * Camunda throttles failed attempts per account and then refuses even the right password;
     * say so, and until when, instead of a misleading "wrong password".
     */
    private void rejectIfLocked(String username) {
        User user = identityService.createUserQuery().userId(username).singleResult();
        if (!(user instanceof UserEntity entity)) {
            return;
        }
        if (entity.getAttempts() >= engineConfiguration.getLoginMaxAttempts()) {
            throw new LockedException("This account is locked after too many failed sign-in attempts. "
                    + "A process administrator can unlock it in Camunda Admin.");
        }
        Date lockedUntil = entity.getLockExpirationTime();
        if (lockedUntil != null && lockedUntil.after(ClockUtil.getCurrentTime())) {
            throw new LockedException("Too many failed sign-in attempts for this account. Try again after "
                    + TIME.format(lockedUntil.toInstant().atZone(ZoneId.systemDefault())) + ".");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
