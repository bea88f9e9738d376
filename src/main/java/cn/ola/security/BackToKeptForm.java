package cn.ola.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After signing in: back to the page of a form kept when the session had expired, else as usual. */
final class BackToKeptForm extends SavedRequestAwareAuthenticationSuccessHandler {

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(KeptForm.SESSION_ATTRIBUTE) instanceof KeptForm kept) {
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, kept.returnTo());
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
