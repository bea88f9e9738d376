package cn.ola.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditTrail;
import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.company.NewCompany;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.DocumentStore;
import cn.ola.filing.ListingApplications;
import cn.ola.filing.StoredDocument;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.PlatformFacts;
import cn.ola.support.StaffTasks;
import cn.ola.workflow.CaseWorkflow;

/**
 * The letters on the running system: staff decide as themselves, the job executor prints the
 * letter into the document store, and the company downloads it from the portal — nobody else.
 */
@DevSystemTest
class LettersIT {

    private static final UnifiedSocialCreditCode DEMO_COMPANY = UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q");
    private static final String DEMO_COMPANY_ZH = "示例数据科技股份有限公司";
    /** The first letter in a fresh JVM loads the font and the renderer: seconds, not milliseconds. */
    private static final Duration LETTER_JOB = Duration.ofSeconds(90);

    @LocalServerPort
    int port;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    ListingApplications applications;
    @Autowired
    Companies companies;
    @Autowired
    DocumentStore documents;
    @Autowired
    AuditTrail audit;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    Letters letters;

    @Test
    void theFilingNoticeIsIssuedIntoTheCaseAndTheCompanyDownloadsIt() throws IOException {
        ApplicationNumber number = submit(DEMO_COMPANY);
        long id = applications.find(number).orElseThrow().id();
        toConclusion(number);
        completeAs("csrc", "csrc-officer", number, "Task_ConcludeFiling", Map.of("filingOutcome", "NOTICE_ISSUED"));

        StoredDocument notice = awaitLetter(id, LetterKind.FILING_NOTICE);
        assertThat(letters.issued(number)).containsExactly(notice);
        assertThat(notice.contentType()).isEqualTo("application/pdf");
        assertThat(notice.originalFilename()).isEqualTo(number + "-filing-notice.pdf");
        assertThat(notice.uploadedBy()).isEqualTo("system");
        assertThat(LetterRendererTest.text(documents.content(notice)))
                .contains(number.toString(), DEMO_COMPANY_ZH, "Example Data Technology Co., Ltd.", "境外发行上市备案通知书", "现予备案");
        assertThat(audit.of(id)).filteredOn(event -> "LETTER_ISSUED".equals(event.eventType()))
                .extracting(AuditEvent::actor, AuditEvent::stage, AuditEvent::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("system", "CSRC_FILING", "FILING_NOTICE"));
        await().atMost(LETTER_JOB).untilAsserted(() -> assertThat(applications.find(number).orElseThrow().status()).isEqualTo("FILED"));

        String path = "/applications/" + number + "/letters/" + notice.id();
        HttpResponse<byte[]> download = signedIn("compliance").get(path);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(disposition)
                .startsWith("attachment").contains(number + "-filing-notice.pdf"));
        assertThat(LetterRendererTest.text(download.body())).contains(number.toString(), DEMO_COMPANY_ZH);

