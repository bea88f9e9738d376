package cn.ola.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.applicant.DocumentKind;
import cn.ola.applicant.Upload;
import cn.ola.audit.AuditTrail;
import cn.ola.company.CompanyUsers;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.StoredDocument;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.DraftDocuments;
import cn.ola.support.NewCompanies;
import cn.ola.support.PlatformFacts;
import cn.ola.support.StaffTasks;
import cn.ola.workflow.ApplicantAction;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.OpenStep;

/** The company's case page on the running system: what it shows and the actions the company takes there. */
@DevSystemTest
class CasePageIT {

    static final String COMPANY_USER = "compliance";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final String MATERIALS_REQUEST = "Please supply the legal opinion signed by the responsible lawyer.";
    /** How long the job executor may take to print a letter; the first one in a fresh JVM takes seconds. */
    static final Duration LETTER_JOB = Duration.ofSeconds(90);

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicantCases cases;
    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    AuditTrail audit;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    Deadlines deadlines;
    @LocalServerPort
    int port;

    ApplicationNumber number;

    @BeforeEach
    void submitACase() {
        number = submit(800_000L, LocalDate.now(Deadlines.BEIJING).minusDays(1));
    }

    @Test
    void theSubmittedCaseShowsItsStatusStageDeadlineScreeningDocumentsAndHistory() throws Exception {
        String page = page(get("/applications/" + number));

        assertThat(text(section(page, "case-status"))).isEqualTo("Submitted");
        assertThat(text(section(page, "case-stage"))).isEqualTo("CSRC intake check");
        OpenStep intake = cases.overview(COMPANY_USER, number).openSteps().get(0);
        String due = intake.due().atZone(Deadlines.BEIJING).toLocalDate().toString();
        assertThat(text(section(page, "open-steps"))).contains("With the regulator: checking the application at intake (CSRC), due "
                + due + " (" + intake.workingDaysLeft() + " working days left)");
        assertThat(text(section(page, "screening"))).contains("Cybersecurity review Not required")
                .contains("Negative list (Trial Measures Art. 8) No circumstance applies");
        assertThat(text(section(page, "documents"))).contains("Filing report filing-report.pdf")
                .contains("PRC legal opinion legal-opinion.pdf").contains("Prospectus prospectus.pdf");
        assertThat(text(section(page, "timeline"))).contains("Application submitted").contains("Stage entered: CSRC intake check")
                .contains(COMPANY_USER);
        assertThat(page).doesNotContain("id=\"actions\"").contains("id=\"withdraw-link\"");
    }

    @Test
    void theChinesePageIsInChinese() throws Exception {
        String page = page(get("/applications/" + number).locale(Locale.SIMPLIFIED_CHINESE));

        assertThat(text(section(page, "case-status"))).isEqualTo("已提交");
        assertThat(text(section(page, "case-stage"))).isEqualTo("证监会受理审查");
        assertThat(text(section(page, "open-steps"))).contains("监管部门办理中：证监会受理审查，").contains("截止日期").contains("个工作日");
        assertThat(page).contains("办理记录").contains("提交申请").contains("撤回此申请");
    }

