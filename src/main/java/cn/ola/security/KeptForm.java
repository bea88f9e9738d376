package cn.ola.security;

import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.MutablePropertyValues;

/**
 * What a person had typed into a form that the server could not take because the session had
 * expired (or the page's CSRF token was stale): the form's action, the page to go back to, and the
 * fields, without passwords. Kept in the session (small and serializable, so that a session
 * stored in the database carries it too) until the form's page takes it back, once, and shows it
 * again unsaved: nothing is sent on the person's behalf.
 */
public record KeptForm(String action, String returnTo, LinkedHashMap<String, ArrayList<String>> fields)
        implements Serializable {

    static final String SESSION_ATTRIBUTE = "ola.keptForm";
    /** More than this in all (the longest form, the application's, holds far less) is not kept. */
    static final int MAX_CHARACTERS = 32_000;

    /** The form kept for this action (a path without the context path), taken out of the session. */
    public static Optional<KeptForm> take(HttpServletRequest request, String action) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof KeptForm kept)
                || !kept.action().equals(action)) {
            return Optional.empty();
        }
        session.removeAttribute(SESSION_ATTRIBUTE);
        return Optional.of(kept);
    }

    /** The form kept for an action under this path (e.g. any answer on a case page), taken out of the session. */
    public static Optional<KeptForm> takeUnder(HttpServletRequest request, String actionPrefix) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof KeptForm kept)
                || !kept.action().startsWith(actionPrefix)) {
            return Optional.empty();
        }
        session.removeAttribute(SESSION_ATTRIBUTE);
        return Optional.of(kept);
    }

    /** The first value of a field, or null. */
    public String value(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The fields as a data binder takes them. */
    public MutablePropertyValues propertyValues() {
        MutablePropertyValues values = new MutablePropertyValues();
        fields.forEach((name, typed) -> values.add(name, typed.size() == 1 ? typed.get(0) : typed.toArray(String[]::new)));
        return values;
    }

    /** The posted form of this request, or empty when there is nothing that may or can be kept. */
    static KeptForm of(HttpServletRequest request) {
        String context = request.getContextPath();
        String action = request.getRequestURI().substring(context.length());
        LinkedHashMap<String, ArrayList<String>> fields = new LinkedHashMap<>();
        int characters = 0;
        if (isForm(request)) {
            for (Map.Entry<String, String[]> field : typedFields(request).entrySet()) {
                String name = field.getKey();
                if (name.equals("_csrf") || name.toLowerCase(Locale.ROOT).contains("password")) {
                    continue;
                }
                fields.put(name, new ArrayList<>(Arrays.asList(field.getValue())));
                characters += name.length() + Arrays.stream(field.getValue()).mapToInt(String::length).sum();
            }
        }
        if (characters > MAX_CHARACTERS) {
            fields.clear();
        }
        return new KeptForm(action, pageOf(request, action), fields);
    }

    /** The page the form was on (the same site's Referer), or the action itself. */
    private static String pageOf(HttpServletRequest request, String action) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI page = URI.create(referer);
                boolean sameSite = page.getHost() != null && page.getHost().equalsIgnoreCase(request.getServerName())
                        && portOf(page) == request.getServerPort();
                String path = page.getRawPath();
                String context = request.getContextPath();
                if (sameSite && path != null && path.startsWith(context + "/") && !path.startsWith(context + "//")
                        && !path.equals(context + "/login")) {
                    return path.substring(context.length()) + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
                }
            } catch (IllegalArgumentException garbled) {
                // Then the action's own page.
            }
        }
        return action;
    }

    private static int portOf(URI page) {
        return page.getPort() != -1 ? page.getPort() : "https".equalsIgnoreCase(page.getScheme()) ? 443 : 80;
    }

    /** A form a browser posts: its text fields can be kept (files cannot: they have to be chosen again). */
    static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    private static Map<String, String[]> typedFields(HttpServletRequest request) {
        try {
            return request.getParameterMap();
        } catch (RuntimeException unreadable) {
            // A multipart body over the server's limits: nothing of it can be read.
            return Map.of();
        }
    }
}
