package cn.ola.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that acts like a browser without JavaScript: it reads the CSRF
 * token from our forms and posts them. Redirects are not followed, so tests see them.
 */
public final class Browserless {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String[] everyRequest;

    public Browserless(int port) {
        this(port, new String[0]);
    }

    /**
     * A browser that sends these headers (name, value, …) with every request: an
     * {@code X-Forwarded-For} of its own, say, as a load balancer in front would add.
     */
    public Browserless(int port, String... headers) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        this.everyRequest = headers.clone();
    }

    /**
     * Posts JSON to the Camunda webapps' engine API as Tasklist does: with the session and the
     * XSRF token the webapps set as a cookie (a GET of the webapp first, if there is none yet).
     */
    public HttpResponse<String> postJsonAsWebapp(String path, String json, String... headers) {
        if (cookie("XSRF-TOKEN") == null) {
            get("/camunda/app/tasklist/default/");
        }
        HttpRequest.Builder request = newRequest(path).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", String.valueOf(cookie("XSRF-TOKEN")))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** The value of a cookie the server set, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = newRequest(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> getWithBasic(String path, String user, String password) {
        return get(path, "Authorization", basic(user, password));
    }

    public HttpResponse<String> deleteWithBasic(String path, String user, String password) {
        return send(newRequest(path).header("Authorization", basic(user, password)).DELETE().build());
    }

    public HttpResponse<String> postWithBasic(String path, String user, String password, String json, String... headers) {
        HttpRequest.Builder request = newRequest(path)
                .header("Authorization", basic(user, password)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Posts a form the way a browser would, with the CSRF token of the page it came from. */
    public HttpResponse<String> postForm(String formPage, String action, Map<String, String> fields) {
        String token = csrfTokenOf(get(formPage).body());
        var all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", token);
        return postFormWithoutToken(action, all);
    }

    public HttpResponse<String> postFormWithoutToken(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(newRequest(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Uploads one file as a browser's {@code multipart/form-data} form would (the CSRF token goes in the action's query). */
    public HttpResponse<String> postFile(String action, String field, String filename, byte[] content) {
        String boundary = "----browserless" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(newRequest(action)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail))).build());
    }

    /** Posts text fields as a browser's {@code multipart/form-data} form does (the CSRF token goes in the action's query). */
    public HttpResponse<String> postMultipart(String action, Map<String, String> fields) {
        String boundary = "----browserless" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(newRequest(action)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> post(String path) {
        return send(newRequest(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Signs in through the portal's login form. */
    public HttpResponse<String> login(String user, String password) {
        return postForm("/login", "/login", Map.of("username", user, "password", password));
    }

    public HttpResponse<String> logout() {
        return postForm("/", "/logout", Map.of());
    }

    public static String csrfTokenOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("The page has no CSRF token:\n" + html);
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder newRequest(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return everyRequest.length == 0 ? request : request.headers(everyRequest);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
