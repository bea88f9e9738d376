package cn.ola.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import cn.ola.applicant.ApplicantCases;
import cn.ola.company.CompanyUsers;
import cn.ola.support.Browser;
import cn.ola.support.BrowserLanguage;
import cn.ola.support.Chromium;
import cn.ola.support.DevSystemTest;
import cn.ola.support.ListedCase;
import cn.ola.support.NewCompanies;
import cn.ola.workflow.Deadlines;

/**
 * After the listing, in Chinese, in a real browser: the compliance officer of a listed company reports
 * that an overseas regulator opened an investigation, announced yesterday; a CSRC officer finds the report
 * in the real Camunda Tasklist by the case's number and company, acknowledges it and asks a question; the
 * company answers on its case page; the officer closes the matter; the company reads the outcome and the
 * CSRC's explanation on its case page and in its inbox, while the case stays listed.
 */
@DevSystemTest
@ExtendWith(Chromium.class)
class MaterialEventJourneyIT {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String PASSWORD = "Listed-Company-2026";
    private static final String COMPANY_NAME = "示例跨境电商股份有限公司";
    private static final String REPORT = "美国证券交易委员会于昨日公告，对本公司2025年年度报告中的收入确认披露展开调查。";
    private static final String QUESTION = "请说明调查涉及的具体披露事项，以及公司已采取的应对措施。";
    private static final String ANSWER = "调查涉及2025年年报第五节的收入确认；公司已聘请独立律师配合调查，并将按时披露进展。";
    private static final String CONCLUSION = "证监会已知悉该调查及公司的应对措施，本事项办结，请继续按规定报告重大进展。";

    @Autowired
    ApplicantCases cases;
    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    MessageSource messages;

