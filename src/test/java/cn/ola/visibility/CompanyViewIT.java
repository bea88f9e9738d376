package cn.ola.visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.company.CompanyUsers;
import cn.ola.company.NewCompany;
import cn.ola.company.NewUser;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.DocumentStore;
import cn.ola.filing.StoredDocument;
import cn.ola.support.CreditCodes;
import cn.ola.support.DevSystemTest;
import cn.ola.support.DraftDocuments;
import cn.ola.support.PlatformFacts;
import cn.ola.support.StaffTasks;
import cn.ola.workflow.ApplicantAction;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.OpenStep;

/**
 * A case carried through every internal step the regulators take — an escalated intake check, the
 * review office's reasoning, NDRC and MIIT consulted, MIIT disagreeing, the agencies' deadline
 * escalated, a special review extended and concluded, the CSRC consulting a department, an agency's
 * opinion filed as a document — and read, at each stage, through every surface the company has:
 * its case page (English and Chinese), the API's case and documents, its inbox (both languages),
 * the e-mails it receives and the letters it downloads. None of the regulators' texts, internal
 * task names or staff names reaches any of them; the request for materials with its reason and
 * the outcome with the reasons meant for the company do.
 * <p>
 * A system of its own (its own database and mail server): the e-mails of the case's letters are
 * sent by whichever node's job executor prints them.
 */
@DevSystemTest
@AutoConfigureMockMvc
@Tag("own-system")
class CompanyViewIT {

    static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    static final GreenMail MAIL_SERVER = new GreenMail(SMTP);
    static final String PASSWORD = "Harbour2026x";
    static final Duration LETTER_JOB = Duration.ofSeconds(90);
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    // What the regulators write for themselves: none of it may reach the company.
    static final String MATERIALS_CHECK = "用户规模远超申报门槛【内部-材料审核】";
    static final String INITIAL = "初步审查未发现影响国家安全的风险，征求发改委、工信部意见【内部-初审】";
    static final String NDRC = "同意【内部-发改委意见】";
    static final String MIIT = "数据出境风险未充分评估【内部-工信部意见】";
    static final String ESCALATION_INTAKE = "已提醒受理处室加快办理【内部-督办-受理】";
    static final String ESCALATION_AGENCIES = "已催促成员单位反馈【内部-督办-成员单位】";
    static final String EXTENSION = "情况复杂，延长审查期限【内部-延期】";
    static final String SPECIAL = "经特别审查认为风险可控【内部-特别审查】";
    static final String CONSULT_QUESTION = "请就外资准入出具意见【内部-征求意见】";
    static final String DEPARTMENTS = "商务部【内部-征求部门】";
    static final String DEPARTMENT_OPINION = "无异议【内部-部门意见】";
    static final String INTERNAL_DOCUMENT = "miit-opinion-internal.pdf";
    static final List<String> INTERNAL_TEXTS = List.of(MATERIALS_CHECK, INITIAL, NDRC, MIIT, ESCALATION_INTAKE,
            ESCALATION_AGENCIES, EXTENSION, SPECIAL, CONSULT_QUESTION, DEPARTMENTS, DEPARTMENT_OPINION, INTERNAL_DOCUMENT,
            // the internal tasks and steps, by name and by key, in both languages
            "Give member agency opinion", "Carry out the special review", "Record the departments' opinions", "Follow up",
            "Task_AgencyOpinion", "Task_SpecialReview", "Task_RecordConsultation", "Task_FollowUp", "member agenc",
            "pecial review", "成员单位", "特别审查", "征求", "Development and Reform", "发展和改革", "Industry and Information",
            "工业和信息化", "CYBERSECURITY_REVIEW_AGENCY", "CYBERSECURITY_REVIEW_SPECIAL", "CYBERSECURITY_REVIEW_INITIAL",
            "CONSULT_DEPARTMENTS", "DEADLINE_PASSED", "OVERDUE", "\"overdue\"", "DISAGREE");
    static final Set<String> STAFF = Set.of("cro", "csrc", "ndrc", "miit", "supervisor");

    // What is addressed to the company: it must read it.
    static final String REQUEST = "请补充个人信息保护影响评估报告（含敏感个人信息处理情况）。";
    static final String NOTICE_REASONS = "备案材料齐全，符合《试行办法》规定，予以备案。";

    static {
        MAIL_SERVER.start();
    }

    @DynamicPropertySource
    static void ownSystem(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:company-view;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        properties.add("ola.notifications.mail.enabled", () -> "true");
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", SMTP::getPort);
        properties.add("ola.notifications.reminder-initial-delay", () -> "P1D");
    }

