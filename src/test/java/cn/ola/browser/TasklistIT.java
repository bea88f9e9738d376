package cn.ola.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ola.browser.Tasklist.Due;
import cn.ola.company.Companies;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ListingApplications;
import cn.ola.support.Browser;
import cn.ola.support.BrowserLanguage;
import cn.ola.support.Chromium;
import cn.ola.support.DevSystemTest;
import cn.ola.support.PlatformFacts;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.ProcessVariables;

/**
 * A CSRC officer does the intake check of a demo case in the real Camunda Tasklist: one sign-in
 * at the portal, the group filter, claiming, the Camunda Form with the screening results and
 * why, its validation, and the completion that moves the case on. And finds a case's task by its
 * number in the list, in Chinese and in English, and opens the case file from its form.
 */
@DevSystemTest
@ExtendWith(Chromium.class)
class TasklistIT {

    static final String INTAKE_CHECK = "Task_IntakeCheck";
    static final String DEMO_COMPANY_NAME = "示例数据科技股份有限公司";
    /** How the forms word the screening's answer on the cybersecurity review. */
    static final Map<Object, String> REVIEW_REQUIREMENT = Map.of("MANDATORY", "应当申报审查 / Mandatory",
            "DISCRETIONARY", "由审查办公室酌定 / At the office's discretion", "NOT_REQUIRED", "无需审查 / Not required");

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    ListingApplications applications;
    @Autowired
    Companies companies;

    @Test
    void aCsrcOfficerClaimsChecksAndCompletesTheIntakeOfADemoCase(Browser browser) {
        ProcessInstance demoCase = firstDemoCase();
        String number = demoCase.getBusinessKey();
        String taskId = intakeTaskOf(number).getId();

        Tasklist tasklist = Tasklist.open(browser.signIn("csrc", "demo"));
        assertThat(tasklist.greets("Cao Shan")).as("the header greets Cao Shan").isTrue();
        tasklist.chooseFilter("Tasks of my groups").openTask(taskId);
        assertThat(tasklist.taskTitle()).isEqualTo("Check the application at intake · " + number + " · " + DEMO_COMPANY_NAME);

        tasklist.claim();
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("csrc");

        // The facts and the screening results with their reasons, read-only, in words in Chinese and English.
        assertThat(tasklist.field("申请编号 / Application number")).isEqualTo(number);
        assertThat(tasklist.isEditable("Application number")).isFalse();
        assertThat(tasklist.field("Exchange")).isEqualTo(variable(demoCase, ProcessVariables.VENUE_EXCHANGE + "Text"))
                .contains("证券交易所 / ").contains(" Stock Exchange");
        assertThat(variable(demoCase, ProcessVariables.NEGATIVE_LIST)).isEqualTo("CLEAR");
        assertThat(tasklist.choice("负面清单（第八条） / Negative list (Art. 8)")).isEqualTo("不存在相关情形 / No circumstance applies");
        // The reason as the case pages word it, in Chinese and then in English: not the key it is kept under.
        assertThat(tasklist.field("Negative-list screening"))
                .isEqualTo(variable(demoCase, ProcessVariables.NEGATIVE_LIST + ProcessVariables.REASON_SUFFIX + "Text"))
                .doesNotContain("|").doesNotContain("screening.").containsPattern("\\p{IsHan}").containsPattern("[a-z]+ [a-z]+");
        assertThat(tasklist.choice("Cybersecurity review"))
                .isEqualTo(REVIEW_REQUIREMENT.get(variable(demoCase, ProcessVariables.CYBERSECURITY_REVIEW)));
        assertThat(tasklist.field("Why"))
                .isEqualTo(variable(demoCase, ProcessVariables.CYBERSECURITY_REVIEW + ProcessVariables.REASON_SUFFIX + "Text"))
                .contains("1,000,000");
        assertThat(variable(demoCase, ProcessVariables.LISTING_TYPE)).isEqualTo("INDIRECT");
        assertThat(tasklist.choice("上市类型 / Listing type")).isEqualTo("间接境外上市 / Indirect listing");
        assertThat(tasklist.choice("Country or region")).isEqualTo("美国 / United States");
        assertThat(tasklist.field("Why this listing type"))
                .isEqualTo(variable(demoCase, ProcessVariables.LISTING_TYPE + ProcessVariables.REASON_SUFFIX + "Text"));
        assertThat(tasklist.isEditable("Why")).isFalse();
        // Nothing the officer would need a code book for, and no empty boxes: the demo case needs no
        // industry regulator's approval and the company has not corrected anything yet.
        assertThat(tasklist.everythingShown()).doesNotContain("INDIRECT", "CLEAR", "MANDATORY", "SECURITY_ASSESSMENT",
                "STANDARD_CONTRACT", "EXEMPT", "true", "false", "screening.", "|").doesNotContainPattern("\\bUS\\b")
                .doesNotContainPattern("\\bNYSE\\b");
        assertThat(variable(demoCase, ProcessVariables.INDUSTRY_REGULATOR_NAME)).isNull();
        assertThat(tasklist.shows("Industry prior approval")).as("the industry prior approval that does not apply").isFalse();
        assertThat(variable(demoCase, ProcessVariables.MATERIALS_ANSWER)).isNull();
        assertThat(tasklist.shows("The company's latest correction")).as("a correction that was never made").isFalse();
        assertThat(tasklist.link("Open the case file")).isEqualTo("http://localhost:" + port + "/staff/applications/" + number);
        browser.screenshot("tasklist-form", 1400, 1500);

        // No outcome chosen: the form says so and the task stays open.
        tasklist.complete();
        assertThat(tasklist.errorOf("Outcome")).isEqualTo("Field is required.");
        assertThat(tasklist.notification()).isEqualTo("An error happened while submitting the task form");
        tasklist.dismissNotifications();
        assertThat(intakeTaskOf(number)).extracting(Task::getId, Task::getAssignee).containsExactly(taskId, "csrc");

        tasklist.choose("Complete: continue to the regulatory checks").complete();
        tasklist.waitUntilGone(taskId);

        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the intake task").isZero();
        assertThat(runtime.getVariable(demoCase.getId(), ProcessVariables.INTAKE_OUTCOME)).isEqualTo("COMPLETE");
        List<Task> next = tasks.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup("cro-reviewer").list();
        assertThat(next).extracting(Task::getTaskDefinitionKey).contains("Task_ReviewPiSelfAssessment");
    }

