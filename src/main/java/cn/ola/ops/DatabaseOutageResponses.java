package cn.ola.ops;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The answer to a request that failed because the database cannot be reached
 * ({@link DatabaseOutage}): 503 with {@code Retry-After}, in the shape its caller reads — a problem
 * detail under {@code /api/}, Camunda's error JSON under {@code /engine-rest/} and
 * {@code /camunda/api/}, and everywhere else the error page {@code templates/error/503.html} in the
 * user's language — and one line in the log, instead of a 500 and an error with its stack trace.
 * (The engine's REST API answers alike by itself, see {@code EngineRestOutages}.)
 *
 * <p>It answers in two places. As the first of Spring MVC's exception resolvers, for what fails in
 * a controller: before any {@code @ExceptionHandler} (the API's catch-all would answer 500), and
 * before Spring's own resolver, which takes the {@code EOFException} of a lost database connection
 * for a browser that went away and answers an empty 200. And as the outermost filter, for what
 * fails before a controller is reached: signing in, which asks the database on every call of the
 * APIs, and Camunda's webapp filters.
 */
@Component
class DatabaseOutageResponses extends OncePerRequestFilter implements HandlerExceptionResolver, Ordered {

    private final ObjectMapper json;

    DatabaseOutageResponses(ObjectMapper json) {
        this.json = json;
    }

    /** As a filter, right after the character encoding filter; as a resolver, right after Boot's error attributes. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (!DatabaseOutage.isCauseOf(failure)) {
            return null;
        }
        try {
            answer(request, response, failure);
        } catch (IOException cannotAnswer) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseOutage.isCauseOf(failure)) {
                throw failure;
            }
            answer(request, response, failure);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Exception failure) throws IOException {
        DatabaseOutage.log(request.getMethod() + " " + request.getRequestURI(), failure);
        if (response.isCommitted()) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        Map<String, Object> body = new LinkedHashMap<>();
        if (path.startsWith("/api/")) {
            body.put("type", DatabaseOutage.PROBLEM_TYPE);
            body.put("title", DatabaseOutage.TITLE);
            body.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            body.put("detail", DatabaseOutage.DETAIL);
            body.put("instance", request.getRequestURI());
            write(response, MediaType.APPLICATION_PROBLEM_JSON_VALUE, body);
        } else if (path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
            body.put("type", DatabaseOutage.ENGINE_REST_TYPE);
            body.put("message", DatabaseOutage.ENGINE_REST_MESSAGE);
            write(response, MediaType.APPLICATION_JSON_VALUE, body);
        } else {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    private void write(HttpServletResponse response, String contentType, Map<String, Object> body) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