    @AfterAll
    static void stopMailServer() {
        MAIL_SERVER.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicantCases cases;
    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    DocumentStore documents;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;

    final ObjectMapper json = new ObjectMapper();
    /** Everything the company was shown, each with where and when: "case page (en) while …" → content. */
    final Map<String, String> seen = new LinkedHashMap<>();
    String companyUser;
    Set<String> companyAddresses;
    long id;
    ApplicationNumber number;

    @Test
    void noInternalStepOfACaseReachesTheCompanyWhileWhatIsAddressedToItDoes() throws Exception {
        registerCompany();
        submitLargePlatform();
        StaffTasks staff = new StaffTasks(tasks, identity);

        // The intake check is overdue: a supervisor follows up with a note for the file; the officer then accepts.
        fireTimer("overseas-listing", "Timer_IntakeCheckDeadline");
        staff.completeAs("supervisor", "supervisor", number.toString(), "Task_FollowUpIntakeCheck",
                Map.of("followUpAction", "REMINDED", "reasons", ESCALATION_INTAKE));
        staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));

        // The review office asks the company for materials: the company reads the request and its reason.
        staff.completeAs("cro", "cro-reviewer", number.toString(), "Task_ReviewPiSelfAssessment",
                Map.of("selfAssessmentOutcome", "MATERIALS_REQUESTED", "reasons", REQUEST));
        JsonNode waiting = apiCase();
        assertThat(waiting.get("actions")).anySatisfy(action -> assertThat(action.get("request").asText()).isEqualTo(REQUEST));
        assertThat(text(page("en"))).contains("Answer the request for materials").contains(REQUEST);
        readEverything("after the request for materials");
        String request = cases.overview(companyUser, number).actions().stream()
                .filter(step -> step.action() == ApplicantAction.SUPPLY_MATERIALS).findFirst().orElseThrow().taskId();
        cases.supplyMaterials(companyUser, number, request, "评估报告见附件。", List.of());
        staff.completeAs("cro", "cro-reviewer", number.toString(), "Task_ReviewPiSelfAssessment",
                Map.of("selfAssessmentOutcome", "ACCEPTED"));
        staff.completeAs("cro", "cro-reviewer", number.toString(), "Task_CheckExportEvidence",
                Map.of("exportEvidenceOutcome", "ACCEPTED"));

        // The review: the office's reasoning, NDRC and MIIT consulted.
        staff.completeAs("cro", "cro-reviewer", number.toString(), "Task_CheckMaterials",
                Map.of("materialsOutcome", "REVIEW_NEEDED", "reviewComplex", false, "reasons", MATERIALS_CHECK));
        staff.completeAs("cro", "cro-reviewer", number.toString(), "Task_InitialReview", Map.of("initialOpinion", "NO_CONCERN",
                "consultNdrc", true, "consultMiit", true, "reasons", INITIAL));
        // While the agencies are asked, the company sees the review under way and when it is due, not who is asked.
        OpenStep consulting = onlyRegulatorStep();
        assertThat(consulting.taskKey()).isEqualTo("CYBERSECURITY_REVIEW");
        assertThat(consulting.due()).isNotNull();
        assertThat(text(page("en"))).contains("With the regulator: the cybersecurity review (Cybersecurity Review Office), due "
                + consulting.due().atZone(Deadlines.BEIJING).toLocalDate());
        assertThat(text(page("zh_CN"))).contains("监管部门办理中：网络安全审查（网络安全审查办公室）");
        readEverything("while the agencies are consulted");

        // The agencies are late: a supervisor chases them; NDRC agrees, MIIT disagrees.
        fireTimer("cybersecurity-review", "Timer_AgencyOpinionsDeadline");
        staff.completeAs("supervisor", "supervisor", number.toString(), "Task_FollowUpAgencyOpinions",
                Map.of("followUpAction", "REMINDED", "reasons", ESCALATION_AGENCIES));
        staff.completeAs("ndrc", "review-member-agency-ndrc", number.toString(), "Task_AgencyOpinion",
                Map.of("agencyOpinion", "AGREE", "reasons", NDRC));
        staff.completeAs("miit", "review-member-agency-miit", number.toString(), "Task_AgencyOpinion",
                Map.of("agencyOpinion", "DISAGREE", "reasons", MIIT));
        // An agency's opinion kept with the case as a document is the regulators' too.
        StoredDocument opinion = documents.store(id, "AGENCY_OPINION", INTERNAL_DOCUMENT, "application/pdf", PDF, "miit");

