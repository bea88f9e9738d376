package cn.ola.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends the user back to the login page with the reason kept for one view, and keeps the
 * user name that was typed so that only the password has to be entered again.
 */
public final class LoginFailureHandler implements AuthenticationFailureHandler {

    public static final String REASON = "ola.login.failure";
    public static final String USERNAME = "ola.login.username";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        var session = request.getSession();
        session.setAttribute(REASON, exception.getMessage());
        session.setAttribute(USERNAME, request.getParameter("username"));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
