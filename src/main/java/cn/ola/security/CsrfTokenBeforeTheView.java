package cn.ola.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes the CSRF token of a page before the page is written. Spring Security makes it only when a
 * form on the page asks for it; by then a long page may already be partly sent, and a session that
 * does not exist yet (a visitor's, or one kept in the database) can no longer be started: its
 * cookie would come too late. So for every request that renders a view, the token — and with it
 * the session that keeps it — is made first. Requests without a view (the APIs, health checks,
 * static files) start no session.
 */
@Configuration
class CsrfTokenBeforeTheView implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view != null && !view.wasCleared() && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }
}
