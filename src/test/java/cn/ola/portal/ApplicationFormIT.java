package cn.ola.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.ola.audit.AuditTrail;
import cn.ola.company.CompanyUsers;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.NewCompanies;

/** A compliance officer fills in, checks and submits an application in the portal, as the pages show it. */
@DevSystemTest
@Tag("own-system")
@TestPropertySource(properties = {"ola.documents.max-size=1KB", "spring.servlet.multipart.max-file-size=64KB",
        "spring.servlet.multipart.max-request-size=80KB"})
class ApplicationFormIT {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern DOCUMENT_LINK = Pattern.compile("/applications/drafts/\\d+/documents/(\\d+)/file");

    @Autowired
    MockMvc mvc;
    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    AuditTrail audit;
    @LocalServerPort
    int port;

    static RequestPostProcessor compliance() {
        return user("compliance").roles("COMPANY");
    }

    @Nested
    class HappyPath {

        @Test
        void aCompleteApplicationIsSubmittedAndTheConfirmationSaysWhatHappensNext() throws Exception {
            String home = page(get("/").with(compliance()));
            assertThat(home).contains("示例数据科技股份有限公司", "My applications", "New application", "/company/users",
                    "/notifications");

            long id = newDraft();
            assertThat(page(get("/applications/drafts/" + id + "/company").with(compliance())))
                    .contains("91110000MA01ABCD2Q", "Save and continue", "Review and submit");
            fillEverything(id);

            upload(id, "FILING_REPORT", "备案报告.pdf", pdf(200));
            upload(id, "PRC_LEGAL_OPINION", "legal-opinion.pdf", pdf(300));
            upload(id, "PROSPECTUS", "prospectus.pdf", pdf(400));
            String documents = page(get("/applications/drafts/" + id + "/documents").with(compliance()));
            assertThat(documents).contains("备案报告.pdf", "legal-opinion.pdf", "prospectus.pdf", "Each file up to 1 KB");

            Matcher link = DOCUMENT_LINK.matcher(documents);
            assertThat(link.find()).isTrue();
            MvcResult download = mvc.perform(get(link.group()).with(compliance())).andReturn();
            assertThat(download.getResponse().getStatus()).isEqualTo(200);
            assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
            assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
                    .contains("UTF-8''%E5%A4%87%E6%A1%88%E6%8A%A5%E5%91%8A.pdf");
            assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(new String(download.getResponse().getContentAsByteArray(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4");

            // 1.5 million users' data, listing in the United States: the cybersecurity review applies, and
            // with it the three documents it is decided on.
            assertThat(documents).contains("The cybersecurity review applies to this listing (on the facts filed so far)");
            String incomplete = page(get("/applications/drafts/" + id + "/review").with(compliance()));
            assertThat(incomplete).contains("Still missing before you can submit",
                    "Cybersecurity review declaration: Upload this document: the cybersecurity review applies to this listing",
                    "Analysis report on the impact on national security: Upload this document: the cybersecurity review",
                    "IPO documents: Upload this document: the cybersecurity review applies")
                    .doesNotContain("Filing report: Upload");
            MvcResult early = mvc.perform(post("/applications/drafts/" + id + "/submit").with(compliance()).with(csrf()))
                    .andReturn();
            assertThat(early.getResponse().getStatus()).isEqualTo(422);
            upload(id, "CYBERSECURITY_REVIEW_DECLARATION", "declaration.pdf", pdf(100));
            upload(id, "NATIONAL_SECURITY_IMPACT_REPORT", "impact.pdf", pdf(100));
            upload(id, "IPO_DOCUMENTS", "ipo.pdf", pdf(100));

            String review = page(get("/applications/drafts/" + id + "/review").with(compliance()));
            assertThat(review).contains("Nothing is missing", "Nasdaq Stock Market", "United States", "1,500,000", "95 %", "Internet services")
                    .doesNotContain("Still missing");

            MvcResult submitted = mvc.perform(post("/applications/drafts/" + id + "/submit").with(compliance()).with(csrf()))
                    .andReturn();
            String confirmationUrl = submitted.getResponse().getRedirectedUrl();
            assertThat(confirmationUrl).matches("/applications/OLA-\\d{4}-\\d{6}/submitted");
            String number = confirmationUrl.split("/")[2];

            String confirmation = page(get(confirmationUrl).with(compliance()));
            assertThat(confirmation).contains(number, "What happens next",
                    "A cybersecurity review by the Cybersecurity Review Office is mandatory",
                    "more than 1,000,000",
                    "Neither a security assessment nor a standard contract is required",
                    "No industry regulator’s prior approval is needed",
                    "None of the circumstances that bar an overseas listing is declared",
                    "This is a direct overseas offering and listing",
                    "Intake check by the CSRC", "Working days left",
                    "within 3 working days", "/applications/" + number + "\"");

            assertThat(page(get("/applications").with(compliance()))).contains(number);
            // The submitted draft is no longer a form: its pages lead to the case.
            assertThat(mvc.perform(get("/applications/drafts/" + id + "/listing").with(compliance())).andReturn()
                    .getResponse().getRedirectedUrl()).isEqualTo("/applications/" + number);
        }

        @Test
        void aSecondSubmitOfTheSameDraftStartsNoSecondCase() throws Exception {
            long id = newDraft();
            fillEverything(id);
            for (String kind : new String[] {"FILING_REPORT", "PRC_LEGAL_OPINION", "PROSPECTUS",
                    "CYBERSECURITY_REVIEW_DECLARATION", "NATIONAL_SECURITY_IMPACT_REPORT", "IPO_DOCUMENTS"}) {
                upload(id, kind, kind.toLowerCase(Locale.ROOT) + ".pdf", pdf(100));
            }
            String first = mvc.perform(post("/applications/drafts/" + id + "/submit").with(compliance()).with(csrf()))
                    .andReturn().getResponse().getRedirectedUrl();
            MvcResult second = mvc.perform(post("/applications/drafts/" + id + "/submit").with(compliance()).with(csrf()))
                    .andReturn();

            assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(first);
            String again = page(get(first).with(compliance()).cookie(second.getResponse().getCookies()));
            assertThat(again).contains("has already been submitted; it was not submitted a second time");
            assertThat(audit.of(id).stream().filter(e -> e.eventType().equals("SUBMITTED"))).hasSize(1);
        }
    }

    @Nested
    class FieldErrors {

        @Test
        void aNegativeCountIsRefusedAndWhatWasTypedStays() throws Exception {
            long id = newDraft();
            MvcResult result = save(id, "data", Map.of("personalInfoUsers", "-5", "piExportedSensitive", "12"));
            assertThat(result.getResponse().getStatus()).isEqualTo(422);
            String page = result.getResponse().getContentAsString();
            assertThat(page).contains("There is a problem", "This cannot be negative", "href=\"#personalInfoUsers\"")
                    .containsPattern("id=\"personalInfoUsers\"[^>]*value=\"-5\"")
                    .containsPattern("id=\"piExportedSensitive\"[^>]*value=\"12\"")
                    .doesNotContain("type=\"radio\" name=\"personalInfoUsers\"");
            // Nothing was saved.
            assertThat(page(get("/applications/drafts/" + id + "/data").with(compliance())))
                    .doesNotContainPattern("id=\"piExportedSensitive\"[^>]*value=\"12\"");
        }

        @Test
        void textInANumberFieldKeepsTheTextAndAsksForAWholeNumber() throws Exception {
            long id = newDraft();
            MvcResult result = save(id, "data", Map.of("personalInfoUsers", "abc"));
            assertThat(result.getResponse().getStatus()).isEqualTo(422);
            assertThat(result.getResponse().getContentAsString()).contains("Enter a whole number")
                    .containsPattern("id=\"personalInfoUsers\"[^>]*value=\"abc\"");
        }

        @Test
        void aShareAboveAHundredPercentIsOutOfRange() throws Exception {
            long id = newDraft();
            MvcResult result = save(id, "business", Map.of("domesticRevenuePct", "150", "domesticProfitPct", "40"));
            assertThat(result.getResponse().getStatus()).isEqualTo(422);
            assertThat(result.getResponse().getContentAsString()).contains("between 0 and 100")
                    .containsPattern("id=\"domesticRevenuePct\"[^>]*value=\"150\"");
        }

        @Test
        void aDateThatIsNoDateKeepsTheTextAndShowsTheFormat() throws Exception {
            long id = newDraft();
            MvcResult result = save(id, "listing", Map.of("plannedListingDate", "next spring"));
            assertThat(result.getResponse().getContentAsString()).contains("Enter a date like 2026-12-31")
                    .containsPattern("id=\"plannedListingDate\"[^>]*value=\"next spring\"");
        }

        @Test
        void unansweredDeclarationsBlockTheSubmission() throws Exception {
            long id = newDraft();
            save(id, "listing", listing());
            save(id, "data", data());
            save(id, "business", business());
            assertThat(page(get("/applications/drafts/" + id + "/review").with(compliance())))
                    .contains("Still missing before you can submit", "Filing report: Upload this document");

            MvcResult refused = mvc.perform(post("/applications/drafts/" + id + "/submit").with(compliance()).with(csrf()))
                    .andReturn();
            assertThat(refused.getResponse().getStatus()).isEqualTo(422);
            assertThat(refused.getResponse().getContentAsString())
                    .contains("The application was not submitted", "Answer yes or no",
                            "(1) The overseas offering and listing is explicitly prohibited",
                            "/applications/drafts/" + id + "/declarations#declProhibitedByLaw");
            assertThat(page(get("/applications").with(compliance())))
                    .contains("/applications/drafts/" + id + "/listing");
        }

        @Test
        void aStaleVersionIsNotSavedAndTheTypedValuesStay() throws Exception {
            long id = newDraft();
            String version = versionOn(page(get("/applications/drafts/" + id + "/listing").with(compliance())));
            Map<String, String> mine = new LinkedHashMap<>(listing());
            mine.put("version", version);
            assertThat(save(id, "listing", mine).getResponse().getStatus()).isEqualTo(302);

            Map<String, String> theirs = new LinkedHashMap<>(listing());
            theirs.put("venueExchange", "OTHER");
            theirs.put("venueExchangeName", "Börse Stuttgart");
            theirs.put("version", version);
            MvcResult conflict = save(id, "listing", theirs);
            assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
            assertThat(conflict.getResponse().getContentAsString()).contains("was changed elsewhere")
                    .containsPattern("id=\"venueExchangeName\"[^>]*value=\"Börse Stuttgart\"")
                    .containsPattern("<option value=\"OTHER\" selected");
            assertThat(page(get("/applications/drafts/" + id + "/listing").with(compliance())))
                    .containsPattern("<option value=\"NASDAQ\" selected").doesNotContain("Börse Stuttgart");
        }

        @Test
        void blankCloudContractRowsAreIgnoredAndAHalfFilledOneIsReported() throws Exception {
            long id = newDraft();
            Map<String, String> state = new LinkedHashMap<>();
            state.put("stateAssetsSupervisor", "SASAC");
            state.put("stateCloudMigrationStatus", "IN_PROGRESS");
            state.put("contracts[0].provider", "Example Cloud");
            state.put("contracts[0].endDate", "2027-06-30");
            state.put("contracts[1].provider", "");
            state.put("contracts[1].endDate", "");
            assertThat(save(id, "state", state).getResponse().getStatus()).isEqualTo(302);
            String saved = page(get("/applications/drafts/" + id + "/state").with(compliance()));
            assertThat(saved).containsPattern("name=\"contracts\\[0]\\.provider\"\\s+value=\"Example Cloud\"")
                    .contains("name=\"contracts[2].provider\"").doesNotContain("name=\"contracts[3].provider\"");

            state.put("contracts[1].provider", "Another Cloud");
            MvcResult halfFilled = save(id, "state", state);
            assertThat(halfFilled.getResponse().getStatus()).isEqualTo(422);
            assertThat(halfFilled.getResponse().getContentAsString()).contains("Contract end date (row 2)")
                    .containsPattern("value=\"Another Cloud\"");
        }
    }

    @Nested
    class Uploads {

        long id;

        @BeforeEach
        void draftWithAFilingReport() throws Exception {
            id = newDraft();
            upload(id, "FILING_REPORT", "filing-report.pdf", pdf(100));
        }

        @Test
        void aFileOverTheLimitIsRefusedWithTheLimitNamed() throws Exception {
            String page = refusedUpload("PROSPECTUS", "big.pdf", pdf(2048));
            assertThat(page).contains("“big.pdf” was not uploaded: it is larger than 1 KB", "filing-report.pdf");
        }

        @Test
        void aProgramRenamedToPdfIsRefused() throws Exception {
            byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            String page = refusedUpload("PROSPECTUS", "setup.pdf", zip);
            assertThat(page).contains("“setup.pdf” was not uploaded: its content is not a type we accept", "filing-report.pdf");
        }

        @Test
        void plainTextRenamedToPdfIsRefused() throws Exception {
            String page = refusedUpload("FILING_REPORT", "notes.pdf", "just some notes".getBytes(StandardCharsets.UTF_8));
            assertThat(page).contains("“notes.pdf” was not uploaded", "filing-report.pdf");
        }

        @Test
        void aRequestBeyondWhatTheServerTakesComesBackToTheDocumentsPage() {
            Browserless browser = new Browserless(port);
            browser.login("compliance", "demo");
            String documentsPage = "/applications/drafts/" + id + "/documents";
            String token = Browserless.csrfTokenOf(browser.get(documentsPage).body());
            byte[] huge = pdf(100 * 1024);
            HttpResponse<String> response = browser.postFile(documentsPage + "/PROSPECTUS?_csrf=" + token, "file", "huge.pdf", huge);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith(documentsPage);
            assertThat(browser.get(documentsPage).body()).contains("The file was not uploaded: it is larger than 64 KB",
                    "filing-report.pdf");
        }

        private String refusedUpload(String kind, String filename, byte[] content) throws Exception {
            MvcResult result = mvc.perform(multipart("/applications/drafts/" + id + "/documents/" + kind)
                    .file(new MockMultipartFile("file", filename, "application/pdf", content))
                    .with(compliance()).with(csrf())).andReturn();
            assertThat(result.getResponse().getRedirectedUrl()).startsWith("/applications/drafts/" + id + "/documents");
            return page(get("/applications/drafts/" + id + "/documents").with(compliance()).cookie(result.getResponse().getCookies()));
        }
    }

    @Nested
    class Access {

        @Test
        void anotherCompanysUserFindsNoSuchApplication() throws Exception {
            long id = newDraft();
            upload(id, "FILING_REPORT", "filing-report.pdf", pdf(100));
            Matcher link = DOCUMENT_LINK.matcher(page(get("/applications/drafts/" + id + "/documents").with(compliance())));
            assertThat(link.find()).isTrue();
            RequestPostProcessor other = user(otherCompanyUser()).roles("COMPANY");

            MvcResult read = mvc.perform(get("/applications/drafts/" + id + "/listing").with(other)).andReturn();
            assertThat(read.getResponse().getStatus()).isEqualTo(404);
            assertThat(read.getResponse().getContentAsString()).contains("Application not found");
            assertThat(mvc.perform(post("/applications/drafts/" + id + "/listing").with(other).with(csrf())
                    .param("venueExchange", "Hijacked")).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(get(link.group()).with(other)).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(multipart("/applications/drafts/" + id + "/documents/PROSPECTUS")
                    .file(new MockMultipartFile("file", "x.pdf", "application/pdf", pdf(100))).with(other).with(csrf()))
                    .andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(get("/applications/drafts/999999999/review").with(compliance())).andReturn()
                    .getResponse().getStatus()).isEqualTo(404);
            assertThat(page(get("/applications/drafts/" + id + "/listing").with(compliance())))
                    .doesNotContain("Hijacked");
        }

        @Test
        void staffHaveNoCompanyForms() throws Exception {
            assertThat(mvc.perform(get("/applications").with(user("csrc").roles("STAFF"))).andReturn().getResponse()
                    .getStatus()).isEqualTo(403);
        }

        @Test
        void theFormSpeaksChinese() throws Exception {
            long id = newDraft();
            String listing = page(get("/applications/drafts/" + id + "/listing").param("lang", "zh_CN").with(compliance()));
            assertThat(listing).contains("发行上市信息", "上市方式", "拟上市交易所", "保存草稿", "保存并继续",
                    "间接境外上市的，填写境外发行主体");
            String data = page(get("/applications/drafts/" + id + "/data").locale(Locale.SIMPLIFIED_CHINESE).with(compliance()));
            assertThat(data).contains("企业是否为网络平台运营者？", "关键信息基础设施运营者");
            MvcResult wrong = save(id, "data", Map.of("personalInfoUsers", "abc"), Locale.SIMPLIFIED_CHINESE);
            assertThat(wrong.getResponse().getContentAsString()).contains("填写有误", "请输入整数");
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    long newDraft() throws Exception {
        MvcResult created = mvc.perform(post("/applications/drafts").with(compliance()).with(csrf())).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/applications/drafts/\\d+/company");
        return Long.parseLong(location.split("/")[3]);
    }

    void fillEverything(long id) throws Exception {
        assertThat(save(id, "listing", listing()).getResponse().getRedirectedUrl())
                .isEqualTo("/applications/drafts/" + id + "/data");
        assertThat(save(id, "data", data()).getResponse().getStatus()).isEqualTo(302);
        assertThat(save(id, "business", business()).getResponse().getStatus()).isEqualTo(302);
        Map<String, String> declarations = new LinkedHashMap<>();
        for (String field : new String[] {"declProhibitedByLaw", "declNationalSecurityThreat", "declRecentCriminalOffence",
                "declUnderInvestigation", "declOwnershipDispute"}) {
            declarations.put(field, "false");
        }
        assertThat(save(id, "declarations", declarations).getResponse().getStatus()).isEqualTo(302);
        assertThat(save(id, "state", Map.of("stateAssetsSupervisor", "")).getResponse().getRedirectedUrl())
                .isEqualTo("/applications/drafts/" + id + "/documents");
    }

    static Map<String, String> listing() {
        return Map.of("listingType", "DIRECT", "issuerType", "PRC_JOINT_STOCK", "offshoreIssuer", "示例数据科技股份有限公司",
                "venueExchange", "NASDAQ", "venueRegion", "US", "offeringType", "IPO", "plannedListingDate", "2027-03-31");
    }

    static Map<String, String> data() {
        return Map.of("networkPlatformOperator", "true", "ciio", "false", "importantData", "false",
                "personalInfoUsers", "1,500,000", "piExportedNonSensitive", "0", "piExportedSensitive", "0",
                "consentObtained", "true", "sensitiveDataMinimised", "true");
    }

    static Map<String, String> business() {
        return Map.of("industry", "INTERNET", "domesticRevenuePct", "95", "domesticProfitPct", "95",
                "domesticAssetsPct", "90", "domesticNetAssetsPct", "90", "managementMostlyPrc", "true",
                "mainPlaceOfBusiness", "CN");
    }

    MvcResult save(long id, String section, Map<String, String> fields) throws Exception {
        return save(id, section, fields, Locale.ENGLISH);
    }

    /** Posts a section with "Save and continue", over the version the page shows unless the fields name one. */
    MvcResult save(long id, String section, Map<String, String> fields, Locale locale) throws Exception {
        MockHttpServletRequestBuilder request = post("/applications/drafts/" + id + "/" + section)
                .with(compliance()).with(csrf()).locale(locale).param("action", "continue");
        if (!fields.containsKey("version")) {
            request.param("version", versionOn(page(get("/applications/drafts/" + id + "/" + section).with(compliance()))));
        }
        fields.forEach(request::param);
        return mvc.perform(request).andReturn();
    }

    void upload(long id, String kind, String filename, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/applications/drafts/" + id + "/documents/" + kind)
                .file(new MockMultipartFile("file", filename, "application/pdf", content))
                .with(compliance()).with(csrf())).andReturn();
        assertThat(result.getFlashMap().get("refused")).as("upload of " + filename).isNull();
        assertThat(result.getFlashMap().get("uploaded")).asString().contains(filename);
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    static String versionOn(String page) {
        Matcher matcher = VERSION.matcher(page);
        assertThat(matcher.find()).as("a version field on the page").isTrue();
        return matcher.group(1);
    }

    /** A tiny but real PDF of about the given size. */
    static byte[] pdf(int size) {
        byte[] content = new byte[Math.max(size, 64)];
        Arrays.fill(content, (byte) ' ');
        byte[] head = "%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(tail, 0, content, content.length - tail.length, tail.length);
        return content;
    }

    String otherCompanyUser() {
        return NewCompanies.withUser(companyUsers, "officer", "另一家科技有限公司", "Another Technology Co., Ltd.",
                "secret-password-1");
    }

}