    @Test
    void aListedCompanyReportsAnInvestigationInChineseAndTheCsrcClosesTheMatter(@BrowserLanguage("zh-CN") Browser browser) {
        String user = NewCompanies.withUser(companyUsers, "listed", COMPANY_NAME, "Example Cross-border Commerce Co., Ltd.",
                PASSWORD);
        String number = ListedCase.of(cases, tasks, identity, user).number().toString();
        LocalDate yesterday = LocalDate.now(Deadlines.BEIJING).minusDays(1);

        // The company's compliance officer reports the investigation from the listed case's page.
        browser.signIn(user, PASSWORD);
        browser.open("/applications/" + number);
        assertThat(browser.waitFor(By.id("case-status")).getText()).isEqualTo(text("cases.status.LISTED"));
        assertThat(browser.driver().findElement(By.id("material-events")).getText())
                .contains(text("cases.events.heading")).contains(text("cases.events.none"));
        browser.click(By.id("report-material-event"));
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo(text("cases.events.form.title", number));
        Select kind = new Select(browser.waitFor(By.id("kind")));
        kind.selectByValue("OVERSEAS_INVESTIGATION");
        assertThat(kind.getFirstSelectedOption().getText()).isEqualTo(text("cases.eventKind.OVERSEAS_INVESTIGATION"));
        date(browser, "announcedOn", yesterday.toString());
        browser.waitFor(By.id("description")).sendKeys(REPORT);
        browser.screenshot("portal-material-event-report-zh", 1200, 1200);
        browser.click(By.cssSelector("#material-event-form button[type=submit]"));

        // Back on the case page: reported, on time, waiting for the CSRC to acknowledge it.
        assertThat(browser.waitFor(By.id("flash-done")).getText()).isEqualTo(text("cases.done.materialEvent"));
        WebElement event = browser.waitFor(By.cssSelector("#material-events article.material-event"));
        assertThat(event.findElement(By.tagName("h3")).getText()).isEqualTo(text("cases.eventKind.OVERSEAS_INVESTIGATION"));
        assertThat(event.findElement(By.cssSelector(".event-state")).getText()).isEqualTo(text("cases.events.state.REPORTED"));
        assertThat(event.getText()).contains(yesterday.toString()).contains(REPORT).doesNotContain(text("cases.events.late"));
        assertThat(browser.driver().findElement(By.id("open-steps")).getText())
                .contains(text("cases.task.Task_AcknowledgeEvent"));
        assertThat(browser.driver().findElement(By.id("case-status")).getText()).isEqualTo(text("cases.status.LISTED"));
        browser.screenshot("portal-material-event-reported-zh", 1200, 1800);

        // A CSRC officer finds the report in Tasklist by the case's number and company, and acknowledges it.
        browser.signOut();
        Tasklist tasklist = Tasklist.open(browser.signIn("csrc", "demo")).chooseFilter("Tasks of my groups");
        String acknowledgement = tasklist.taskNamed(number);
        assertThat(acknowledgement).isEqualTo(openTask(number, "Task_AcknowledgeEvent").getId());
        assertThat(tasklist.nameInList(acknowledgement))
                .isEqualTo("Acknowledge the material event · " + number + " · " + COMPANY_NAME);
        tasklist.openTask(acknowledgement).claim();
        assertThat(tasklist.taskTitle()).contains(number).contains(COMPANY_NAME);
        assertThat(tasklist.field("Application number")).isEqualTo(number);
        assertThat(tasklist.field("Company")).isEqualTo(COMPANY_NAME);
        assertThat(tasklist.choice("Material event")).contains("境外监管机构调查或处罚");
        assertThat(tasklist.field("Announced on")).isEqualTo(yesterday.toString());
        assertThat(tasklist.field("The company's report")).isEqualTo(REPORT);
        browser.screenshot("tasklist-material-event-acknowledgement-zh", 1400, 1200);
        tasklist.complete().waitUntilGone(acknowledgement);

        // The conclusion follows: the officer asks the company a question first.
        String conclusion = openTask(number, "Task_ConcludeEvent").getId();
        assertThat(tasklist.taskNamed(number)).isEqualTo(conclusion);
        assertThat(tasklist.nameInList(conclusion)).isEqualTo("Conclude on the material event · " + number + " · " + COMPANY_NAME);
        tasklist.openTask(conclusion).claim();
        assertThat(tasklist.field("The company's report")).isEqualTo(REPORT);
        assertThat(tasklist.shows("The company's latest answer")).as("an answer before any question").isFalse();
        tasklist.choose("Ask the company questions").type("Questions or explanation for the company", QUESTION);
        browser.screenshot("tasklist-material-event-question-zh", 1400, 1400);
        tasklist.complete().waitUntilGone(conclusion);

        // The company reads the question on its case page and answers it there.
        browser.signOut();
        browser.signIn(user, PASSWORD);
        browser.open("/applications/" + number);
        event = browser.waitFor(By.cssSelector("#material-events article.material-event"));
        assertThat(event.findElement(By.cssSelector(".event-state")).getText())
                .isEqualTo(text("cases.events.state.QUESTIONS_ASKED"));
        WebElement toTheQuestion = event.findElement(By.cssSelector(".event-questions a"));
        assertThat(toTheQuestion.getText()).isEqualTo(text("cases.events.answer"));
        String question = toTheQuestion.getDomAttribute("href").substring("#action-".length());
        WebElement request = browser.waitFor(By.id("action-" + question));
        assertThat(request.findElement(By.tagName("h3")).getText()).isEqualTo(text("cases.materials.heading.MATERIAL_EVENT"));
        assertThat(request.getText()).contains(text("cases.materials.requestedBy", text("cases.step.MATERIAL_EVENT")))
                .contains(QUESTION);
        browser.screenshot("portal-material-event-question-zh", 1200, 1800);
        browser.waitFor(By.id("answer-" + question)).sendKeys(ANSWER);
        browser.click(By.cssSelector("#action-" + question + " button[type=submit]"));
        assertThat(browser.waitFor(By.id("flash-done")).getText()).isEqualTo(text("cases.done.materials"));
        assertThat(browser.driver().findElements(By.id("action-" + question))).as("the answered question").isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("#material-events .event-state")).getText())
                .isEqualTo(text("cases.events.state.ACKNOWLEDGED"));

        // The officer reads the answer and closes the matter with an explanation for the company.
        browser.signOut();
        String again = await().atMost(Duration.ofSeconds(30)).until(() -> openTask(number, "Task_ConcludeEvent"), t -> t != null)
                .getId();
        tasklist = Tasklist.open(browser.signIn("csrc", "demo")).chooseFilter("Tasks of my groups");
        assertThat(tasklist.taskNamed(number)).isEqualTo(again);
        tasklist.openTask(again).claim();
        assertThat(tasklist.field("The company's latest answer")).isEqualTo(ANSWER);
        tasklist.choose("Close the matter").type("Questions or explanation for the company", CONCLUSION);
        browser.screenshot("tasklist-material-event-conclusion-zh", 1400, 1400);
        tasklist.complete().waitUntilGone(again);

        // The company sees the outcome and the CSRC's explanation; the case stays listed.
        browser.signOut();
        browser.signIn(user, PASSWORD);
        browser.open("/applications/" + number);
        event = browser.waitFor(By.cssSelector("#material-events article.material-event"));
        assertThat(event.findElement(By.cssSelector(".event-state")).getText()).isEqualTo(text("cases.events.state.CLOSED"));
        assertThat(event.getText()).contains(text("cases.events.conclusion"));
        assertThat(event.findElement(By.cssSelector(".event-conclusion")).getText()).isEqualTo(CONCLUSION);
        assertThat(event.findElements(By.cssSelector(".event-questions"))).as("questions left open").isEmpty();
        assertThat(browser.driver().findElement(By.id("case-status")).getText()).isEqualTo(text("cases.status.LISTED"));
        assertThat(browser.driver().findElement(By.id("timeline")).getText())
                .contains(text("cases.event.MATERIAL_EVENT_REPORTED")).contains(text("cases.outcome.CLOSED"));
        browser.screenshot("portal-material-event-closed-zh", 1200, 2000);

        // Its inbox told it each step, the question and the explanation included.
        browser.open("/notifications");
        List<String> notices = browser.waitUntil(d -> {
            List<String> shown = d.findElements(By.cssSelector("li.notification")).stream().map(WebElement::getText).toList();
            return shown.isEmpty() ? null : shown;
        }, "the inbox to list the notices");
        assertThat(notices).anySatisfy(n -> assertThat(n).contains(text("notification.decision.MATERIAL_EVENT.ACKNOWLEDGED", number)))
                .anySatisfy(n -> assertThat(n).contains(text("notification.request.MATERIAL_EVENT", number)).contains(QUESTION))
                .anySatisfy(n -> assertThat(n).contains(text("notification.decision.MATERIAL_EVENT.CLOSED", number))
                        .contains(CONCLUSION))
                .noneSatisfy(n -> assertThat(n).contains(text("notification.decision.MATERIAL_EVENT.LATE_REPORT", number)));
        browser.screenshot("portal-material-event-inbox-zh", 1200, 1600);
    }

    /** The case's open task of the material event at this step, or null. */
    private Task openTask(String number, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }

    /** Date inputs take the browser's own date format when typed; a person picks the day, we set it. */
    private static void date(Browser browser, String id, String isoDate) {
        WebElement input = browser.waitFor(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }
}
