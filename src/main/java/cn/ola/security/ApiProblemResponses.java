package cn.ola.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The company API's answers when the caller is not let in, in the same RFC 9457 shape as every
 * other error of the API: 401 with a Basic challenge for missing or wrong credentials, 429 with
 * {@code Retry-After} while failed sign-ins make the caller wait (see {@link SignInRule}), 403 for
 * an account that is not a company user (regulator staff use Tasklist and the engine's API).
 */
final class ApiProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String PROBLEM_TYPES = "https://ola.example.cn/problems/";

    private final ObjectMapper json = new ObjectMapper();
    private final String realm;

    ApiProblemResponses(String realm) {
        this.realm = realm;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof TooManySignInAttemptsException wait) {
            response.setHeader("Retry-After", Long.toString(wait.retryAfterSeconds()));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts", "Too many sign-in attempts",
                    wait.getMessage(), Map.of("retryAfterSeconds", wait.retryAfterSeconds()));
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        String detail = request.getHeader("Authorization") == null
                ? "This API needs HTTP Basic credentials of a company user (the portal's user name and password)."
                : failure.getMessage();
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not a company account",
                "This API serves applicant companies; your account is not a member of a company.");
    }

    /** A request the firewall refuses (encoded slashes, path traversal, …) before any chain sees it. */
    void rejected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request's path or headers contain characters the server does not accept.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail) throws IOException {
        write(request, response, status, type, title, detail, Map.of());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail, Map<String, Object> more) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPES + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.putAll(more);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
