package cn.ola.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;


import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.OverseasListingApplication;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated malformed input thrown at the running API: random JSON fragments, values of the
 * wrong kind, huge numbers, random codes and dates, random paths and ids, random idempotency
 * keys. Whatever arrives, the API answers below 500, and every error is a problem detail.
 * jqwik runs outside Spring's test support, so the class starts the system itself, once.
 */
class ApiMalformedInputPropertiesIT {

    static final String API = "/api/v1/applications";
    static final List<String> FIELDS = List.of("listingType", "issuerType", "offshoreIssuer", "venueExchange",
            "venueRegion", "offeringType", "plannedListingDate", "overseasSubmissionDate", "networkPlatformOperator",
            "ciio", "importantData", "personalInfoUsers", "piExportedNonSensitive", "piExportedSensitive",
            "consentObtained", "sensitiveDataMinimised", "industry", "domesticRevenuePct", "domesticProfitPct",
            "domesticAssetsPct", "domesticNetAssetsPct", "managementMostlyPrc", "mainPlaceOfBusiness",
            "previouslyListedAbroadOn", "previouslyListedExchange", "venueExchangeName", "declProhibitedByLaw", "declNationalSecurityThreat", "declRecentCriminalOffence",
            "declUnderInvestigation", "declOwnershipDispute", "stateAssetsSupervisor", "stateCloudMigrationStatus",
            "cloudContracts", "users");

    static final Pattern REFUSED_BY_THE_SERVLET_CONTAINER = Pattern.compile("(?i).*%(2F|5C|00).*");

    static ConfigurableApplicationContext system;
    static HttpClient http;
    static String base;
    static long draftId;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeContainer
    static void start() throws Exception {
        // As arguments, not builder properties: those are defaults that application.yml overrides, which put this
        // system on the developer's own file database under ./data.
        system = new SpringApplicationBuilder(OverseasListingApplication.class).profiles("dev")
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:api-props;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                        "--ola.data-dir=target/api-props-data", "--ola.documents.max-size=4KB");
        base = "http://localhost:" + system.getEnvironment().getRequiredProperty("local.server.port");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> created = send(request(API).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(created.statusCode()).isEqualTo(201);
        draftId = JSON.readTree(created.body()).get("id").asLong();
    }

    @AfterContainer
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Property(tries = 200)
    void randomJsonBodiesNeverBreakDraftCreation(@ForAll("bodies") String body) throws Exception {
        HttpResponse<String> response = send(request(API).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertAnswered(response, List.of(201, 400));
    }

    @Property(tries = 200)
    void randomJsonBodiesNeverBreakDraftReplacement(@ForAll("bodies") String body, @ForAll("ifMatch") String ifMatch)
            throws Exception {
        HttpResponse<String> response = send(request(API + "/" + draftId).header("Content-Type", "application/json")
                .header("If-Match", ifMatch).PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertAnswered(response, List.of(200, 400, 409, 428));
    }

    @Property(tries = 200)
    void randomPathsUnderTheApiAreAnsweredWithProblems(@ForAll("paths") String path, @ForAll("methods") String method)
            throws Exception {
        HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));
        if (REFUSED_BY_THE_SERVLET_CONTAINER.matcher(path).matches()) {
            // Tomcat itself refuses encoded slashes, backslashes and NUL bytes in a path, with its own
            // page, before the application sees the request: still a 400, never a 500.
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            return;
        }
        // 204: a DELETE that met a draft an earlier POST made deleted it, as it should.
        assertAnswered(response, List.of(200, 201, 204, 400, 404, 405, 409, 415, 428));
    }