    @Test
    void aCaseWaitingOnSeveralChecksShowsEachOfThemAndMovesOnWhenOneEnds() throws Exception {
        ApplicationNumber checks = submit(3_200_000L, null);
        StaffTasks staff = new StaffTasks(tasks, identity);
        staff.completeAs("csrc", "csrc-officer", checks.toString(), "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        long id = cases.application(COMPANY_USER, checks).id();

        assertThat(text(section(page(get("/applications/" + checks)), "case-stage")))
                .isEqualTo("Cybersecurity review, Data-protection checks");
        assertThat(text(section(page(get("/applications/" + checks).locale(Locale.SIMPLIFIED_CHINESE)), "case-stage")))
                .isEqualTo("网络安全审查、数据保护审查");
        assertThat(text(section(page(get("/applications")), "application-" + id)))
                .contains("Cybersecurity review, Data-protection checks");
        mvc.perform(get("/api/v1/applications/" + id + "/case").with(httpBasic(COMPANY_USER, "demo")))
                .andExpect(jsonPath("$.stages").value(contains("CYBERSECURITY_REVIEW", "DATA_PROTECTION")))
                .andExpect(jsonPath("$.stage").value("CYBERSECURITY_REVIEW"));
        mvc.perform(get("/api/v1/applications").with(httpBasic(COMPANY_USER, "demo")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].stages[*]").value(contains("CYBERSECURITY_REVIEW", "DATA_PROTECTION")));

        // The data-protection checks end; the case waits on the review alone.
        staff.completeAs("cro", "cro-reviewer", checks.toString(), "Task_ReviewPiSelfAssessment",
                Map.of("selfAssessmentOutcome", "ACCEPTED"));
        assertThat(text(section(page(get("/applications/" + checks)), "case-stage"))).isEqualTo("Cybersecurity review");
        mvc.perform(get("/api/v1/applications/" + id).with(httpBasic(COMPANY_USER, "demo")))
                .andExpect(jsonPath("$.stages").value(contains("CYBERSECURITY_REVIEW")))
                .andExpect(jsonPath("$.stage").value("CYBERSECURITY_REVIEW"));
    }

    @Test
    void aDocumentDownloadsAsAnAttachmentThatTheBrowserMayNotSniff() throws Exception {
        StoredDocument prospectus = cases.overview(COMPANY_USER, number).documents().stream()
                .filter(d -> d.kind().equals("PROSPECTUS")).findFirst().orElseThrow();

        MockHttpServletResponse download = mvc.perform(as(COMPANY_USER, get("/applications/" + number + "/documents/"
                + prospectus.id()))).andReturn().getResponse();

        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment").contains("prospectus.pdf");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
    }

    @Nested
    class RequestForMaterials {

        @BeforeEach
        void csrcAsksForCorrections() {
            new StaffTasks(tasks, identity).completeAs("csrc", "csrc-officer", number.toString(), "Task_IntakeCheck",
                    Map.of("intakeOutcome", "CORRECTIONS_NEEDED", "reasons", MATERIALS_REQUEST));
        }

        @Test
        void theRequestShowsWhoAskedWhatAndByWhen() throws Exception {
            String actions = text(section(page(get("/applications/" + number)), "actions"));

            assertThat(actions).contains("Answer the request for materials").contains("Asked by: CSRC intake check")
                    .contains(MATERIALS_REQUEST).containsPattern("due \\d{4}-\\d{2}-\\d{2} \\(\\d+ working days left\\)");
        }

        @Test
        void theCompanyAnswersWithTextAndAFileOnceAndTheRequestIsGone() throws Exception {
            String taskId = materialsTask();

            MvcResult answered = mvc.perform(as(COMPANY_USER, answer(taskId, "The signed opinion is attached.",
                    new MockMultipartFile("file", "法律意见书-签字版.pdf", "application/pdf", PDF), "PRC_LEGAL_OPINION")))
                    .andReturn();

            assertThat(answered.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + number);
            assertThat(text(section(follow(answered), "flash-done"))).isEqualTo("Your answer has been sent to the regulator.");
            assertThat(cases.overview(COMPANY_USER, number).actions()).isEmpty();
            String page = page(get("/applications/" + number));
            assertThat(page).doesNotContain("id=\"actions\"");
            assertThat(text(section(page, "documents"))).contains("PRC legal opinion 法律意见书-签字版.pdf")
                    .contains("legal-opinion.pdf Replaced");
            assertThat(text(section(page, "timeline"))).contains("Materials supplied")
                    .contains("The signed opinion is attached.");

            MvcResult again = mvc.perform(as(COMPANY_USER, answer(taskId, "Sent twice", null, null)))
                    .andReturn();

            assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + number);
            assertThat(text(section(follow(again), "flash-not-waiting")))
                    .startsWith("This application is no longer waiting for that").contains("Nothing was changed");
            assertThat(materialsSuppliedEvents()).isEqualTo(1);
        }

        @Test
        void aRefusedFileIsNamedTheAnswerIsKeptAndNothingIsDone() throws Exception {
            String taskId = materialsTask();
            var program = new MockMultipartFile("file", "opinion.pdf", "application/pdf",
                    "#!/bin/sh\necho not a document\n".getBytes(StandardCharsets.US_ASCII));

            String page = mvc.perform(as(COMPANY_USER, answer(taskId, "Our typed answer <b>stays</b>.", program, "SUPPLEMENT")))
                    .andReturn().getResponse().getContentAsString();

            assertThat(text(section(page, "materials-error-" + taskId))).contains("The file \u201copinion.pdf\u201d is of a type we do not accept")
                    .contains("Nothing was sent");
            assertThat(page).contains("Our typed answer &lt;b&gt;stays&lt;/b&gt;.");
            assertThat(materialsTask()).isEqualTo(taskId);
            assertThat(materialsSuppliedEvents()).isZero();
        }

        @Test
        void anEmptyAnswerIsRefusedWithAMessage() throws Exception {
            String taskId = materialsTask();

            String page = mvc.perform(as(COMPANY_USER, answer(taskId, "  ", null, null))).andReturn().getResponse()
                    .getContentAsString();

            assertThat(text(section(page, "materials-error-" + taskId)))
                    .isEqualTo("Please write an answer or attach at least one file.");
            assertThat(materialsTask()).isEqualTo(taskId);
        }

        @Test
        void everyFileSentWithAnAnswerIsKeptAsTheApiKeepsThem() throws Exception {
            String taskId = materialsTask();
            var request = multipart("/applications/" + number + "/materials/" + taskId);
            for (int i = 1; i <= 4; i++) {
                request.file(new MockMultipartFile("file", "supplement-" + i + ".pdf", "application/pdf", PDF));
            }
            request.param("kind", "SUPPLEMENT", "SUPPLEMENT", "SUPPLEMENT", "SUPPLEMENT");

            MvcResult answered = mvc.perform(as(COMPANY_USER, request.param("answer", "Four files.").with(csrf())))
                    .andReturn();

            assertThat(answered.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + number);
            assertThat(text(section(page(get("/applications/" + number)), "documents")))
                    .contains("supplement-1.pdf", "supplement-2.pdf", "supplement-3.pdf", "supplement-4.pdf");
        }

        @Test
        void anAnswerLongerThanTheHistoryKeepsIsRefusedAndKept() throws Exception {
            String taskId = materialsTask();
            String longAnswer = "很长的答复。".repeat(600);

            String page = mvc.perform(as(COMPANY_USER, answer(taskId, longAnswer, null, null).locale(Locale.SIMPLIFIED_CHINESE)))
                    .andReturn().getResponse().getContentAsString();

            assertThat(text(section(page, "materials-error-" + taskId))).startsWith("答复内容过长：最多 3,000 个字符，当前为 3,600 个字符");
            assertThat(page).contains(longAnswer);
            assertThat(materialsTask()).isEqualTo(taskId);
        }

        @Test
        void filesOverTheServersLimitGetAMessageNotAnErrorPage() throws Exception {
            var http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String base = "http://localhost:" + port;
            String loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=compliance&password=demo&_csrf="
                            + Browserless.csrfTokenOf(loginPage))).build(), HttpResponse.BodyHandlers.ofString());
            String casePage = http.send(HttpRequest.newBuilder(URI.create(base + "/applications/" + number)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher action = Pattern.compile("action=\"(/applications/[^\"]+/materials/[^\"]+)\"").matcher(casePage);
            assertThat(action.find()).as("the answer form on the page").isTrue();

            HttpResponse<String> tooLarge = postMultipart(http, base + HtmlUtils.htmlUnescape(action.group(1)),
                    new byte[26 * 1024 * 1024]);

            assertThat(tooLarge.statusCode()).isEqualTo(302);
            assertThat(tooLarge.headers().firstValue("Location").orElseThrow()).endsWith("/applications/" + number);
            String shown = http.send(HttpRequest.newBuilder(URI.create(base + "/applications/" + number)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(text(section(shown, "flash-too-large"))).contains("larger than the server accepts (at most 20 MB a file)");
            assertThat(materialsSuppliedEvents()).isZero();
        }

        private MockHttpServletRequestBuilder answer(String taskId, String text, MockMultipartFile file, String kind) {
            var request = multipart("/applications/" + number + "/materials/" + taskId);
            if (file != null) {
                request.file(file);
            }
            request.param("kind", kind == null ? "SUPPLEMENT" : kind, "SUPPLEMENT", "SUPPLEMENT");
            return request.param("answer", text).with(csrf());
        }

        private String materialsTask() {
            return cases.overview(COMPANY_USER, number).actions().stream()
                    .filter(s -> s.action() == ApplicantAction.SUPPLY_MATERIALS).findFirst().orElseThrow().taskId();
        }
    }

    @Test
    void theCompanyWithdrawsAfterConfirming() throws Exception {
        String confirm = page(get("/applications/" + number + "/withdraw"));
        assertThat(text(section(confirm, "withdraw-explained"))).contains("Withdrawing ends the case at once")
                .contains("cannot be undone");

        MvcResult withdrawn = mvc.perform(as(COMPANY_USER, post("/applications/" + number + "/withdraw")
                .param("reason", "Listing postponed.").with(csrf()))).andReturn();

        assertThat(withdrawn.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + number);
        String page = follow(withdrawn);
        assertThat(text(section(page, "flash-done"))).isEqualTo("The application has been withdrawn.");
        assertThat(text(section(page, "case-status"))).isEqualTo("Withdrawn");
        assertThat(text(section(page, "timeline"))).contains("Withdrawal requested").contains("Listing postponed.")
                .contains("Case ended Withdrawn");
        assertThat(page).doesNotContain("id=\"withdraw-link\"");

        MvcResult again = mvc.perform(as(COMPANY_USER, post("/applications/" + number + "/withdraw")
                .with(csrf()))).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + number);
        assertThat(text(section(follow(again), "flash-not-waiting"))).contains("no longer waiting");
    }

    @Test
    void aWithdrawalReasonIsKeptWholeOrRefusedWithWhatWasTyped() throws Exception {
        String tooLong = "延期上市。".repeat(601);
        String refused = mvc.perform(as(COMPANY_USER, post("/applications/" + number + "/withdraw")
                .param("reason", tooLong).locale(Locale.SIMPLIFIED_CHINESE).with(csrf())))
                .andReturn().getResponse().getContentAsString();
        assertThat(text(section(refused, "reason-error"))).isEqualTo("撤回理由过长：最多 3,000 个字符，当前为 3,005 个。请缩短后再提交。申请尚未撤回。");
        assertThat(refused).contains(tooLong);
        assertThat(cases.overview(COMPANY_USER, number).open()).isTrue();

        String justRight = "Listing postponed; " + "the board will decide again next year. ".repeat(60);
        MvcResult withdrawn = mvc.perform(as(COMPANY_USER, post("/applications/" + number + "/withdraw")
                .param("reason", justRight).with(csrf()))).andReturn();
        assertThat(withdrawn.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + number);
        assertThat(justRight.strip().length()).isGreaterThan(2000).isLessThan(3000);
        assertThat(audit.of(cases.overview(COMPANY_USER, number).application().id())).anySatisfy(event ->
                assertThat(event.details()).isNotNull().contains(justRight.strip()));
    }

    @Test
    void theCompanyReportsTheOverseasApplicationDateThenTheListing() throws Exception {
        ApplicationNumber filing = submit(500_000L, null);
        StaffTasks staff = new StaffTasks(tasks, identity);
        staff.completeAs("csrc", "csrc-officer", filing.toString(), "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        staff.completeAs("cro", "cro-reviewer", filing.toString(), "Task_ReviewPiSelfAssessment",
                Map.of("selfAssessmentOutcome", "ACCEPTED"));
        await().atMost(LETTER_JOB).until(() -> hasAction(filing, ApplicantAction.REPORT_OVERSEAS_SUBMISSION));
        String tomorrow = deadlines.today().plusDays(1).toString();

        String refused = mvc.perform(as(COMPANY_USER, post("/applications/" + filing + "/overseas-submission")
                .param("date", tomorrow).with(csrf()))).andReturn().getResponse().getContentAsString();

        assertThat(text(section(refused, "overseas-error"))).isEqualTo("The date cannot be in the future (today is "
                + deadlines.today() + ").");
        assertThat(hasAction(filing, ApplicantAction.REPORT_OVERSEAS_SUBMISSION)).isTrue();

        MvcResult reported = mvc.perform(as(COMPANY_USER, post("/applications/" + filing
                + "/overseas-submission").param("date", deadlines.today().toString()).with(csrf()))).andReturn();
        assertThat(text(section(follow(reported), "flash-done"))).isEqualTo("The date of your overseas application has been reported.");

        staff.completeAs("csrc", "csrc-officer", filing.toString(), "Task_CompletenessCheck",
                Map.of("completenessOutcome", "COMPLETE"));
        staff.completeAs("csrc", "csrc-officer", filing.toString(), "Task_ConcludeFiling", Map.of("filingOutcome", "NOTICE_ISSUED"));
        await().atMost(LETTER_JOB).until(() -> hasAction(filing, ApplicantAction.REPORT_LISTING));
        String filed = page(get("/applications/" + filing));
        assertThat(text(section(filed, "case-status"))).isEqualTo("Filed");
        assertThat(text(section(filed, "actions"))).contains("Report the completed listing");
        assertThat(text(section(filed, "documents"))).contains("Filing notice");

        MvcResult listed = mvc.perform(as(COMPANY_USER, post("/applications/" + filing + "/listing")
                .param("date", deadlines.today().toString()).with(csrf()))).andReturn();

        String page = follow(listed);
        assertThat(text(section(page, "flash-done"))).isEqualTo("The listing has been reported.");
        assertThat(text(section(page, "case-status"))).isEqualTo("Listed");
        assertThat(text(section(page, "timeline"))).contains("Listing reported");

        MvcResult twice = mvc.perform(as(COMPANY_USER, post("/applications/" + filing + "/listing")
                .param("date", deadlines.today().toString()).with(csrf()))).andReturn();
        assertThat(text(section(follow(twice), "flash-not-waiting"))).contains("no longer waiting");
    }

    @Nested
    class AnotherCompanysUser {

        String stranger;

        @BeforeEach
        void registerAnotherCompany() {
            stranger = NewCompanies.withUser(companyUsers, "other", "另一家公司", null, "Harbour2026x");
        }

        @Test
        void findsNoneOfItsPagesDocumentsOrActions() throws Exception {
            long document = cases.overview(COMPANY_USER, number).documents().get(0).id();
            List<MockHttpServletRequestBuilder> requests = new ArrayList<>(List.of(
                    get("/applications/" + number),
                    get("/applications/" + number + "/documents/" + document),
                    get("/applications/" + number + "/withdraw"),
                    post("/applications/" + number + "/withdraw").with(csrf()),
                    post("/applications/" + number + "/overseas-submission").param("date", "2026-01-05").with(csrf()),
                    post("/applications/" + number + "/listing").param("date", "2026-01-05").with(csrf()),
                    multipart("/applications/" + number + "/materials/123").param("answer", "x").with(csrf())));

            for (MockHttpServletRequestBuilder request : requests) {
                MockHttpServletResponse response = mvc.perform(as(stranger, request.locale(Locale.ENGLISH))).andReturn()
                        .getResponse();
                assertThat(response.getStatus()).as(request.toString()).isEqualTo(404);
                assertThat(text(section(response.getContentAsString(), "not-found")))
                        .isEqualTo("Your company has no application " + number + ".");
            }
            assertThat(cases.overview(COMPANY_USER, number).application().status()).isEqualTo("SUBMITTED");
        }

        @Test
        void aMalformedNumberIsNotFoundEither() throws Exception {
            MockHttpServletResponse response = mvc.perform(as(COMPANY_USER, get("/applications/OLA-2026-12")))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentAsString()).contains("id=\"not-found\"");
        }
    }

