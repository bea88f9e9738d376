package cn.ola.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The portal's answer when a request is refused. A form posted with a CSRF token the session no
 * longer knows — the session expired, or the page was open while the person signed in again — is
 * kept ({@link KeptForm}) and the person is taken to sign in, or, still signed in (or on the
 * registration form, which needs no account), straight back to the page, where the form shows what
 * was typed. A sign-out with a stale token shows the sign-out
 * page. Anything else is the error page {@code error/403} (the "page expired" text for a CSRF
 * failure of a request that is not a browser's form).
 */
final class PortalAccessDenied implements AccessDeniedHandler {

    /** Forms anybody may send without signing in: back to their page at once. */
    private static final Set<String> PUBLIC_FORMS = Set.of("/register");

    /** Request attribute telling the error page that the refusal was a stale or missing CSRF token. */
    static final String CSRF_FAILURE = "csrfFailure";

    private final AccessDeniedHandler errorPage = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) || !"POST".equals(request.getMethod())) {
            errorPage.handle(request, response, denied);
            return;
        }
        String context = request.getContextPath();
        String path = request.getRequestURI().substring(context.length());
        if (path.equals("/logout")) {
            response.sendRedirect(context + "/logout");
            return;
        }
        if (path.equals("/login")) {
            response.sendRedirect(context + "/login?expired");
            return;
        }
        if (!KeptForm.isForm(request)) {
            request.setAttribute(CSRF_FAILURE, true);
            errorPage.handle(request, response, denied);
            return;
        }
        KeptForm kept = KeptForm.of(request);
        request.getSession(true).setAttribute(KeptForm.SESSION_ATTRIBUTE, kept);
        response.sendRedirect(context + (signedIn() || PUBLIC_FORMS.contains(path) ? kept.returnTo() : "/login?expired"));
    }

    private static boolean signedIn() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
    }
}