        // A special review, extended once, then cleared.
        assertThat(onlyRegulatorStep().taskKey()).isEqualTo("CYBERSECURITY_REVIEW");
        readEverything("during the special review");
        staff.completeAs("cro", "cro-reviewer", number.toString(), "Task_SpecialReview",
                Map.of("reviewOutcome", "EXTENDED", "extensionWorkingDays", 30, "reasons", EXTENSION));
        readEverything("after the special review was extended");
        staff.completeAs("cro", "cro-reviewer", number.toString(), "Task_SpecialReview",
                Map.of("reviewOutcome", "CLEARED", "reasons", SPECIAL));

        // The filing: the CSRC consults a department before it issues the notice.
        await().atMost(LETTER_JOB).until(() -> open("Task_CompletenessCheck"));
        staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_CompletenessCheck",
                Map.of("completenessOutcome", "COMPLETE"));
        staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_ConcludeFiling",
                Map.of("filingOutcome", "CONSULT_DEPARTMENTS", "reasons", CONSULT_QUESTION));
        assertThat(onlyRegulatorStep().taskKey()).isEqualTo("CSRC_FILING");
        assertThat(text(page("en"))).contains("With the regulator: the CSRC filing");
        readEverything("while the CSRC consults a department");
        staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_RecordConsultation",
                Map.of("departmentsConsulted", DEPARTMENTS, "departmentOpinions", DEPARTMENT_OPINION));
        staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_ConcludeFiling",
                Map.of("filingOutcome", "NOTICE_ISSUED", "reasons", NOTICE_REASONS));
        await().atMost(LETTER_JOB).until(() -> cases.overview(companyUser, number).application().status().equals("FILED"));
        String finalPage = readEverything("once filed");

        // What is addressed to the company it reads: the request, the outcomes, the notice's reasons, its letters.
        assertThat(text(finalPage)).contains("Filed").contains(REQUEST).contains("Cleared").contains("Filing notice issued")
                .contains(NOTICE_REASONS).contains("Cybersecurity review conclusion").contains("Filing notice");
        JsonNode view = apiCase();
        assertThat(view.get("status").asText()).isEqualTo("FILED");
        assertThat(view.get("timeline")).anySatisfy(event -> assertThat(event.path("details").asText()).isEqualTo(REQUEST));
        assertThat(view.get("timeline")).anySatisfy(event -> assertThat(event.path("details").asText()).isEqualTo(NOTICE_REASONS));
        assertThat(view.get("timeline")).anySatisfy(event -> assertThat(event.path("outcome").asText()).isEqualTo("CLEARED"));
        Set<String> actors = new HashSet<>();
        view.get("timeline").forEach(event -> actors.add(event.get("actor").asText()));
        assertThat(actors).containsExactlyInAnyOrder(companyUser, CompanyView.SYSTEM, CompanyView.REGULATOR);
        String inbox = inbox("en");
        assertThat(inbox).contains(REQUEST).contains("the listing is cleared").contains(NOTICE_REASONS);
        List<String> letters = letters();
        assertThat(letters).hasSize(2);
        assertThat(String.join("\n", letters)).contains("审查通过").contains("现予备案");
        List<String> mails = awaitMails(inbox);
        assertThat(String.join("\n", mails)).contains(REQUEST).contains(NOTICE_REASONS);
        for (int i = 0; i < letters.size(); i++) {
            seen.put("letter " + (i + 1), letters.get(i));
        }
        for (int i = 0; i < mails.size(); i++) {
            seen.put("e-mail " + (i + 1), mails.get(i));
        }

        // The agency's opinion is neither listed nor downloadable by the company, by any route.
        assertThat(status("/applications/" + number + "/documents/" + opinion.id())).isEqualTo(404);
        assertThat(status("/applications/" + number + "/letters/" + opinion.id())).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/applications/" + id + "/documents/" + opinion.id() + "/content")
                .with(httpBasic(companyUser, PASSWORD))).andReturn().getResponse().getStatus()).isEqualTo(404);

        // And nothing the regulators keep for themselves reached the company anywhere, at any stage.
        List<String> leaks = new ArrayList<>();
        seen.forEach((where, content) -> {
            INTERNAL_TEXTS.stream().filter(content::contains).forEach(internal -> leaks.add(where + ": " + internal));
            STAFF.stream().filter(name -> content.contains("<td>" + name + "</td>") || content.contains("\"" + name + "\""))
                    .forEach(name -> leaks.add(where + ": staff name " + name));
        });
        assertThat(seen).hasSizeGreaterThan(40);
        assertThat(leaks).as("regulators' texts the company was shown").isEmpty();
    }

    // --- what the company sees -----------------------------------------------------------------------------

    /** Reads the case through every surface the company has now, keeps what it saw, and returns the case page. */
    private String readEverything(String when) throws Exception {
        String english = page("en");
        seen.put("case page (en) " + when, english);
        seen.put("case page (zh) " + when, page("zh_CN"));
        seen.put("API case " + when, apiCase().toString());
        seen.put("API documents " + when, body(get("/api/v1/applications/" + id + "/documents")
                .with(httpBasic(companyUser, PASSWORD))));
        seen.put("API applications " + when, body(get("/api/v1/applications").with(httpBasic(companyUser, PASSWORD))));
        seen.put("inbox (en) " + when, inbox("en"));
        seen.put("inbox (zh) " + when, inbox("zh_CN"));
        return english;
    }

    private String page(String language) throws Exception {
        return body(get("/applications/" + number).param("lang", language).with(user(companyUser).roles("COMPANY")));
    }

    private JsonNode apiCase() throws Exception {
        return json.readTree(body(get("/api/v1/applications/" + id + "/case").with(httpBasic(companyUser, PASSWORD))));
    }

    private String inbox(String language) throws Exception {
        return body(get("/notifications").param("lang", language).with(user(companyUser).roles("COMPANY")));
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int status(String path) throws Exception {
        return mvc.perform(get(path).with(user(companyUser).roles("COMPANY"))).andReturn().getResponse().getStatus();
    }

    /** The text of every letter the company can download, as it downloads them. */
    private List<String> letters() throws Exception {
        List<String> texts = new ArrayList<>();
        for (JsonNode document : json.readTree(body(get("/api/v1/applications/" + id + "/documents")
                .with(httpBasic(companyUser, PASSWORD))))) {
            if (Set.of("REVIEW_CONCLUSION", "FILING_NOTICE", "REFUSAL_LETTER").contains(document.get("kind").asText())) {
                byte[] pdf = mvc.perform(get("/applications/" + number + "/letters/" + document.get("id").asText())
                        .with(user(companyUser).roles("COMPANY"))).andReturn().getResponse().getContentAsByteArray();
                try (PDDocument letter = Loader.loadPDF(pdf)) {
                    texts.add(new PDFTextStripper().getText(letter).replace("\r", "").replace("\n", ""));
                }
            }
        }
        return texts;
    }

    /** Every e-mail sent to the company, once there is one per notification in its inbox. */
    private List<String> awaitMails(String inbox) {
        int notifications = inbox.split("class=\"notification ").length - 1;
        assertThat(notifications).isGreaterThan(3);
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Set<String> bodies = new LinkedHashSet<>();
            for (MimeMessage mail : MAIL_SERVER.getReceivedMessages()) {
                if (Arrays.stream(mail.getAllRecipients()).map(Address::toString).anyMatch(companyAddresses::contains)) {
                    bodies.add(mail.getSubject() + "\n" + mail.getContent());
                }
            }
            return List.copyOf(bodies);
        }, bodies -> bodies.size() >= notifications);
    }

    private OpenStep onlyRegulatorStep() {
        List<OpenStep> regulators = cases.overview(companyUser, number).openSteps().stream()
                .filter(step -> !step.forApplicant()).toList();
        assertThat(regulators).hasSize(1);
        return regulators.get(0);
    }

    // --- the case ---------------------------------------------------------------------------------------------

    private void registerCompany() {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        companyUser = "ir" + suffix;
        String contact = "ir" + suffix + "@visibility.example.cn";
        String userMail = "li.lei" + suffix + "@visibility.example.cn";
        companyUsers.register(new NewCompany(UnifiedSocialCreditCode.parse(CreditCodes.fresh()), "可见性数据科技股份有限公司" + suffix,
                "Visibility Data Technology Co., Ltd.", "李雷 Li Lei", contact, "+86 10 6500 0000"),
                new NewUser(companyUser, "Lei", "Li", userMail, PASSWORD));
        companyAddresses = Set.of(contact, userMail);
    }

    /** A network platform holding 3.2 million users' data, listing in New York: a cybersecurity review is mandatory. */
    private void submitLargePlatform() {
        LocalDate today = LocalDate.now(Deadlines.BEIJING);
        var facts = PlatformFacts.platform().asOf(today).issuer("Visibility Data Holdings Ltd. (Cayman Islands)")
                .build();
        id = cases.createDraft(companyUser, new ApplicationDraft(facts, List.of())).id();
        DraftDocuments.uploadEveryNeeded(cases, companyUser, id);
        number = cases.submit(companyUser, id).number();
    }

    /** A regulator's deadline passes: its timer fires now, whatever its due date. */
    private void fireTimer(String processKey, String timerId) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(number.toString()).singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instance).activityId(timerId).singleResult();
        assertThat(timer).as(timerId).isNotNull();
        management.executeJob(timer.getId());
    }

    private boolean open(String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).taskDefinitionKey(taskKey).count() == 1;
    }

    /** What a reader sees of some HTML: tags removed, blanks collapsed. */
    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