    @Property(tries = 200)
    void randomIdempotencyKeysAndActionBodies(@ForAll("keys") String key, @ForAll("actions") String action,
            @ForAll("actionBodies") String body) throws Exception {
        HttpResponse<String> response = send(request(API + "/" + draftId + "/" + action)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertAnswered(response, List.of(400, 409, 422));
    }

    @Property(tries = 100)
    void randomUploadsAreKeptOrRefusedClearly(@ForAll("kinds") String kind, @ForAll("fileContents") byte[] content,
            @ForAll("filenames") String filename) throws Exception {
        String boundary = "jqwik" + Long.toHexString(System.nanoTime());
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(request(API + "/" + draftId + "/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertAnswered(response, List.of(201, 400, 413));
    }

    // --- generators ---------------------------------------------------------------------------

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<String> object = Combinators.combine(field, values()).as((f, v) -> "\"" + f + "\": " + v)
                .list().ofMinSize(0).ofMaxSize(6).map(members -> "{" + String.join(", ", members) + "}");
        Arbitrary<String> fragment = Arbitraries.strings().withChars("{}[]\":,0123456789.-eEtruefalsn \\")
                .ofMaxLength(40);
        Arbitrary<String> truncated = object.filter(o -> o.length() > 2).map(o -> o.substring(0, o.length() / 2));
        return Arbitraries.frequencyOf(
                Tuple(6, object), Tuple(2, fragment), Tuple(2, truncated),
                Tuple(1, Arbitraries.strings().ofMaxLength(30)),
                Tuple(1, Arbitraries.of("", "null", "[]", "\"text\"", "42", "true", "{\"cloudContracts\": {}}",
                        "{\"cloudContracts\": [null, 1, \"x\"]}")));
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends String>> Tuple(int weight,
            Arbitrary<? extends String> arbitrary) {
        return net.jqwik.api.Tuple.of(weight, arbitrary);
    }

    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(ApiMalformedInputPropertiesIT::quoted),
                Arbitraries.longs().map(Object::toString),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(40)),
                        new java.math.BigInteger("1" + "0".repeat(40))).map(Object::toString),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "1e999"),
                Arbitraries.of("true", "false", "null", "[]", "{}", "[1,2]", "{\"a\":1}", "1e400", "-0", "0.0001",
                        "\"2026-02-30\"", "\"2026-13-01\"", "\"31/12/2026\"", "\"DIRECT\"", "\"direct\"", "\"IPO \"",
                        "[{\"provider\": \"X\", \"endDate\": \"soon\"}]", "[{\"provider\": 5}]", "\"\\u0000\""),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(300).map(ApiMalformedInputPropertiesIT::quoted));
    }

    @Provide
    Arbitrary<String> ifMatch() {
        return Arbitraries.oneOf(Arbitraries.of("\"0\"", "\"1\"", "W/\"0\"", "*", "\"99999999999\"", "\"-1\"", " "),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("case", "documents", "submission", "content", "withdrawal", "listing-report",
                        "materials-answers", "overseas-submission", "", "..", ".", "%2e%2e", "%2F", ";x=1", "v1", "api"),
                Arbitraries.longs().map(Object::toString),
                Arbitraries.of(Long.toString(Long.MAX_VALUE) + "0", "-1", "0", "1e3", "0x10"),
                Arbitraries.strings().ofMaxLength(12).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)));
        // Never the draft the other properties work on: a DELETE would take it away from them.
        return segment.list().ofMinSize(0).ofMaxSize(5).filter(segments -> !segments.contains(Long.toString(draftId)))
                .map(segments -> API + (segments.isEmpty() ? "" : "/" + String.join("/", segments)));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~')
                        .ofMinLength(1).ofMaxLength(250).map(String::strip).filter(s -> !s.isEmpty()),
                Arbitraries.of("x".repeat(200), "x".repeat(201), "key with spaces", "\u00e9t\u00e9"));
    }

    @Provide
    Arbitrary<String> actions() {
        return Arbitraries.of("submission", "materials-answers", "overseas-submission", "listing-report", "withdrawal");
    }

    @Provide
    Arbitrary<String> actionBodies() {
        return Arbitraries.oneOf(bodies(),
                Arbitraries.of("{\"submittedOn\": \"yesterday\"}", "{\"listedOn\": 20260101}", "{\"reason\": null}",
                        "{\"answer\": [\"a\"]}", "{\"taskId\": {}, \"answer\": \"x\"}", "{\"reason\": \"" + "r".repeat(5000) + "\"}"));
    }

    @Provide
    Arbitrary<String> kinds() {
        return Arbitraries.oneOf(Arbitraries.of("PROSPECTUS", "prospectus", "SUPPLEMENT", "", " ", "SELFIE"),
                Arbitraries.strings().alpha().ofMaxLength(20));
    }

    @Provide
    Arbitrary<byte[]> fileContents() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(6000);
        Arbitrary<byte[]> pdf = Arbitraries.integers().between(0, 6000).map(size -> {
            byte[] bytes = new byte[Math.max(size, 9)];
            System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
            return bytes;
        });
        return Arbitraries.oneOf(random, pdf, Arbitraries.just("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Provide
    Arbitrary<String> filenames() {
        return Arbitraries.oneOf(Arbitraries.of("a.pdf", "report.PDF", "x.exe", "noextension", "../../etc/passwd",
                        "名字.pdf", ".pdf"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40).map(s -> s + ".pdf"));
    }

    // --- helpers ----------------------------------------------------------------------------

    /** The API answered on purpose: one of the expected statuses, and every error a problem detail. */
    static void assertAnswered(HttpResponse<String> response, List<Integer> expected) throws IOException {
        int status = response.statusCode();
        assertThat(status).as("status of %s: %s", response.request().uri(), response.body()).isLessThan(500);
        assertThat(expected).as("status of %s: %s", response.request().uri(), response.body()).contains(status);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as("content type of %s", response.request().uri())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("type").asText()).startsWith("https://ola.example.cn/problems/");
            assertThat(problem.get("title").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at cn.ola");
        }
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "compliance:demo".getBytes(StandardCharsets.UTF_8)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
