package cn.ola.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine REST API's answers when the caller is not let in: 401 with a Basic challenge, or,
 * while failed sign-ins make the caller wait (see {@link SignInRule}), 429 with
 * {@code Retry-After} and a body in Camunda's error shape, as the company API answers too.
 */
final class EngineRestSignInResponses implements AuthenticationEntryPoint {

    private final ObjectMapper json = new ObjectMapper();
    private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

    EngineRestSignInResponses(String realm) {
        basic.setRealmName(realm);
        basic.afterPropertiesSet();
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (!(failure instanceof TooManySignInAttemptsException wait)) {
            basic.commence(request, response, failure);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "AuthenticationException");
        body.put("message", wait.getMessage());
        body.put("retryAfterSeconds", wait.retryAfterSeconds());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(wait.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
