package cn.ola.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.calendar.WorkingDayCalendar;
import cn.ola.company.Companies;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplications;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.PlatformFacts;
import cn.ola.workflow.CaseWorkflow;

/**
 * The dashboard on the running system. Four cases are driven through the workflow next to the
 * demo cases: one passes intake (a tobacco company: the regulator's prior approval runs next to
 * the data-protection checks), one is rejected, one is sent back for corrections and then
 * withdrawn, and one waits at intake past its due date; a claimed check of the first is overdue
 * too. The figures are compared with those read before, as a supervisor sees them on the page
 * and as the charts receive them.
 */
@DevSystemTest
// The medians are over every case of the system: this class needs a system of its own, and one where no case
// has left intake yet. The listed demo case has (on the first start), so it is left out here: the two submitted
// demo cases stay.
@TestPropertySource(properties = "ola.demo.after-listing=false")
@Tag("own-system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final UnifiedSocialCreditCode DEMO_COMPANY = UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\bsrc=\"([^\"]+)\"");
    private static final Pattern CELL = Pattern.compile("<t[dh]\\b[^>]*>([^<]*)</t[dh]>");

    @LocalServerPort
    int port;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    ListingApplications applications;
    @Autowired
    Companies companies;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDayCalendar calendar;

    private final ObjectMapper json = new ObjectMapper();
    private JsonNode before;
    private ApplicationNumber passed;
    private ApplicationNumber rejected;
    private ApplicationNumber withdrawn;
    private ApplicationNumber lateAtIntake;
    private int intakeWorkingDaysOfTheMiddleCase;

    @BeforeAll
    void driveCases() {
        before = figuresAs("supervisor");

        // A tobacco company: the industry regulator's prior approval runs next to the data-protection checks.
        passed = workflow.submit(draft("TOBACCO"), "compliance");
        decideIntake(passed, Map.of("intakeOutcome", "COMPLETE", "reasons", "Complete."));

        rejected = workflow.submit(draft(), "compliance");
        decideIntake(rejected, Map.of("intakeOutcome", "REJECTED", "reasons", "Negative-list hit confirmed."));

        withdrawn = workflow.submit(draft(), "compliance");
        decideIntake(withdrawn, Map.of("intakeOutcome", "CORRECTIONS_NEEDED", "reasons", "The legal opinion is missing."));
        workflow.withdraw(withdrawn, "compliance", "Listing postponed.");

        lateAtIntake = workflow.submit(draft(), "compliance");
        dueYesterday(openTask(lateAtIntake, "csrc-officer"));

        // A check that a reviewer has claimed is still late for the office.
        Task regulatoryCheck = openTask(passed, "cro-reviewer");
        tasks.claim(regulatoryCheck.getId(), "cro");
        dueYesterday(tasks.createTaskQuery().taskId(regulatoryCheck.getId()).singleResult());

        // The three cases that left intake entered it 7, 14 and 21 days ago.
        LocalDate today = LocalDate.now(BEIJING);
        enteredIntakeOn(passed, today.minusDays(7));
        enteredIntakeOn(rejected, today.minusDays(14));
        enteredIntakeOn(withdrawn, today.minusDays(21));
        intakeWorkingDaysOfTheMiddleCase = calendar.workingDaysBetween(today.minusDays(14), today);
    }

    @Test
    void runningCasesPerStageCountTheCasesStillOpenUnderEachStageTheyStandIn() {
        assertThat(applications.find(passed).orElseThrow().stages()).containsExactly("DATA_PROTECTION", "INDUSTRY_APPROVAL");
        JsonNode after = figuresAs("supervisor");
        String page = pageAs("supervisor").body();

        assertThat(cases(after, "casesPerStage", "INTAKE_CHECK")).isEqualTo(cases(before, "casesPerStage", "INTAKE_CHECK") + 1);
        // The case waiting on two checks counts under each; the total counts it once.
        assertThat(cases(after, "casesPerStage", "DATA_PROTECTION")).isEqualTo(cases(before, "casesPerStage", "DATA_PROTECTION") + 1);
        assertThat(cases(after, "casesPerStage", "INDUSTRY_APPROVAL"))
                .isEqualTo(cases(before, "casesPerStage", "INDUSTRY_APPROVAL") + 1);
        assertThat(row(page, "cases-per-stage", "INDUSTRY_APPROVAL")).containsExactly("Industry prior approval",
                String.valueOf(cases(before, "casesPerStage", "INDUSTRY_APPROVAL") + 1),
                String.valueOf(field(before, "casesPerStage", "INDUSTRY_APPROVAL", "overdue")));
        // None of the new cases missed a deadline of its own: the overdue column stays as it was.
        assertThat(row(page, "cases-per-stage", "INTAKE_CHECK")).containsExactly("Intake check",
                String.valueOf(cases(before, "casesPerStage", "INTAKE_CHECK") + 1),
                String.valueOf(field(before, "casesPerStage", "INTAKE_CHECK", "overdue")));
        assertThat(after.get("runningCases").asLong()).isEqualTo(before.get("runningCases").asLong() + 2);
        assertThat(row(page, "cases-per-stage", "TOTAL").get(1)).isEqualTo(String.valueOf(before.get("runningCases").asLong() + 2));
    }

    @Test
    void closedCasesAreCountedPerFinalStatus() {
        JsonNode after = figuresAs("supervisor");
        String page = pageAs("supervisor").body();

        assertThat(cases(after, "casesPerFinalStatus", "REJECTED")).isEqualTo(cases(before, "casesPerFinalStatus", "REJECTED") + 1);
        assertThat(cases(after, "casesPerFinalStatus", "WITHDRAWN")).isEqualTo(cases(before, "casesPerFinalStatus", "WITHDRAWN") + 1);
        assertThat(cases(after, "casesPerFinalStatus", "LISTED")).isEqualTo(cases(before, "casesPerFinalStatus", "LISTED"));
        assertThat(row(page, "cases-per-final-status", "REJECTED"))
                .containsExactly("Rejected", String.valueOf(cases(before, "casesPerFinalStatus", "REJECTED") + 1));
        assertThat(row(page, "cases-per-final-status", "WITHDRAWN"))
                .containsExactly("Withdrawn", String.valueOf(cases(before, "casesPerFinalStatus", "WITHDRAWN") + 1));
    }

    @Test
    void overdueTasksAreCountedPerCandidateGroupAsTheTaskServiceFindsThem() {
        JsonNode after = figuresAs("supervisor");
        String page = pageAs("supervisor").body();

        assertThat(tasksOf(after, "csrc-officer")).isEqualTo(tasksOf(before, "csrc-officer") + 1);
        assertThat(tasksOf(after, "cro-reviewer")).isEqualTo(tasksOf(before, "cro-reviewer") + 1);
        for (JsonNode group : after.get("overdueTasksPerGroup")) {
            String key = group.get("key").asText();
            if (!key.equals(DashboardQueries.APPLICANTS) && !key.equals(DashboardQueries.NO_GROUP)) {
                assertThat(group.get("tasks").asLong()).as(key).isEqualTo(tasks.createTaskQuery().taskCandidateGroup(key)
                        .includeAssignedTasks().dueBefore(new Date()).count());
            }
        }
        assertThat(row(page, "overdue-tasks-per-group", "csrc-officer"))
                .containsExactly("CSRC filing officers", String.valueOf(tasksOf(after, "csrc-officer")));
        assertThat(row(page, "overdue-tasks-per-group", "cro-reviewer"))
                .containsExactly("Cybersecurity Review Office", String.valueOf(tasksOf(after, "cro-reviewer")));
    }

    @Test
    void thisWeeksDecisionsAreCountedByKindWithoutTheEnginesOwnEntries() {
        JsonNode after = figuresAs("supervisor");
        JsonNode thisWeek = lastWeek(after);
        JsonNode thisWeekBefore = lastWeek(before);
        String page = pageAs("supervisor").body();

        assertThat(after.at("/decisionsPerWeek/weeks")).hasSize(12);
        assertThat(thisWeek.at("/counts/FAVOURABLE").asLong()).isEqualTo(thisWeekBefore.at("/counts/FAVOURABLE").asLong() + 1);
        assertThat(thisWeek.at("/counts/ADVERSE").asLong()).isEqualTo(thisWeekBefore.at("/counts/ADVERSE").asLong() + 1);
        // The corrections asked at intake; the materials sub-process it starts is not a second decision.
        assertThat(thisWeek.at("/counts/REQUEST").asLong()).isEqualTo(thisWeekBefore.at("/counts/REQUEST").asLong() + 1);
        assertThat(thisWeek.get("total").asLong()).isEqualTo(thisWeekBefore.get("total").asLong() + 3);
        assertThat(row(page, "decisions-per-week", thisWeek.get("week").asText()))
                .containsExactly(thisWeek.get("week").asText(), thisWeek.get("startsOn").asText(),
                        thisWeek.at("/counts/FAVOURABLE").asText(), thisWeek.at("/counts/ADVERSE").asText(),
                        thisWeek.at("/counts/REQUEST").asText(), thisWeek.at("/counts/FURTHER_REVIEW").asText(),
                        thisWeek.get("total").asText());
    }

    @Test
    void theMedianTimeAtIntakeIsTheMiddleCaseInWorkingDays() {
        assertThat(median(before, "INTAKE_CHECK").get("cases").asInt())
                .as("no case had left intake before this test").isZero();
        JsonNode after = figuresAs("supervisor");
        String page = pageAs("supervisor").body();

        assertThat(median(after, "INTAKE_CHECK").get("cases").asInt()).isEqualTo(3);
        assertThat(median(after, "INTAKE_CHECK").get("medianWorkingDays").asDouble()).isEqualTo(intakeWorkingDaysOfTheMiddleCase);
        assertThat(row(page, "median-working-days-per-stage", "INTAKE_CHECK"))
                .containsExactly("Intake check", String.valueOf(intakeWorkingDaysOfTheMiddleCase), "3");
        // Screening is decided on submission: no working day, now for four more cases.
        assertThat(median(after, "SCREENING").get("cases").asInt()).isEqualTo(median(before, "SCREENING").get("cases").asInt() + 4);
        assertThat(median(after, "SCREENING").get("medianWorkingDays").asDouble()).isZero();
        // Parallel checks are measured as the regulatory checks, not one by one.
        assertThat(after.get("medianWorkingDaysPerStage").findValuesAsText("key")).doesNotContain("DATA_PROTECTION");
    }

    @Test
    void thePageShowsItsFiguresInChineseToo() {
        Browserless supervisor = signedIn("supervisor");
        HttpResponse<String> page = supervisor.get("/staff/dashboard?lang=zh_CN");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>监管看板</h1>");
        assertThat(row(page.body(), "cases-per-final-status", "REJECTED").get(0)).isEqualTo("已驳回");
        assertThat(supervisor.get("/staff/dashboard/data").body()).contains("\"label\":\"受理审查\"");
        assertThat(supervisor.get("/staff/dashboard?lang=not-a-language").statusCode()).isEqualTo(200);
    }

    @Test
    void theChartLibraryAndTheScriptComeFromTheApplicationAndNothingIsInline() {
        HttpResponse<String> page = pageAs("supervisor");
        List<String> sources = new ArrayList<>();
        Matcher scripts = SCRIPT.matcher(page.body());
        while (scripts.find()) {
            Matcher src = SRC.matcher(scripts.group(1));
            assertThat(src.find()).as("every script is a file: " + scripts.group()).isTrue();
            sources.add(src.group(1));
        }

        assertThat(sources).containsExactly("/webjars/echarts/5.3.1/dist/echarts.min.js", "/js/dashboard.js");
        Browserless anonymous = new Browserless(port);
        for (String source : sources) {
            HttpResponse<String> script = anonymous.get(source);
            assertThat(script.statusCode()).as(source).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type")).as(source).hasValueSatisfying(
                    type -> assertThat(type).contains("javascript"));
        }
        assertThat(anonymous.get("/css/dashboard.css").statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("style=");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"supervisor", "admin"})
    void supervisorsAndAdministratorsGetTheDashboardAndFindItOnTheHomePage(String user) {
        Browserless browser = signedIn(user);

        assertThat(browser.get("/staff/dashboard").statusCode()).isEqualTo(200);
        HttpResponse<String> data = browser.get("/staff/dashboard/data");
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(browser.get("/").body()).contains("href=\"/staff/dashboard\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cro", "compliance"})
    void otherStaffAndCompaniesAreRefused(String user) {
        Browserless browser = signedIn(user);

        assertThat(browser.get("/staff/dashboard").statusCode()).isEqualTo(403);
        assertThat(browser.get("/staff/dashboard/data").statusCode()).isEqualTo(403);
        assertThat(browser.get("/").body()).doesNotContain("/staff/dashboard");
    }

    @Test
    void visitorsWhoHaveNotSignedInAreSentToTheLogin() {
        HttpResponse<String> response = new Browserless(port).get("/staff/dashboard", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    // --- driving the cases ---

    private long draft() {
        return draft("SOFTWARE");
    }

    private long draft(String industry) {
        long companyId = companies.findByCreditCode(DEMO_COMPANY).orElseThrow().id();
        var facts = PlatformFacts.platform().users(500_000L).industry(industry).build();
        return applications.createDraft(companyId, facts, List.of());
    }

    private void decideIntake(ApplicationNumber number, Map<String, Object> variables) {
        identity.setAuthentication("csrc", List.of("csrc-officer"));
        try {
            Task intake = openTask(number, "csrc-officer");
            tasks.claim(intake.getId(), "csrc");
            tasks.complete(intake.getId(), new HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task openTask(ApplicationNumber number, String group) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).taskCandidateGroup(group)
                .includeAssignedTasks().orderByTaskCreateTime().asc().list();
        assertThat(open).as("open tasks of " + group + " in " + number).isNotEmpty();
        return open.get(0);
    }

    private void dueYesterday(Task task) {
        task.setDueDate(Date.from(ZonedDateTime.now(BEIJING).minusDays(1).toInstant()));
        tasks.saveTask(task);
    }

    private void enteredIntakeOn(ApplicationNumber number, LocalDate day) {
        long id = applications.find(number).orElseThrow().id();
        int moved = jdbc.sql("""
                UPDATE audit_events SET occurred_at = ?
                WHERE application_id = ? AND event_type = 'STAGE_ENTERED' AND stage IN ('SCREENING', 'INTAKE_CHECK')""")
                .params(Timestamp.from(day.atTime(LocalTime.of(10, 0)).atZone(BEIJING).toInstant()), id)
                .update();
        assertThat(moved).as("stage entries of " + number).isEqualTo(2);
    }

    // --- reading what the supervisor sees ---

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless(port);
        assertThat(browser.login(user, "demo").statusCode()).as("login of " + user).isEqualTo(302);
        return browser;
    }

    private HttpResponse<String> pageAs(String user) {
        HttpResponse<String> page = signedIn(user).get("/staff/dashboard?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        return page;
    }

    private JsonNode figuresAs(String user) {
        HttpResponse<String> response = signedIn(user).get("/staff/dashboard/data?lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    /** The cells of the table row with this key in the page's section with this id. */
    private static List<String> row(String html, String sectionId, String key) {
        int section = html.indexOf("id=\"" + sectionId + "\"");
        assertThat(section).as("section " + sectionId).isNotNegative();
        String rest = html.substring(section, html.indexOf("</section>", section));
        Matcher row = Pattern.compile("<tr data-key=\"" + Pattern.quote(key) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(rest);
        assertThat(row.find()).as("row " + key + " in " + sectionId).isTrue();
        List<String> cells = new ArrayList<>();
        Matcher cell = CELL.matcher(row.group(1));
        while (cell.find()) {
            cells.add(cell.group(1).trim());
        }
        return cells;
    }

    private static long cases(JsonNode figures, String table, String key) {
        return field(figures, table, key, "cases");
    }

    private static long field(JsonNode figures, String table, String key, String field) {
        for (JsonNode row : figures.get(table)) {
            if (row.get("key").asText().equals(key)) {
                return row.get(field).asLong();
            }
        }
        throw new AssertionError("No row " + key + " in " + table + ": " + figures.get(table));
    }

    private static long tasksOf(JsonNode figures, String group) {
        for (JsonNode row : figures.get("overdueTasksPerGroup")) {
            if (row.get("key").asText().equals(group)) {
                return row.get("tasks").asLong();
            }
        }
        return 0;
    }

    private static JsonNode lastWeek(JsonNode figures) {
        JsonNode weeks = figures.at("/decisionsPerWeek/weeks");
        return weeks.get(weeks.size() - 1);
    }

    private static JsonNode median(JsonNode figures, String stage) {
        for (JsonNode row : figures.get("medianWorkingDaysPerStage")) {
            if (row.get("key").asText().equals(stage)) {
                return row;
            }
        }
        throw new AssertionError("No median for " + stage);
    }
}