    private ApplicationNumber submit(long users, LocalDate overseasSubmissionDate) {
        LocalDate today = LocalDate.now(Deadlines.BEIJING);
        var facts = PlatformFacts.platform().asOf(today).issuer("Example Data Holdings Ltd. (Cayman Islands)")
                .appliedAbroadOn(overseasSubmissionDate).users(users).exported(5_000L).build();
        long id = cases.createDraft(COMPANY_USER, new ApplicationDraft(facts, List.of())).id();
        cases.upload(COMPANY_USER, id, DocumentKind.FILING_REPORT, new Upload("filing-report.pdf", PDF));
        cases.upload(COMPANY_USER, id, DocumentKind.PRC_LEGAL_OPINION, new Upload("legal-opinion.pdf", PDF));
        cases.upload(COMPANY_USER, id, DocumentKind.PROSPECTUS, new Upload("prospectus.pdf", PDF));
        // What the screening asks for on top (the review's materials for a platform of more than 1,000,000 users).
        DraftDocuments.uploadEveryNeeded(cases, COMPANY_USER, id);
        return cases.submit(COMPANY_USER, id).number();
    }

    private boolean hasAction(ApplicationNumber which, ApplicantAction action) {
        return cases.overview(COMPANY_USER, which).actions().stream().anyMatch(s -> s.action() == action);
    }

