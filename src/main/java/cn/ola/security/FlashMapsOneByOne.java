package cn.ola.security;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.util.StringUtils;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The messages a page leaves for the page it redirects to ("submitted", "already submitted"),
 * each kept in a session attribute of its own. Spring's manager keeps them all in one list: with
 * the session in the database (shared by all nodes), two requests of one session at the same
 * moment — a double click — each write back the list as they read it, and the second erases the
 * first one's message. One attribute per message cannot be lost that way.
 */
final class FlashMapsOneByOne implements FlashMapManager {

    static final String PREFIX = "ola.flash.";
    /** How long a message waits for its page, as Spring's default. */
    static final int SECONDS = 180;

    private final UrlPathHelper paths = UrlPathHelper.defaultInstance;

    @Override
    public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
        if (flashMap.isEmpty()) {
            return;
        }
        String target = flashMap.getTargetRequestPath();
        if (target != null) {
            if (!target.startsWith("/")) {
                String from = paths.getRequestUri(request);
                target = from.substring(0, from.lastIndexOf('/') + 1) + target;
            }
            flashMap.setTargetRequestPath(UriUtils.decode(StringUtils.cleanPath(target), StandardCharsets.UTF_8));
        }
        flashMap.startExpirationPeriod(SECONDS);
        request.getSession().setAttribute(PREFIX + UUID.randomUUID(), flashMap);
    }

    @Override
    public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        String best = null;
        FlashMap match = null;
        for (String name : Collections.list(session.getAttributeNames())) {
            if (!name.startsWith(PREFIX) || !(session.getAttribute(name) instanceof FlashMap flashMap)) {
                continue;
            }
            if (flashMap.isExpired()) {
                session.removeAttribute(name);
            } else if (isFor(flashMap, request)
                    && (match == null || Comparator.<FlashMap>naturalOrder().compare(flashMap, match) < 0)) {
                best = name;
                match = flashMap;
            }
        }
        if (best != null) {
            session.removeAttribute(best);
        }
        return match;
    }

    /** The page the message was left for: its path, and the parameters it was given. */
    private boolean isFor(FlashMap flashMap, HttpServletRequest request) {
        String expected = flashMap.getTargetRequestPath();
        if (expected != null) {
            String uri = paths.getOriginatingRequestUri(request);
            if (!uri.equals(expected) && !uri.equals(expected + "/")) {
                return false;
            }
        }
        Map<String, String[]> given = request.getParameterMap();
        for (Map.Entry<String, List<String>> wanted : flashMap.getTargetRequestParams().entrySet()) {
            String[] values = given.get(wanted.getKey());
            if (values == null || !List.of(values).containsAll(wanted.getValue())) {
                return false;
            }
        }
        return true;
    }
}
