package cn.ola.security;

import java.io.IOException;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends the user back to the login page with the reason kept for one view, as a message the page
 * shows in the user's language, and keeps the user name that was typed so that only the password
 * has to be entered again. A wrong password and an unknown user name give the same reason.
 */
public final class LoginFailureHandler implements AuthenticationFailureHandler {

    public static final String REASON = "ola.login.failure";
    public static final String USERNAME = "ola.login.username";

    /** Why a sign-in failed: the key of a message of the login page and its arguments. */
    /** Beijing time: the security module comes before the workflow's deadlines, so it names the zone itself. */
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    public record Reason(String messageKey, Object[] arguments) implements Serializable {

        Reason(String messageKey) {
            this(messageKey, new Object[0]);
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        var session = request.getSession();
        session.setAttribute(REASON, reasonOf(exception));
        session.setAttribute(USERNAME, request.getParameter("username"));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    static Reason reasonOf(AuthenticationException failure) {
        if (failure instanceof TooManySignInAttemptsException wait) {
            // A long wait says until when, in Beijing time, as every time on our pages; a short one, how many seconds.
            return wait.inMinutes()
                    ? new Reason("login.failed.waitUntil", new Object[] {UNTIL.format(wait.until())})
                    : new Reason("login.failed.waitSeconds", new Object[] {wait.amount()});
        }
        if (failure instanceof LockedException) {
            return new Reason("login.failed.locked");
        }
        if (failure instanceof CamundaIdentityAuthenticationProvider.MissingCredentialsException) {
            return new Reason("login.failed.missing");
        }
        if (failure instanceof BadCredentialsException) {
            return new Reason("login.failed.wrong");
        }
        // The identity store could not be asked (the database away, say): no reason to doubt the password.
        return new Reason("login.failed.unavailable");
    }
}
