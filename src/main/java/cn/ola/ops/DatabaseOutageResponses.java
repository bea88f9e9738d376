package cn.ola.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The answer to a request that failed because the database cannot be reached
 * ({@link DatabaseOutage}): 503 with {@code Retry-After}, in the shape its caller reads — a problem
 * detail under {@code /api/}, Camunda's error JSON under {@code /engine-rest/} and
 * {@code /camunda/api/}, and everywhere else the error page {@code templates/error/503.html} in the
 * user's language — and one line in the log, instead of a 500 and an error with its stack trace.
 * The page is written here rather than through the servlet container's error dispatch, which
 * would run the session filter again and with it ask the database once more.
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
    private final ObjectProvider<ISpringTemplateEngine> pages;
    private final ObjectProvider<LocaleResolver> locales;

    DatabaseOutageResponses(ObjectMapper json, ObjectProvider<ISpringTemplateEngine> pages,
            ObjectProvider<LocaleResolver> locales) {
        this.json = json;
        this.pages = pages;
        this.locales = locales;
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
            page(request, response);
        }
    }

    /** The page {@code templates/error/503.html}, in the language the user's pages are in. */
    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocaleResolver resolver = locales.getIfAvailable();
        Locale locale = resolver == null ? Locale.ENGLISH : resolver.resolveLocale(request);
        var context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), locale);
        byte[] html = pages.getObject().process("error/503", context).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        // No Content-Length: the session filter would take the full length as the response committed.
        response.getOutputStream().write(html);
    }

    private void write(HttpServletResponse response, String contentType, Map<String, Object> body) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
