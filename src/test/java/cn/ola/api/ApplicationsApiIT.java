package cn.ola.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.ola.company.CompanyUsers;
import cn.ola.support.Browser;
import cn.ola.support.Chromium;
import cn.ola.support.DevSystemTest;
import cn.ola.support.StaffTasks;
import cn.ola.support.NewCompanies;

/**
 * The company REST API on the running system, as a company's own system uses it: HTTP Basic
 * with the demo company user and with a second company's user, JSON in and out, problem details
 * for every error. Documents may be at most 2 KB here, and multipart requests at most 64 KB, so
 * that both size limits are reached with small files.
 */
@DevSystemTest
@Tag("own-system")
@TestPropertySource(properties = {"ola.documents.max-size=2KB", "spring.servlet.multipart.max-file-size=64KB",
        "spring.servlet.multipart.max-request-size=64KB"})
class ApplicationsApiIT {

    static final String API = "/api/v1/applications";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEMS = "https://ola.example.cn/problems/";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final String OTHER_PASSWORD = "other-company-secret";
    /** The second company's user, registered once for the whole class. */
    static String otherUser;

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @LocalServerPort
    int port;

    @BeforeEach
    void secondCompany() {
        if (otherUser == null) {
            otherUser = NewCompanies.withUser(companyUsers, "api-other-", "乙方数据有限公司", "Other Data Co., Ltd.",
                    OTHER_PASSWORD);
        }
    }

    @Nested
    class Authentication {