        HttpResponse<byte[]> staff = signedIn("csrc").get("/staff/applications/" + number + "/letters/" + notice.id());
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(staff.body()).isEqualTo(download.body());
    }

    @Test
    void onlyTheApplicantsUsersAndStaffGetALetter() {
        ApplicationNumber number = submit(DEMO_COMPANY);
        long id = applications.find(number).orElseThrow().id();
        StoredDocument letter = documents.store(id, LetterKind.FILING_NOTICE.name(), number + "-filing-notice.pdf",
                "application/pdf", "%PDF-1.7 test letter".getBytes(StandardCharsets.US_ASCII), "system");
        String companyPath = "/applications/" + number + "/letters/" + letter.id();
        String staffPath = "/staff/applications/" + number + "/letters/" + letter.id();
        String otherCompanyUser = userOfAnotherCompany();

        Session owner = signedIn("compliance");
        assertThat(owner.get(companyPath).statusCode()).isEqualTo(200);
        // A company user is not staff: the staff address is closed to it.
        assertThat(owner.get(staffPath).statusCode()).isEqualTo(403);
        // Another company's user cannot tell the letter from one that does not exist.
        Session other = signedIn(otherCompanyUser);
        assertThat(other.get(companyPath).statusCode()).isEqualTo(404);
        assertThat(other.get(staffPath).statusCode()).isEqualTo(403);
        // Staff use the staff address; the company pages are closed to staff, as the staff pages are to companies.
        Session staff = signedIn("csrc");
        assertThat(staff.get(staffPath).statusCode()).isEqualTo(200);
        assertThat(staff.get(companyPath).statusCode()).isEqualTo(403);
        // The letter is found only under its own application, and only a letter is handed out this way.
        ApplicationNumber another = submit(DEMO_COMPANY);
        assertThat(owner.get("/applications/" + another + "/letters/" + letter.id()).statusCode()).isEqualTo(404);
        StoredDocument upload = documents.store(id, "PROSPECTUS", "prospectus.pdf", "application/pdf",
                "%PDF-1.7 prospectus".getBytes(StandardCharsets.US_ASCII), "compliance");
        assertThat(owner.get("/applications/" + number + "/letters/" + upload.id()).statusCode()).isEqualTo(404);
        assertThat(owner.get("/applications/" + number + "/letters/999999").statusCode()).isEqualTo(404);
        assertThat(owner.get("/applications/not-a-number/letters/" + letter.id()).statusCode()).isEqualTo(404);
        // Signed out, the portal asks for a login first.
        assertThat(new Session(port).get(companyPath).statusCode()).isEqualTo(302);
    }

    @Test
    void aCsrcRefusalIsIssuedWithItsReasonsBeforeTheCaseCloses() throws IOException {
        ApplicationNumber number = submit(DEMO_COMPANY);
        long id = applications.find(number).orElseThrow().id();
        toConclusion(number);
        completeAs("csrc", "csrc-officer", number, "Task_ConcludeFiling",
                Map.of("filingOutcome", "REFUSED", "reasons", "发行人存在《试行办法》第八条第（二）项规定的情形。"));

        StoredDocument refusal = awaitLetter(id, LetterKind.REFUSAL_LETTER);
        assertThat(LetterRendererTest.text(documents.content(refusal))).contains(number.toString(), DEMO_COMPANY_ZH,
                "中国证券监督管理委员会", "决定不予通过", "发行人存在《试行办法》第八条第（二）项规定的情形。");
        await().atMost(LETTER_JOB).untilAsserted(() -> assertThat(applications.find(number).orElseThrow().status()).isEqualTo("REJECTED"));
        assertThat(audit.of(id)).extracting(AuditEvent::eventType).containsSubsequence("LETTER_ISSUED", "CLOSED");
    }

    // --- steps ----------------------------------------------------------------------------------

    /** A mid-sized platform listing in New York: no review, no industry regulator, straight to the filing. */
    private ApplicationNumber submit(UnifiedSocialCreditCode company) {
        long companyId = companies.findByCreditCode(company).orElseThrow().id();
        var facts = PlatformFacts.platform().issuer("Example Data Holdings Ltd. (Cayman Islands)").users(800_000L)
                .exported(5_000L).build();
        return workflow.submit(applications.createDraft(companyId, facts, List.of()), "compliance");
    }

    private void toConclusion(ApplicationNumber number) {
        completeAs("csrc", "csrc-officer", number, "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        completeAs("cro", "cro-reviewer", number, "Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));
        completeAs("csrc", "csrc-officer", number, "Task_CompletenessCheck", Map.of("completenessOutcome", "COMPLETE"));
    }

    private void completeAs(String user, String group, ApplicationNumber number, String taskKey, Map<String, Object> variables) {
        new StaffTasks(tasks, identity).completeAs(user, group, number.toString(), taskKey, variables);
    }

    private StoredDocument awaitLetter(long applicationId, LetterKind kind) {
        return await().atMost(LETTER_JOB).until(() -> documents.of(applicationId).stream()
                .filter(document -> kind.name().equals(document.kind())).findFirst().orElse(null), document -> document != null);
    }

    /** A user of a second registered company, with the demo password. */
    private String userOfAnotherCompany() {
        UnifiedSocialCreditCode code = validCode("91310000MA1FL0TH0");
        Company other = companies.findByCreditCode(code).orElseGet(() -> companies.register(new NewCompany(code,
                "另一家网络科技有限公司", "Another Network Technology Co., Ltd.", "王五 Wang Wu", "legal@another.example.cn",
                "+86 21 5000 0000")));
        String userId = "other-company-user";
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName("Wu");
            user.setLastName("Wang");
            user.setEmail("legal@another.example.cn");
            user.setPassword("demo");
            identity.saveUser(user);
            identity.createMembership(userId, other.groupId());
        }
        return userId;
    }

    private static UnifiedSocialCreditCode validCode(String first17) {
        for (char check : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (UnifiedSocialCreditCode.isValid(first17 + check)) {
                return UnifiedSocialCreditCode.parse(first17 + check);
            }
        }
        throw new IllegalStateException("No check character for " + first17);
    }

    private Session signedIn(String user) {
        Session session = new Session(port);
        session.login(user, "demo");
        return session;
    }

    /** A browser session that keeps the raw bytes of what it downloads. */
    static final class Session {

        private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Session(int port) {
            this.base = "http://localhost:" + port;
        }

        void login(String user, String password) {
            String token = Browserless.csrfTokenOf(new String(get("/login").body(), StandardCharsets.UTF_8));
            String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token);
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(response.headers().firstValue("Location")).as("sign-in of " + user)
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        }

        HttpResponse<byte[]> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT).GET().build());
        }

        private HttpResponse<byte[]> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