    private long materialsSuppliedEvents() {
        long id = cases.application(COMPANY_USER, number).id();
        return audit.of(id).stream().filter(e -> e.eventType().equals("MATERIALS_SUPPLIED")).count();
    }

    private static MockHttpServletRequestBuilder as(String userName, MockHttpServletRequestBuilder request) {
        return request.with(user(userName).roles("COMPANY"));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(as(COMPANY_USER, request)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The page a redirect leads to, in the same session, where its flash attributes wait. */
    private String follow(MvcResult redirect) throws Exception {
        assertThat(redirect.getResponse().getStatus()).isEqualTo(302);
        return mvc.perform(as(COMPANY_USER, get(redirect.getResponse().getRedirectedUrl())
                .cookie(redirect.getResponse().getCookies()))).andReturn().getResponse().getContentAsString();
    }

    private static HttpResponse<String> postMultipart(HttpClient http, String url, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "----case-page-test";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"answer\"\r\n\r\nToo large\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The element with this id, from its opening tag to the end of its section, as HTML. */
    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element " + id + " on the page").isNotNegative();
        int open = html.lastIndexOf('<', start);
        String tag = html.substring(open + 1, html.indexOf(' ', open)).replace(">", "");
        int depth = 0;
        int at = open;
        Pattern tags = Pattern.compile("<(/?)" + tag + "[\\s>]");
        Matcher m = tags.matcher(html);
        m.region(open, html.length());
        while (m.find()) {
            depth += m.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                at = m.end();
                break;
            }
        }
        return html.substring(open, at);
    }

    /** What a reader sees of some HTML: tags removed, entities decoded, blanks collapsed. */
    static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ").strip();
    }
}
