package cn.ola.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.applicant.DocumentKind;
import cn.ola.applicant.Upload;
import cn.ola.company.CompanyUsers;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ApplicationNumber;
import cn.ola.support.DevSystemTest;
import cn.ola.support.NewCompanies;
import cn.ola.support.PlatformFacts;
import cn.ola.support.StaffTasks;
import cn.ola.workflow.ApplicantAction;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.OpenStep;

/**
 * What an applicant company is told about its case, on the running system: the inbox in the
 * portal (in English and Chinese), marking read, privacy between companies, the e-mail through a
 * real SMTP server, a mail server that is down, and the reminder before a deadline.
 */
@DevSystemTest
@Tag("own-system")
class NotificationsIT {

    static final String COMPANY_USER = "compliance";
    static final String BASE_URL = "https://portal.example.test";
    static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    static final GreenMail MAIL_SERVER = new GreenMail(SMTP);

    static {
        MAIL_SERVER.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        properties.add("ola.notifications.mail.enabled", () -> "true");
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", SMTP::getPort);
        properties.add("ola.base-url", () -> BASE_URL);
        // The test runs the reminders itself.
        properties.add("ola.notifications.reminder-initial-delay", () -> "P1D");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicantCases cases;
    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    Deadlines deadlines;
    @Autowired
    DeadlineReminders reminders;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void theCompanyReadsReceiptRequestDecisionAndOutcomeInItsInboxInEnglishAndChinese() throws Exception {
        ApplicationNumber number = submit();
        askForCorrections(number, "Add the audited financial statements for 2025.");
        String taskId = materialsRequest(number).taskId();
        cases.supplyMaterials(COMPANY_USER, number, taskId, "The audited statements are attached.", List.of());
        new StaffTasks(tasks, identity).completeAs("csrc", "csrc-officer", number.toString(), "Task_IntakeCheck",
                Map.of("intakeOutcome", "REJECTED", "reasons", "The issuer is under investigation (Art. 8(4))."));

        String english = inbox(number, "en");
        assertThat(english)
                .contains("Application " + number + " has been received and the regulators have started to process it.")
                .contains("The CSRC found application " + number + " incomplete at intake and asks you to correct it.")
                .contains("Add the audited financial statements for 2025.")
                .contains("Due by ")
                .contains("The CSRC rejected application " + number + " at intake.")
                .contains("The issuer is under investigation (Art. 8(4)).")
                .contains("Application " + number + " is closed: the listing was refused.")
                .contains("href=\"/applications/" + number + "\"");
        List<Long> ids = notificationIds(number);
        String page = page("/notifications", COMPANY_USER);
        assertThat(page.indexOf("id=\"notification-" + ids.get(ids.size() - 1) + "\"")).as("newest first")
                .isLessThan(page.indexOf("id=\"notification-" + ids.get(0) + "\""));

        String chinese = inbox(number, "zh_CN");
        assertThat(chinese)
                .contains("申请 " + number + " 已提交成功，监管机构已开始办理。")
                .contains("中国证监会在受理审查中发现申请 " + number + " 材料不齐全，请予以补正。")
                .contains("中国证监会经受理审查，决定不予受理申请 " + number + "。")
                .contains("申请 " + number + " 已办结：上市申请未获通过。")
                .contains("查看申请");
    }

    @Test
    void markingReadClearsTheMarkAndAnotherCompanySeesNoneOfItsNotifications() throws Exception {
        ApplicationNumber number = submit();
        askForCorrections(number, "Please sign the legal opinion.");
        List<Long> ids = notificationIds(number);
        assertThat(ids).hasSize(2);

        String outsider = registerAnotherCompany();
        assertThat(page("/notifications", outsider)).doesNotContain(number.toString()).contains("No notifications yet.")
                .contains("Notifications (0)");
        mvc.perform(post("/notifications/{id}/read", ids.get(0)).with(user(outsider).roles("COMPANY")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(item(page("/notifications", COMPANY_USER), ids.get(0))).contains("notification-receipt unread");

        mvc.perform(post("/notifications/{id}/read", ids.get(0)).with(user(COMPANY_USER).roles("COMPANY")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/notifications"));
        String afterOne = page("/notifications", COMPANY_USER);
        assertThat(item(afterOne, ids.get(0))).doesNotContain("unread").doesNotContain("Mark as read");
        assertThat(item(afterOne, ids.get(1))).contains("unread").contains("Mark as read");

        mvc.perform(post("/notifications/{id}/read", ids.get(1)).with(user(COMPANY_USER).roles("COMPANY")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/notifications/read-all").with(user(COMPANY_USER).roles("COMPANY")).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        String afterAll = page("/notifications", COMPANY_USER);
        assertThat(item(afterAll, ids.get(1))).doesNotContain("unread");
        assertThat(afterAll).contains("Notifications (0)").contains("Nothing unread.");

        mvc.perform(get("/notifications").with(user("csrc").roles("STAFF"))).andExpect(status().isForbidden());
        assertThat(page("/", "csrc", "STAFF")).doesNotContain("notifications-link");
        String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(login).doesNotContain("notifications-link");
    }

    @Test
    void theCompanyIsEmailedARequestWithTheNumberAndTheLinkToItsCase() throws Exception {
        ApplicationNumber number = submit();
        askForCorrections(number, "Explain the VIE structure.");

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL_SERVER.getReceivedMessages())
                .filter(m -> subject(m).contains(number.toString()) && subject(m).contains("Request for materials"))
                .findFirst().orElse(null), m -> m != null);

        assertThat(subject(mail)).isEqualTo("[" + number + "] 补充材料要求 / Request for materials");
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString)).containsExactly("compliance@example-data.cn");
        String body = (String) mail.getContent();
        assertThat(body)
                .contains("中国证监会在受理审查中发现申请 " + number + " 材料不齐全，请予以补正。")
                .contains("The CSRC found application " + number + " incomplete at intake and asks you to correct it.")
                .contains("Explain the VIE structure.")
                .contains(BASE_URL + "/applications/" + number);
        assertThat(body.indexOf("中国证监会")).as("Chinese first").isLessThan(body.indexOf("The CSRC"));
    }

    @Test
    void aMailServerThatIsDownNeitherStopsTheCaseNorEmptiesTheInbox() throws Exception {
        MAIL_SERVER.stop();
        try {
            ApplicationNumber number = submit();
            askForCorrections(number, "Add the board resolution.");

            assertThat(materialsRequest(number).request()).isEqualTo("Add the board resolution.");
            assertThat(inbox(number, "en")).contains("Add the board resolution.")
                    .contains("Application " + number + " has been received");
        } finally {
            MAIL_SERVER.start();
        }
    }

    @Test
    void aRequestDueWithinFiveWorkingDaysIsRemindedOfOnce() throws Exception {
        ApplicationNumber number = submit();
        askForCorrections(number, "Add the translated articles of association.");
        OpenStep request = materialsRequest(number);
        String key = "REMINDER:" + request.taskId();

        reminders.remind();
        assertThat(reminderCount(key)).as("30 working days ahead: no reminder yet").isZero();

        Date due = Date.from(request.due());
        Date now = new Date(due.getTime() - Duration.ofDays(9).toMillis());
        ClockUtil.setCurrentTime(now);
        while (deadlines.workingDaysLeft(due) > DeadlineReminders.WORKING_DAYS) {
            now = new Date(now.getTime() + Duration.ofDays(1).toMillis());
            ClockUtil.setCurrentTime(now);
        }
        int left = deadlines.workingDaysLeft(due);
        assertThat(left).isBetween(0, DeadlineReminders.WORKING_DAYS);

        reminders.remind();
        reminders.remind();

        assertThat(reminderCount(key)).isEqualTo(1);
        assertThat(inbox(number, "en")).contains("Reminder: the requested materials for application " + number
                + " are due in " + left + " working day(s).");
        assertThat(inbox(number, "zh_CN")).contains("提醒：申请 " + number + " 的补充材料还有 " + left + " 个工作日到期。");
    }

    private ApplicationNumber submit() {
        var draft = cases.createDraft(COMPANY_USER, new ApplicationDraft(facts(), List.of()));
        for (DocumentKind kind : List.of(DocumentKind.FILING_REPORT, DocumentKind.PRC_LEGAL_OPINION, DocumentKind.PROSPECTUS)) {
            cases.upload(COMPANY_USER, draft.id(), kind, new Upload(kind.name().toLowerCase() + ".pdf", pdf()));
        }
        return cases.submit(COMPANY_USER, draft.id()).number();
    }

    private void askForCorrections(ApplicationNumber number, String request) {
        new StaffTasks(tasks, identity).completeAs("csrc", "csrc-officer", number.toString(), "Task_IntakeCheck",
                Map.of("intakeOutcome", "CORRECTIONS_NEEDED", "reasons", request));
    }

    private OpenStep materialsRequest(ApplicationNumber number) {
        return cases.overview(COMPANY_USER, number).openSteps().stream()
                .filter(step -> step.action() == ApplicantAction.SUPPLY_MATERIALS).findFirst().orElseThrow();
    }

    /** The company's inbox as its user sees it, only the items of this application. */
    private String inbox(ApplicationNumber number, String language) throws Exception {
        String body = mvc.perform(get("/notifications").param("lang", language).with(user(COMPANY_USER).roles("COMPANY")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        StringBuilder items = new StringBuilder();
        for (long id : notificationIds(number)) {
            items.append(item(body, id)).append('\n');
        }
        return items.toString();
    }

    private String page(String path, String userId, String... roles) throws Exception {
        return mvc.perform(get(path).param("lang", "en").with(user(userId).roles(roles.length == 0 ? new String[] {"COMPANY"} : roles)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The list item of one notification on the inbox page; empty when it is not there. */
    private static String item(String page, long id) {
        int start = page.indexOf("id=\"notification-" + id + "\"");
        if (start < 0) {
            return "";
        }
        int end = page.indexOf("</li>", start);
        return page.substring(page.lastIndexOf("<li", start), end);
    }

    private List<Long> notificationIds(ApplicationNumber number) {
        return jdbc.sql("SELECT id FROM notifications WHERE application_number = ? ORDER BY id").param(number.toString())
                .query(Long.class).list();
    }

    private long reminderCount(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE dedupe_key = ?").param(key).query(Long.class).single();
    }

    private String registerAnotherCompany() {
        return NewCompanies.withUser(companyUsers, "other-", "另一家科技股份有限公司", "Another Technology Co., Ltd.",
                "secret-Passw0rd");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApplicationFacts facts() {
        LocalDate today = LocalDate.now();
        return PlatformFacts.platform().asOf(today).issuer("Example Data Holdings Ltd. (Cayman Islands)")
                .users(800_000L).exported(5_000L).build();
    }

    private static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
