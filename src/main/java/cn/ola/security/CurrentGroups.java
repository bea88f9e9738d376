package cn.ola.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The Camunda groups of a signed-in user, as the sign-in put them among the user's authorities. */
public final class CurrentGroups {

    private CurrentGroups() {
    }

    public static Set<String> of(Authentication user) {
        if (user == null) {
            return Set.of();
        }
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX))
                .map(authority -> authority.substring(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