    @Test
    void anOfficerReadingChineseFindsACaseByItsNumberAndOpensItsCaseFile(@BrowserLanguage("zh-CN") Browser browser) {
        Due due = findsACaseByItsNumberAndOpensItsCaseFile(browser);
        assertThat(due.words()).startsWith("到期").endsWith("后");
    }

    @Test
    void anOfficerReadingEnglishFindsACaseByItsNumberAndOpensItsCaseFile(@BrowserLanguage("en-GB") Browser browser) {
        Due due = findsACaseByItsNumberAndOpensItsCaseFile(browser);
        assertThat(due.words()).startsWith("Due in");
    }

    /**
     * A new case's intake among the officer's tasks: its row names the case's number and company
     * and says when it is due, on pointing at it the end of the working day, Beijing time; the
     * form's link to the case file opens the staff case view of this system, on whatever port it runs.
     */
    private Due findsACaseByItsNumberAndOpensItsCaseFile(Browser browser) {
        String number = workflow.submit(applications.createDraft(demoCompanyId(), smallPlatform(), List.of()), "compliance")
                .toString();
        Task intake = intakeTaskOf(number);
        ZonedDateTime dueInBeijing = intake.getDueDate().toInstant().atZone(ZoneId.of(Chromium.TIME_ZONE));
        assertThat(dueInBeijing.toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));

        Tasklist tasklist = Tasklist.open(browser.signIn("csrc", "demo")).chooseFilter("Tasks of my groups");
        assertThat(tasklist.taskNamed(number)).as("the task the officer finds by the case's number").isEqualTo(intake.getId());
        assertThat(tasklist.nameInList(intake.getId()))
                .isEqualTo("Check the application at intake · " + number + " · " + DEMO_COMPANY_NAME);
        Due due = tasklist.dueInList(intake.getId());
        boolean chinese = due.words().startsWith("到期");
        assertThat(due.date()).as("the due date on pointing at it")
                .contains(chinese ? dueInBeijing.format(DateTimeFormatter.ofPattern("yyyy年M月d日"))
                        : dueInBeijing.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)))
                .endsWith("23:59");
        browser.screenshot(chinese ? "tasklist-rows-zh" : "tasklist-rows", 1400, 1000);

        // The same task in the work queue of our own, found by the case's number, opens in Tasklist.
        browser.open("/staff/tasks?number=" + number);
        By row = By.cssSelector("#queue tr[data-task='" + intake.getId() + "']");
        assertThat(browser.waitFor(row).getText()).contains(number).contains(DEMO_COMPANY_NAME)
                .contains(chinese ? "受理审查" : "Check the application at intake")
                .contains(chinese ? "证监会受理审查" : "CSRC intake check");
        browser.screenshot(chinese ? "work-queue-zh" : "work-queue", 1400, 700);
        browser.click(By.cssSelector("#queue tr[data-task='" + intake.getId() + "'] a.tasklist-link"));
        tasklist.waitForOpenTask(intake.getId());
        assertThat(tasklist.taskTitle()).contains(number).contains(DEMO_COMPANY_NAME);
        tasklist.follow("Open the case file");
        browser.waitUntil(d -> d.getCurrentUrl().equals("http://localhost:" + port + "/staff/applications/" + number),
                "the staff case view of " + number);
        assertThat(browser.waitFor(By.tagName("h1")).getText()).contains(number);
        return due;
    }

    /** The demo data's first case, waiting for its intake check since the system started. */
    private ProcessInstance firstDemoCase() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CaseWorkflow.PROCESS_KEY).activityIdIn(INTAKE_CHECK)
                .list().stream().min(Comparator.comparing(ProcessInstance::getBusinessKey))
                .orElseThrow(() -> new AssertionError("The dev profile should have seeded cases waiting at intake"));
    }

    private Task intakeTaskOf(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(INTAKE_CHECK).singleResult();
    }

    private long demoCompanyId() {
        return companies.findByCreditCode(UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q")).orElseThrow().id();
    }

    /** A mid-sized platform listing in New York: straight to the filing after intake. */
    private static ApplicationFacts smallPlatform() {
        return PlatformFacts.platform().users(500_000L).exported(0L).build();
    }

    private Object variable(ProcessInstance instance, String name) {
        return runtime.getVariable(instance.getId(), name);
    }
}