        @Test
        void withoutCredentialsTheAnswerIs401WithABasicChallengeAndAProblem() throws Exception {
            mvc.perform(get(API))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic realm=")))
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "unauthorized"))
                    .andExpect(jsonPath("$.status").value(401))
                    .andExpect(jsonPath("$.instance").value(API));
        }

        @Test
        void wrongCredentialsAre401() throws Exception {
            mvc.perform(get(API).with(httpBasic("nobody-" + UUID.randomUUID(), "wrong")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().exists("WWW-Authenticate"))
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("The user name or password is wrong."));
        }

        @Test
        void aRegulatorsAccountIsRefusedWith403() throws Exception {
            mvc.perform(get(API).with(httpBasic("csrc", "demo")))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
        }

        @Test
        void theApiKeepsNoSession() throws Exception {
            mvc.perform(get(API).with(company()))
                    .andExpect(status().isOk())
                    .andExpect(header().doesNotExist("Set-Cookie"));
        }
    }

    @Nested
    class Drafts {

        @Test
        void aDraftIsCreatedReadListedAndReplaced() throws Exception {
            ObjectNode body = completeFacts();
            body.putArray("cloudContracts").addObject().put("provider", "Example Cloud Co., Ltd.").put("endDate", "2026-12-31");
            MvcResult created = mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content(body.toString()))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", Matchers.matchesPattern(API + "/\\d+")))
                    .andExpect(header().string("ETag", "\"0\""))
                    .andExpect(jsonPath("$.status").value("DRAFT"))
                    .andExpect(jsonPath("$.number").doesNotExist())
                    .andExpect(jsonPath("$.version").value(0))
                    .andExpect(jsonPath("$.personalInfoUsers").value(500000))
                    .andExpect(jsonPath("$.cloudContracts[0].provider").value("Example Cloud Co., Ltd."))
                    .andReturn();
            String location = created.getResponse().getHeader("Location");
            long id = read(created).get("id").asLong();

            mvc.perform(get(location).with(company()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"0\""))
                    .andExpect(jsonPath("$.id").value(id))
                    .andExpect(jsonPath("$.venueExchange").value("NYSE"))
                    .andExpect(jsonPath("$.venueExchangeDisplayName").value("New York Stock Exchange"))
                    .andExpect(jsonPath("$.domesticRevenuePct").value(92.5))
                    .andExpect(jsonPath("$.plannedListingDate").value(LocalDate.now().plusMonths(6).toString()))
                    .andExpect(jsonPath("$.cloudContracts[0].endDate").value("2026-12-31"));
            mvc.perform(get(API).with(company()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.id == " + id + ")].status").value("DRAFT"))
                    .andExpect(jsonPath("$[?(@.id == " + id + ")].version").value(0));

            body.put("venueExchange", "NASDAQ").putArray("cloudContracts");
            mvc.perform(put(location).with(company()).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                            .content(body.toString()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"1\""))
                    .andExpect(jsonPath("$.version").value(1))
                    .andExpect(jsonPath("$.venueExchange").value("NASDAQ"))
                    .andExpect(jsonPath("$.cloudContracts").isEmpty());
        }

        @Test
        void aStaleVersionIs409AndNothingIsOverwritten() throws Exception {
            long id = createDraft(completeFacts());
            ObjectNode first = completeFacts().put("industry", "SOFTWARE");
            mvc.perform(put(API + "/" + id).with(company()).header("If-Match", "\"0\"")
                    .contentType(MediaType.APPLICATION_JSON).content(first.toString())).andExpect(status().isOk());

            mvc.perform(put(API + "/" + id).with(company()).header("If-Match", "\"0\"")
                            .contentType(MediaType.APPLICATION_JSON).content(completeFacts().put("industry", "EDUCATION").toString()))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "draft-changed"))
                    .andExpect(jsonPath("$.detail", Matchers.containsString("changed by someone else")));
            mvc.perform(get(API + "/" + id).with(company())).andExpect(jsonPath("$.industry").value("SOFTWARE"));
        }

        @Test
        void replacingWithoutAVersionIs428AndAMalformedOneIs400() throws Exception {
            long id = createDraft(completeFacts());
            mvc.perform(put(API + "/" + id).with(company()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isPreconditionRequired())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "precondition-required"));
            mvc.perform(put(API + "/" + id).with(company()).header("If-Match", "yesterday")
                            .contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        }
    }

    @Nested
    class Validation {

        @Test
        void negativeCountsPercentagesOver100AndUnknownCodesAreListedFieldByField() throws Exception {
            ObjectNode body = completeFacts().put("personalInfoUsers", -1).put("domesticRevenuePct", 100.5)
                    .put("listingType", "SIDEWAYS").put("venueRegion", "Mars");
            mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"))
                    .andExpect(jsonPath("$.title").value("Invalid input"))
                    .andExpect(jsonPath("$.instance").value(API))
                    .andExpect(jsonPath("$.errors[?(@.field == 'personalInfoUsers')].code").value("NEGATIVE"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'domesticRevenuePct')].code").value("OUT_OF_RANGE"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'listingType')].code").value("UNKNOWN_VALUE"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'listingType')].message")
                            .value("Must be one of DIRECT, INDIRECT."))
                    .andExpect(jsonPath("$.errors[?(@.field == 'venueRegion')].code").value("UNKNOWN_VALUE"));
        }

        @Test
        void anIndustryOutsideTheListAndAMainlandVenueAreRefusedNamingWhatIsAllowed() throws Exception {
            ObjectNode body = completeFacts().put("industry", "tobacco").put("venueRegion", "CN")
                    .put("mainPlaceOfBusiness", "UK");
            mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'industry')].code").value("UNKNOWN_VALUE"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'industry')].message").value(Matchers.hasItem(
                            Matchers.allOf(Matchers.startsWith("Must be one of "), Matchers.containsString("TOBACCO"),
                                    Matchers.containsString("BANKING")))))
                    .andExpect(jsonPath("$.errors[?(@.field == 'venueRegion')].code").value("NOT_OVERSEAS"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'venueRegion')].message").value(Matchers.hasItem(
                            Matchers.containsString("Hong Kong is HK, Macau MO"))))
                    .andExpect(jsonPath("$.errors[?(@.field == 'mainPlaceOfBusiness')].code").value("UNKNOWN_VALUE"));
            mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content(completeFacts().put("industry", "TOBACCO").put("venueRegion", "MO")
                                    .put("venueExchange", "OTHER").put("venueExchangeName", "Macao exchange").toString()))
                    .andExpect(status().isCreated());
        }

        @Test
        void theExchangeIsACodeOfTheListInTheVenueRegionAndTheAnswerNamesTheExchange() throws Exception {
            mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content(completeFacts().put("venueExchange", "New York Stock Exchange")
                                    .put("previouslyListedExchange", "Wall Street").toString()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'venueExchange')].code").value("UNKNOWN_VALUE"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'venueExchange')].message").value(Matchers.hasItem(
                            Matchers.allOf(Matchers.startsWith("Must be one of "), Matchers.containsString("NYSE"),
                                    Matchers.containsString("HKEX"), Matchers.containsString("OTHER")))))
                    .andExpect(jsonPath("$.errors[?(@.field == 'previouslyListedExchange')].code").value("UNKNOWN_VALUE"));
            mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content(completeFacts().put("venueExchange", "HKEX").toString()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'venueExchange')].code").value("NOT_IN_REGION"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'venueExchange')].message").value(Matchers.hasItem(
                            Matchers.containsString("HKEX (HK)"))));
            MvcResult other = mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON)
                            .header("Accept-Language", "zh-CN")
                            .content(completeFacts().put("venueExchange", "OTHER").put("venueExchangeName", "Börse Stuttgart")
                                    .put("venueRegion", "DE").toString()))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.venueExchange").value("OTHER"))
                    .andExpect(jsonPath("$.venueExchangeName").value("Börse Stuttgart"))
                    .andExpect(jsonPath("$.venueExchangeDisplayName").value("Börse Stuttgart"))
                    .andReturn();
            mvc.perform(get(other.getResponse().getHeader("Location")).with(company()).header("Accept-Language", "zh-CN"))
                    .andExpect(jsonPath("$.venueExchangeDisplayName").value("Börse Stuttgart"));
            MvcResult nyse = mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content(completeFacts().toString()))
                    .andExpect(status().isCreated()).andReturn();
            mvc.perform(get(nyse.getResponse().getHeader("Location")).with(company()).locale(Locale.SIMPLIFIED_CHINESE))
                    .andExpect(jsonPath("$.venueExchange").value("NYSE"))
                    .andExpect(jsonPath("$.venueExchangeDisplayName").value("纽约证券交易所"));
        }

        @Test
        void valuesOfTheWrongKindNameTheirField() throws Exception {
            expectFieldError("{\"personalInfoUsers\": \"abc\"}", "personalInfoUsers", "WRONG_TYPE");
            expectFieldError("{\"ciio\": [1, 2]}", "ciio", "WRONG_TYPE");
            expectFieldError("{\"plannedListingDate\": \"31/12/2026\"}", "plannedListingDate", "INVALID_DATE");
            expectFieldError("{\"cloudContracts\": [{\"provider\": \"X\", \"endDate\": \"soon\"}]}",
                    "cloudContracts[0].endDate", "INVALID_DATE");
            expectFieldError("{\"personalInfoUsers\": 123456789012345678901234567890}", "personalInfoUsers", "OUT_OF_RANGE");
            expectFieldError("{\"users\": \"abc\"}", "users", "UNKNOWN_FIELD");
        }

        @Test
        void malformedJsonIs400WithoutTheParsersInternals() throws Exception {
            for (String broken : List.of("{\"listingType\": ", "{listingType: DIRECT}", "[1,2", "not json", "\"text\"")) {
                MvcResult result = mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON).content(broken))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                        .andExpect(jsonPath("$.type").value(PROBLEMS + "malformed-request"))
                        .andReturn();
                assertThat(result.getResponse().getContentAsString()).as(broken)
                        .doesNotContain("jackson").doesNotContain("Exception").doesNotContain("cn.ola");
            }
        }

        @Test
        void aMissingBodyAWrongContentTypeAWrongMethodAndAnUnknownPathAreProblemsToo() throws Exception {
            mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("The request needs a JSON body."));
            mvc.perform(post(API).with(company()).contentType(MediaType.TEXT_PLAIN).content("hello"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "unsupported-media-type"));
            mvc.perform(delete(API).with(company()))
                    .andExpect(status().isMethodNotAllowed())
                    .andExpect(header().exists("Allow"))
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
            mvc.perform(get("/api/v1/nothing-here").with(company()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
            mvc.perform(get(API + "/not-a-number").with(company()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
            mvc.perform(get(API + "/987654321").with(company()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        }

        @Test
        void outsideTheApiErrorsStayAsTheyWere() throws Exception {
            MvcResult page = mvc.perform(get("/no-such-page").with(user("compliance").roles("COMPANY"))
                            .accept(MediaType.TEXT_HTML))
                    .andExpect(status().isNotFound())
                    .andReturn();
            // Spring's default handling: an error sent to the container, which shows the portal's error page.
            assertThat(page.getResponse().getContentType()).isNull();
            assertThat(page.getResponse().getContentAsString()).isEmpty();
        }

        private void expectFieldError(String body, String field, String code) throws Exception {
            mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].code").value(code));
        }
    }

    @Nested
    class Documents {

        @Test
        void aPdfIsKeptListedAndServedBackAsAnAttachment() throws Exception {
            long id = createDraft(completeFacts());
            MvcResult uploaded = mvc.perform(multipart(API + "/" + id + "/documents").file(pdf("prospectus.pdf"))
                            .param("kind", "PROSPECTUS").with(company()))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.kind").value("PROSPECTUS"))
                    .andExpect(jsonPath("$.contentType").value("application/pdf"))
                    .andExpect(jsonPath("$.sizeBytes").value(PDF.length))
                    .andReturn();
            String contentHref = read(uploaded).get("contentHref").asText();
            assertThat(uploaded.getResponse().getHeader("Location")).isEqualTo(contentHref);

            mvc.perform(get(API + "/" + id + "/documents").with(company()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].filename").value("prospectus.pdf"))
                    .andExpect(jsonPath("$[0].current").value(true));
            mvc.perform(get(contentHref).with(company()))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType("application/pdf"))
                    .andExpect(content().bytes(PDF))
                    .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        }

        @Test
        void aFileOverTheSizeLimitIs413() throws Exception {
            long id = createDraft(completeFacts());
            byte[] large = new byte[3 * 1024];
            System.arraycopy(PDF, 0, large, 0, PDF.length);
            mvc.perform(multipart(API + "/" + id + "/documents")
                            .file(new MockMultipartFile("file", "large.pdf", "application/pdf", large))
                            .param("kind", "PROSPECTUS").with(company()))
                    .andExpect(status().isPayloadTooLarge())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "upload-too-large"))
                    .andExpect(jsonPath("$.maxBytes").value(2048));
            mvc.perform(get(API + "/" + id + "/documents").with(company())).andExpect(jsonPath("$").isEmpty());
        }

        @Test
        void aRequestOverTheServersMultipartLimitIs413WithAProblemToo() throws Exception {
            long id = createDraft(completeFacts());
            String boundary = "----ola" + UUID.randomUUID();
            byte[] filler = new byte[100 * 1024];
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nPROSPECTUS\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n";
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            var body = new java.io.ByteArrayOutputStream();
            body.write(head.getBytes(StandardCharsets.US_ASCII));
            body.write(PDF);
            body.write(filler);
            body.write(tail);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + API + "/" + id + "/documents"))
                    .header("Authorization", basic("compliance", "demo"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(PROBLEM_JSON));
            assertThat(json.readTree(response.body()).get("type").asText()).isEqualTo(PROBLEMS + "upload-too-large");
        }

        @Test
        void aProgramOrPlainTextNamedPdfIsRefused() throws Exception {
            long id = createDraft(completeFacts());
            byte[] program = new byte[512];
            program[0] = 'M';
            program[1] = 'Z';
            byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            for (byte[] content : List.of(program, zip, "just some words".getBytes(StandardCharsets.UTF_8))) {
                mvc.perform(multipart(API + "/" + id + "/documents")
                                .file(new MockMultipartFile("file", "report.pdf", "application/pdf", content))
                                .param("kind", "FILING_REPORT").with(company()))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                        .andExpect(jsonPath("$.type").value(PROBLEMS + "upload-refused"))
                        .andExpect(jsonPath("$.reason").value("TYPE_NOT_ALLOWED"));
            }
            mvc.perform(multipart(API + "/" + id + "/documents")
                            .file(new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]))
                            .param("kind", "FILING_REPORT").with(company()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.reason").value("EMPTY"));
        }

        @Test
        void anUnknownOrMissingKindOrAMissingFileIs400() throws Exception {
            long id = createDraft(completeFacts());
            mvc.perform(multipart(API + "/" + id + "/documents").file(pdf("a.pdf")).param("kind", "SELFIE").with(company()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("kind"))
                    .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_VALUE"));
            mvc.perform(multipart(API + "/" + id + "/documents").file(pdf("a.pdf")).with(company()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
            mvc.perform(multipart(API + "/" + id + "/documents").param("kind", "PROSPECTUS").with(company()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("file"));
            mvc.perform(post(API + "/" + id + "/documents").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
        }
    }

    @Nested
    class Submission {

        @Test
        void anIncompleteDraftIsRefusedWithTheMissingFieldsAndDocuments() throws Exception {
            ObjectNode body = completeFacts();
            body.remove("declOwnershipDispute");
            body.remove("declUnderInvestigation");
            long id = createDraft(body);
            upload(id, "FILING_REPORT");
            mvc.perform(post(API + "/" + id + "/submission").with(company()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[?(@.field == 'declOwnershipDispute')].code").value("REQUIRED"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'declUnderInvestigation')].code").value("REQUIRED"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'documents.PROSPECTUS')].code").value("DOCUMENT_MISSING"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'documents.PRC_LEGAL_OPINION')].code").value("DOCUMENT_MISSING"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'documents.FILING_REPORT')]").isEmpty());
            mvc.perform(get(API + "/" + id).with(company())).andExpect(jsonPath("$.status").value("DRAFT"));
        }

        @Test
        void theDocumentsTheScreeningCallsForAreRequiredAndTheAnswerSaysWhy() throws Exception {
            // 3.2 million users' data, listing in the United States: the cybersecurity review applies;
            // 150,000 people's data exported: the standard contract, and with it the protection impact assessment.
            long id = createDraft(completeFacts().put("personalInfoUsers", 3_200_000).put("piExportedNonSensitive", 150_000));
            for (String kind : List.of("FILING_REPORT", "PRC_LEGAL_OPINION", "PROSPECTUS")) {
                upload(id, kind);
            }
            mvc.perform(post(API + "/" + id + "/submission").with(company()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("Required documents are missing; upload them first."))
                    .andExpect(jsonPath("$.errors.length()").value(4))
                    .andExpect(jsonPath("$.errors[?(@.field == 'documents.CYBERSECURITY_REVIEW_DECLARATION')].message")
                            .value(Matchers.hasItem(Matchers.containsString("the cybersecurity review applies to this listing"))))
                    .andExpect(jsonPath("$.errors[?(@.field == 'documents.NATIONAL_SECURITY_IMPACT_REPORT')].code")
                            .value("DOCUMENT_MISSING"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'documents.IPO_DOCUMENTS')].code").value("DOCUMENT_MISSING"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'documents.PI_SELF_ASSESSMENT')].message")
                            .value(Matchers.hasItem(Matchers.containsString("standard-contract route"))));
            for (String kind : List.of("CYBERSECURITY_REVIEW_DECLARATION", "NATIONAL_SECURITY_IMPACT_REPORT", "IPO_DOCUMENTS",
                    "PI_SELF_ASSESSMENT")) {
                upload(id, kind);
            }
            mvc.perform(post(API + "/" + id + "/submission").with(company()))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.screening[?(@.decision == 'cybersecurity-review-requirement')].result")
                            .value("MANDATORY"));
        }

        @Test
        void aCompleteDraftIsSubmittedOnceAndASecondSubmissionIs409WithTheNumber() throws Exception {
            long id = readyDraft();
            MvcResult submitted = mvc.perform(post(API + "/" + id + "/submission").with(company()))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", API + "/" + id + "/case"))
                    .andExpect(jsonPath("$.number", Matchers.matchesPattern("OLA-\\d{4}-\\d{6}")))
                    .andExpect(jsonPath("$.screening[?(@.decision == 'cybersecurity-review-requirement')].result")
                            .value("NOT_REQUIRED"))
                    .andExpect(jsonPath("$.screening[?(@.decision == 'negative-list')].result").value("CLEAR"))
                    .andExpect(jsonPath("$.nextSteps[0].taskKey").value("Task_IntakeCheck"))
                    .andExpect(jsonPath("$.nextSteps[0].forApplicant").value(false))
                    .andExpect(jsonPath("$.nextSteps[0].dueDate").isNotEmpty())
                    .andExpect(jsonPath("$.nextSteps[0].workingDaysLeft").isNumber())
                    .andReturn();
            String number = read(submitted).get("number").asText();

            mvc.perform(post(API + "/" + id + "/submission").with(company()))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "already-submitted"))
                    .andExpect(jsonPath("$.number").value(number));
            mvc.perform(put(API + "/" + id).with(company()).header("If-Match", "\"0\"")
                            .contentType(MediaType.APPLICATION_JSON).content(completeFacts().toString()))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail", Matchers.containsString("submitted")));
            mvc.perform(multipart(API + "/" + id + "/documents").file(pdf("late.pdf")).param("kind", "SUPPLEMENT")
                            .with(company()))
                    .andExpect(status().isConflict());
            mvc.perform(get(API + "/" + id).with(company()))
                    .andExpect(jsonPath("$.number").value(number))
                    .andExpect(jsonPath("$.status").value("SUBMITTED"));
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRetriedCreationGetsTheSameAnswerAndCreatesOneDraft() throws Exception {
            int before = count();
            String key = UUID.randomUUID().toString();
            String body = completeFacts().put("industry", "HEALTHCARE").toString();
            MvcResult first = mvc.perform(post(API).with(company()).header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn();
            MvcResult retry = mvc.perform(post(API).with(company()).header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Idempotent-Replayed", "true"))
                    .andReturn();

            assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
            assertThat(retry.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
            assertThat(count()).isEqualTo(before + 1);
        }

        @Test
        void theSameKeyWithAnotherBodyIs422AndCreatesNothing() throws Exception {
            String key = UUID.randomUUID().toString();
            mvc.perform(post(API).with(company()).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .content(completeFacts().toString())).andExpect(status().isCreated());
            int before = count();
            mvc.perform(post(API).with(company()).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                            .content(completeFacts().put("industry", "ENERGY").toString()))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "idempotency-key-reused"));
            assertThat(count()).isEqualTo(before);
        }

        @Test
        void aRetriedSubmissionGetsTheSame201() throws Exception {
            long id = readyDraft();
            String key = UUID.randomUUID().toString();
            MvcResult first = mvc.perform(post(API + "/" + id + "/submission").with(company()).header("Idempotency-Key", key))
                    .andExpect(status().isCreated()).andReturn();
            MvcResult retry = mvc.perform(post(API + "/" + id + "/submission").with(company()).header("Idempotency-Key", key))
                    .andExpect(status().isCreated()).andReturn();
            assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
            // Without the key, a second submission is plainly refused.
            mvc.perform(post(API + "/" + id + "/submission").with(company())).andExpect(status().isConflict());
        }

        @Test
        void aKeyIsTheCallersOwnAndAFailedRequestDoesNotUseItUp() throws Exception {
            String key = UUID.randomUUID().toString();
            mvc.perform(post(API).with(company()).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"personalInfoUsers\": -5}")).andExpect(status().isBadRequest());
            mvc.perform(post(API).with(company()).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"personalInfoUsers\": 5}")).andExpect(status().isCreated());
            mvc.perform(post(API).with(otherCompany()).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"personalInfoUsers\": 7}")).andExpect(status().isCreated())
                    .andExpect(header().doesNotExist("Idempotent-Replayed"));
        }

        @Test
        void twoRequestsWithOneKeyAtOnceCreateOneDraft() throws Exception {
            int before = count();
            String key = UUID.randomUUID().toString();
            String body = completeFacts().put("industry", "TELECOMMUNICATIONS").toString();
            Callable<Integer> request = () -> mvc.perform(post(API).with(company()).header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> answers = pool.invokeAll(List.of(request, request));
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).contains(201).allMatch(s -> s == 201 || s == 409);
            } finally {
                pool.shutdownNow();
            }
            assertThat(count()).isEqualTo(before + 1);
        }

        @Test
        void aMalformedKeyIs400() throws Exception {
            mvc.perform(post(API).with(company()).header("Idempotency-Key", "x".repeat(201))
                            .contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        }

        private int count() throws Exception {
            return read(mvc.perform(get(API).with(company())).andExpect(status().isOk()).andReturn()).size();
        }
    }

    @Nested
    class Isolation {

        @Test
        void anotherCompanyGets404ForEverythingOfThisCompanysApplication() throws Exception {
            long draft = createDraft(completeFacts());
            long documentId = upload(draft, "PROSPECTUS");
            long submitted = readyDraft();
            mvc.perform(post(API + "/" + submitted + "/submission").with(company())).andExpect(status().isCreated());

            List<MockHttpServletRequestBuilder> requests = new ArrayList<>(List.of(
                    get(API + "/" + draft),
                    put(API + "/" + draft).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content("{}"),
                    post(API + "/" + draft + "/submission"),
                    get(API + "/" + draft + "/documents"),
                    get(API + "/" + draft + "/documents/" + documentId + "/content"),
                    get(API + "/" + draft + "/case"),
                    get(API + "/" + submitted + "/case"),
                    post(API + "/" + submitted + "/materials-answers").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"answer\": \"ours\"}"),
                    post(API + "/" + submitted + "/overseas-submission").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"submittedOn\": \"2026-01-05\"}"),
                    post(API + "/" + submitted + "/listing-report").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"listedOn\": \"2026-01-05\"}"),
                    post(API + "/" + submitted + "/withdrawal").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"not ours\"}")));
            requests.add(multipart(API + "/" + draft + "/documents").file(pdf("theirs.pdf")).param("kind", "PROSPECTUS"));
            for (MockHttpServletRequestBuilder request : requests) {
                mvc.perform(request.with(otherCompany()))
                        .andExpect(status().isNotFound())
                        .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                        .andExpect(jsonPath("$.detail").value(
                                "There is no such application or document, or it belongs to another company."));
            }
            mvc.perform(get(API).with(otherCompany()))
                    .andExpect(jsonPath("$[?(@.id == " + draft + ")]").isEmpty());
            // Nothing happened to the application.
            mvc.perform(get(API + "/" + submitted + "/case").with(company()))
                    .andExpect(jsonPath("$.status").value("SUBMITTED"));
            mvc.perform(get(API + "/" + draft + "/documents").with(company())).andExpect(jsonPath("$.length()").value(1));
        }
    }

    @Nested
    class CaseAndActions {

        @Test
        void aDraftsCaseHasNoStepsYet() throws Exception {
            long id = createDraft(completeFacts());
            mvc.perform(get(API + "/" + id + "/case").with(company()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("DRAFT"))
                    .andExpect(jsonPath("$.open").value(false))
                    .andExpect(jsonPath("$.openSteps").isEmpty());
            mvc.perform(post(API + "/" + id + "/withdrawal").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"too early\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "case-not-waiting"));
        }

        @Test
        void theCompanyAnswersARequestForMaterialsOnceAndThenWithdraws() throws Exception {
            long id = readyDraft();
            String number = submit(id);
            mvc.perform(get(API + "/" + id + "/case").with(company()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.number").value(number))
                    .andExpect(jsonPath("$.stage").value("INTAKE_CHECK"))
                    .andExpect(jsonPath("$.open").value(true))
                    .andExpect(jsonPath("$.openSteps[0].taskKey").value("Task_IntakeCheck"))
                    .andExpect(jsonPath("$.openSteps[0].due").isNotEmpty())
                    .andExpect(jsonPath("$.actions").isEmpty())
                    .andExpect(jsonPath("$.screening").isNotEmpty())
                    .andExpect(jsonPath("$.timeline[?(@.eventType == 'SUBMITTED')]").isNotEmpty())
                    .andExpect(jsonPath("$.documents.length()").value(3));

            staff().completeAs("csrc", "csrc-officer", number, "Task_IntakeCheck",
                    Map.of("intakeOutcome", "CORRECTIONS_NEEDED", "reasons", "Please add the signed legal opinion."));
            MvcResult waiting = mvc.perform(get(API + "/" + id + "/case").with(company()))
                    .andExpect(jsonPath("$.actions[0].action").value("SUPPLY_MATERIALS"))
                    .andExpect(jsonPath("$.actions[0].request").value("Please add the signed legal opinion."))
                    .andExpect(jsonPath("$.actions[0].dueDate").isNotEmpty())
                    .andExpect(jsonPath("$.actions[0].workingDaysLeft").isNumber())
                    .andReturn();
            String taskId = read(waiting).get("actions").get(0).get("taskId").asText();

            mvc.perform(multipart(API + "/" + id + "/materials-answers").file(new MockMultipartFile("files",
                            "opinion-signed.pdf", "application/pdf", PDF)).param("kinds", "PRC_LEGAL_OPINION")
                            .param("answer", "The signed opinion is attached.").param("taskId", taskId).with(company()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.actions").isEmpty())
                    .andExpect(jsonPath("$.timeline[?(@.eventType == 'MATERIALS_SUPPLIED')]").isNotEmpty());
            mvc.perform(post(API + "/" + id + "/materials-answers").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"taskId\": \"" + taskId + "\", \"answer\": \"Again.\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "case-not-waiting"))
                    .andExpect(jsonPath("$.detail", Matchers.containsString("not waiting for these materials")));
            mvc.perform(post(API + "/" + id + "/overseas-submission").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"submittedOn\": \"2026-01-05\"}"))
                    .andExpect(status().isConflict());
            mvc.perform(post(API + "/" + id + "/withdrawal").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));

            mvc.perform(post(API + "/" + id + "/withdrawal").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"The listing is postponed.\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                    .andExpect(jsonPath("$.open").value(false))
                    .andExpect(jsonPath("$.openSteps").isEmpty());
            mvc.perform(post(API + "/" + id + "/withdrawal").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"Twice.\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail", Matchers.containsString("already ended")));
        }

        @Test
        void theCompanyReportsItsOverseasApplicationAndThenTheListing() throws Exception {
            ObjectNode facts = completeFacts();
            facts.remove("overseasSubmissionDate");
            long id = createDraft(facts);
            for (String kind : List.of("FILING_REPORT", "PRC_LEGAL_OPINION", "PROSPECTUS")) {
                upload(id, kind);
            }
            String number = submit(id);
            mvc.perform(post(API + "/" + id + "/listing-report").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"listedOn\": \"2026-01-05\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail", Matchers.containsString("not waiting for a listing report")));

            staff().completeAs("csrc", "csrc-officer", number, "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
            staff().completeAs("cro", "cro-reviewer", number, "Task_ReviewPiSelfAssessment",
                    Map.of("selfAssessmentOutcome", "ACCEPTED"));
            mvc.perform(get(API + "/" + id + "/case").with(company()))
                    .andExpect(jsonPath("$.actions[0].action").value("REPORT_OVERSEAS_SUBMISSION"));
            mvc.perform(post(API + "/" + id + "/overseas-submission").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("submittedOn"));
            mvc.perform(post(API + "/" + id + "/overseas-submission").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"submittedOn\": \"" + LocalDate.now() + "\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.actions").isEmpty())
                    .andExpect(jsonPath("$.timeline[?(@.eventType == 'OVERSEAS_SUBMISSION_REPORTED')]").isNotEmpty());
            mvc.perform(post(API + "/" + id + "/overseas-submission").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"submittedOn\": \"" + LocalDate.now() + "\"}"))
                    .andExpect(status().isConflict());

            staff().completeAs("csrc", "csrc-officer", number, "Task_CompletenessCheck", Map.of("completenessOutcome", "COMPLETE"));
            staff().completeAs("csrc", "csrc-officer", number, "Task_ConcludeFiling", Map.of("filingOutcome", "NOTICE_ISSUED"));
            // The filing notice is printed by a job before the case waits for the listing.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    mvc.perform(get(API + "/" + id + "/case").with(company()))
                            .andExpect(jsonPath("$.actions[0].action").value("REPORT_LISTING")));
            mvc.perform(post(API + "/" + id + "/listing-report").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"listedOn\": \"" + LocalDate.now() + "\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("LISTED"))
                    .andExpect(jsonPath("$.closedAt").isNotEmpty());
            mvc.perform(post(API + "/" + id + "/listing-report").with(company()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"listedOn\": \"" + LocalDate.now() + "\"}"))
                    .andExpect(status().isConflict());
        }

        private String submit(long id) throws Exception {
            return read(mvc.perform(post(API + "/" + id + "/submission").with(company()))
                    .andExpect(status().isCreated()).andReturn()).get("number").asText();
        }
    }

    @Nested
    class OpenApiDocument {

        @Test
        void theDocumentIsServedWithoutSigningInAndDescribesEveryPath() throws Exception {
            MvcResult result = mvc.perform(get("/v3/api-docs"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.info.description", Matchers.containsString("HTTP Basic")))
                    .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"))
                    .andReturn();
            // Kept for reading (and for clients to generate code from) next to the build's other reports.
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"),
                    result.getResponse().getContentAsString());
            JsonNode paths = read(result).get("paths");
            assertThat(paths.fieldNames()).toIterable().containsExactlyInAnyOrder(
                    API, API + "/{id}", API + "/{id}/submission", API + "/{id}/documents",
                    API + "/{id}/documents/{documentId}/content", API + "/{id}/case", API + "/{id}/materials-answers",
                    API + "/{id}/overseas-submission", API + "/{id}/listing-report", API + "/{id}/interim-measures-compliance",
                    API + "/{id}/withdrawal", API + "/{id}/another-market",
                    "/api/v1/material-events", "/api/v1/material-events/{id}", "/api/v1/material-events/{id}/answers",
                    "/api/v1/subsequent-offerings", "/api/v1/subsequent-offerings/{id}",
                    "/api/v1/subsequent-offerings/{id}/withdrawal");
            assertThat(result.getResponse().getContentAsString()).contains("OLA-2026-000123")
                    .contains("https://ola.example.cn/problems/validation");
        }

        @Test
        void theUiIsServedWithoutSigningInUnderThePortalsContentSecurityPolicy() throws Exception {
            mvc.perform(get("/swagger-ui/index.html"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", Matchers.containsString("style-src 'self'")))
                    // Scripts and styles come as files only, which the policy allows.
                    .andExpect(content().string(Matchers.not(Matchers.containsString("<script>"))))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("<style"))))
                    .andExpect(content().string(Matchers.containsString("swagger-initializer.js")));
            mvc.perform(get("/v3/api-docs/swagger-config"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.url").value("/v3/api-docs"));
        }
    }

    /** The OpenAPI UI in a real browser: it must render with the policy that forbids inline scripts and styles. */
    @Nested
    @ExtendWith(Chromium.class)
    class OpenApiUi {

        @Test
        void theUiListsTheApisOperations(Browser browser) {
            browser.open("/swagger-ui.html");
            browser.waitUntil(driver -> driver.findElements(By.cssSelector(".opblock-tag")).size() >= 3,
                    "the operations' groups");
            assertThat(browser.driver().findElements(By.cssSelector(".opblock-tag"))).extracting(WebElement::getText)
                    .anySatisfy(text -> assertThat(text).startsWith("Applications"))
                    .anySatisfy(text -> assertThat(text).startsWith("Documents"))
                    .anySatisfy(text -> assertThat(text).startsWith("Case"));
            // The UI's style sheet applies (a page without it shows the title in the browser's default size).
            assertThat(browser.waitFor(By.cssSelector(".info .title")).getCssValue("font-size")).isEqualTo("36px");
            browser.screenshot("api-openapi-ui");
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    static RequestPostProcessor company() {
        return httpBasic("compliance", "demo");
    }

    static RequestPostProcessor otherCompany() {
        return httpBasic(otherUser, OTHER_PASSWORD);
    }

    StaffTasks staff() {
        return new StaffTasks(tasks, identity);
    }

    /** Every field a submission needs: a platform of 500,000 users listing on the NYSE (no review). */
    ObjectNode completeFacts() {
        ObjectNode facts = json.createObjectNode()
                .put("listingType", "INDIRECT").put("issuerType", "OFFSHORE")
                .put("offshoreIssuer", "Example Data Holdings Ltd. (Cayman)").put("venueExchange", "NYSE")
                .put("venueRegion", "US").put("offeringType", "IPO")
                .put("plannedListingDate", LocalDate.now().plusMonths(6).toString())
                .put("overseasSubmissionDate", LocalDate.now().minusDays(1).toString())
                .put("networkPlatformOperator", true).put("ciio", false).put("importantData", false)
                .put("personalInfoUsers", 500_000).put("piExportedNonSensitive", 0).put("piExportedSensitive", 0)
                .put("consentObtained", true).put("sensitiveDataMinimised", true).put("industry", "SOFTWARE")
                .put("domesticRevenuePct", 92.5).put("domesticProfitPct", 88.0).put("domesticAssetsPct", 75.0)
                .put("domesticNetAssetsPct", 70.0).put("managementMostlyPrc", true).put("mainPlaceOfBusiness", "CN")
                .put("declProhibitedByLaw", false).put("declNationalSecurityThreat", false)
                .put("declRecentCriminalOffence", false).put("declUnderInvestigation", false)
                .put("declOwnershipDispute", false);
        return facts;
    }

    long createDraft(ObjectNode body) throws Exception {
        return read(mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isCreated()).andReturn()).get("id").asLong();
    }

    /** A complete draft with its three required documents. */
    long readyDraft() throws Exception {
        long id = createDraft(completeFacts());
        for (String kind : List.of("FILING_REPORT", "PRC_LEGAL_OPINION", "PROSPECTUS")) {
            upload(id, kind);
        }
        return id;
    }

    long upload(long id, String kind) throws Exception {
        return read(mvc.perform(multipart(API + "/" + id + "/documents").file(pdf(kind.toLowerCase() + ".pdf"))
                .param("kind", kind).with(company())).andExpect(status().isCreated()).andReturn()).get("id").asLong();
    }

    static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("file", name, "application/pdf", PDF);
    }

    JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

}
