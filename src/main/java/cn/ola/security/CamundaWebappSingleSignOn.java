package cn.ola.security;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.SerializationUtils;

/**
 * Hands the user Spring Security has signed in to Camunda. Both filters read the request's
 * principal, which Spring Security's filter chain sets, so they run after that chain. Camunda
 * then loads the user's groups and checks its own authorizations (which app a user may open,
 * which tasks and definitions a user may see).
 */
@Configuration
class CamundaWebappSingleSignOn {

    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        var registration = new FilterRegistrationBean<ContainerBasedAuthenticationFilter>(new SavedToTheSession());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, ContainerBasedAuthenticationProvider.class.getName(),
                "rest-url-pattern-prefix", "/engine-rest"));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    /**
     * Camunda's filter adds the user's webapp sign-in to the {@link Authentications} object it
     * keeps in the session, changing that object in place. A session kept in memory sees the
     * change; a session in the database (shared by all nodes, see {@link SharedSessions}) keeps
     * only what is set with {@code setAttribute}. So after the filter has added a sign-in, the
     * object is set again, once, and the other nodes know the user too.
     */
    static final class SavedToTheSession extends ContainerBasedAuthenticationFilter {

        /** The session attribute under which Camunda's webapps keep their sign-ins (AuthenticationUtil's key). */
        static final String SIGN_INS = "authenticatedUser";

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = new SignInsWrittenWhenChanged((HttpServletRequest) request);
            List<String> before = signIns(http);
            super.doFilter(http, response, (req, res) -> {
                HttpSession session = http.getSession(false);
                if (session != null && !signIns(http).equals(before)) {
                    AuthenticationUtil.updateSession(session, AuthenticationUtil.getAuthsFromSession(session));
                }
                chain.doFilter(req, res);
            });
        }

        /** The engine and user of every webapp sign-in in the request's session. */
        private static List<String> signIns(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            Object kept = session == null ? null : session.getAttribute(SIGN_INS);
            if (!(kept instanceof Authentications authentications)) {
                return List.of();
            }
            return authentications.getAuthentications().stream()
                    .map(signIn -> signIn.getProcessEngineName() + "/" + signIn.getIdentityId()).toList();
        }
    }

    /**
     * Camunda's webapp filter sets its sign-ins on the session again at the end of every request of Tasklist,
     * Cockpit and Admin, changed or not. With the sessions in the database each such set is a write of the whole
     * object, in a transaction of its own, and the requests Tasklist sends at the same moment wait for one another
     * on that row. Through this request the sign-ins are written only when they differ from what the session holds
     * (compared in their stored, serialized form): a new sign-in, groups refreshed after the cache's time to live,
     * a sign-out. Every other attribute, and every other use of the session, goes to the session as it is.
     */
    static final class SignInsWrittenWhenChanged extends HttpServletRequestWrapper {

        private HttpSession session;
        private HttpSession guarded;
        private byte[] kept;

        SignInsWrittenWhenChanged(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession current = super.getSession(create);
            if (current == null) {
                return null;
            }
            if (current != session) {
                session = current;
                kept = SerializationUtils.serialize(current.getAttribute(SavedToTheSession.SIGN_INS));
                guarded = (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(),
                        new Class<?>[] {HttpSession.class}, (proxy, method, arguments) -> {
                            if (isSignIns(arguments) && !changes(method.getName(), arguments)) {
                                return null;
                            }
                            try {
                                return method.invoke(current, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
            return guarded;
        }

        private static boolean isSignIns(Object[] arguments) {
            return arguments != null && arguments.length > 0 && SavedToTheSession.SIGN_INS.equals(arguments[0]);
        }

        /** Whether a call on the sign-ins changes what the session holds; remembers what it will hold. */
        private boolean changes(String method, Object[] arguments) {
            switch (method) {
                case "setAttribute" -> {
                    byte[] given = SerializationUtils.serialize(arguments[1]);
                    if (Arrays.equals(given, kept)) {
                        return false;
                    }
                    kept = given;
                }
                case "removeAttribute" -> kept = SerializationUtils.serialize(null);
                default -> { }
            }
            return true;
        }
    }
}
