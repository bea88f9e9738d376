package cn.ola.staff;

import static cn.ola.staff.StaffTestCases.rows;
import static cn.ola.staff.StaffTestCases.section;
import static cn.ola.staff.StaffTestCases.text;
import static cn.ola.staff.StaffTestCases.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ola.calendar.WorkingDayCalendar;
import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplications;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.workflow.CaseWorkflow;

/** The staff list of applications: search, filters, paging and sorting on the running system. */
@DevSystemTest
class ApplicationSearchIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    Companies companies;
    @Autowired
    ListingApplications applications;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDayCalendar calendar;

    StaffTestCases cases;
    Browserless staff;

    @BeforeEach
    void setUp() {
        cases = new StaffTestCases(companies, applications, workflow, tasks, identity);
        staff = new Browserless(port);
        staff.login("csrc", "demo");
    }

    @Test
    void findsAnApplicationByItsNumberAlsoWithoutThePrefixOrInLowerCase() {
        ApplicationNumber number = cases.submit(cases.demoCompany(), 500_000L);

        for (String q : List.of(number.toString(), number.toString().toLowerCase(), number.toString().substring(4))) {
            HttpResponse<String> page = search(Map.of("q", q));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(numbersOn(page.body())).as(q).containsExactly(number.toString());
            assertThat(text(section(page.body(), "total"))).as(q).startsWith("Applications found: 1");
        }
        assertThat(numbersOn(search(Map.of("q", "OLA-" + number.year() + "-")).body())).contains(number.toString());
    }

    @Test
    void findsApplicationsByAPartOfTheChineseOrEnglishCompanyName() {
        String suffix = unique();
        Company company = cases.register("江南智算" + suffix + "科技股份有限公司", "Jiangnan Compute " + suffix + " Technology Co., Ltd.");
        ApplicationNumber first = cases.submit(company, 500_000L);
        ApplicationNumber second = cases.submit(company, 600_000L);

        String byChinese = search(Map.of("q", "智算" + suffix)).body();
        assertThat(numbersOn(byChinese)).containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(text(section(byChinese, "total"))).startsWith("Applications found: 2");
        assertThat(rows(byChinese, "results")).anySatisfy(row -> assertThat(row)
                .contains("江南智算" + suffix + "科技股份有限公司").contains(company.creditCode().value()).contains("Submitted"));

        assertThat(numbersOn(search(Map.of("q", "compute " + suffix + " TECHNOLOGY")).body()))
                .containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(numbersOn(search(Map.of("q", "智算" + suffix + "不存在")).body())).isEmpty();
        assertThat(search(Map.of("q", "智算" + suffix + "不存在")).body()).contains("No application matches this search.");
    }

    @Test
    void findsApplicationsByTheCreditCode() {
        Company company = cases.register("信用代码测试" + unique() + "有限公司", "Credit Code Test Ltd.");
        ApplicationNumber number = cases.submit(company, 500_000L);

        assertThat(numbersOn(search(Map.of("q", company.creditCode().value())).body())).containsExactly(number.toString());
        assertThat(numbersOn(search(Map.of("q", " " + company.creditCode().value().toLowerCase() + " ")).body()))
                .containsExactly(number.toString());
    }

    @Test
    void wildcardsInTheSearchTextAreTakenLiterally() {
        String suffix = unique();
        Company company = cases.register("百分之百" + suffix + "有限公司", "100% Sure " + suffix + " Ltd.");
        ApplicationNumber number = cases.submit(company, 500_000L);

        assertThat(numbersOn(search(Map.of("q", "100% Sure " + suffix)).body())).containsExactly(number.toString());
        assertThat(numbersOn(search(Map.of("q", "_00% Sure " + suffix)).body())).isEmpty();
        assertThat(numbersOn(search(Map.of("q", "%")).body())).contains(number.toString());
    }

    @Test
    void filtersByStatusStageAndTheOverdueMark() {
        String suffix = unique();
        Company company = cases.register("筛选" + suffix + "股份有限公司", "Filter " + suffix + " Co.");
        ApplicationNumber waiting = cases.submit(company, 3_200_000L);
        ApplicationNumber inReview = cases.submit(company, 3_200_000L);
        cases.completeAs("csrc", "csrc-officer", inReview, "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        ApplicationNumber withdrawn = cases.submit(company, 500_000L);
        workflow.withdraw(withdrawn, "compliance", "Listing postponed.");
        jdbc.sql("UPDATE applications SET overdue = TRUE WHERE application_number = ?").param(waiting.toString()).update();

        String q = "筛选" + suffix;
        assertThat(numbersOn(search(Map.of("q", q, "status", "WITHDRAWN")).body())).containsExactly(withdrawn.toString());
        assertThat(numbersOn(search(Map.of("q", q, "status", "SUBMITTED")).body()))
                .containsExactlyInAnyOrder(waiting.toString(), inReview.toString());
        assertThat(numbersOn(search(Map.of("q", q, "stage", "INTAKE_CHECK")).body())).containsExactly(waiting.toString());
        assertThat(numbersOn(search(Map.of("q", q, "overdue", "true")).body())).containsExactly(waiting.toString());
        assertThat(numbersOn(search(Map.of("q", q, "overdue", "false")).body()))
                .containsExactlyInAnyOrder(inReview.toString(), withdrawn.toString());
        String overdueOnly = search(Map.of("q", q, "overdue", "true")).body();
        assertThat(rows(overdueOnly, "results")).anySatisfy(row -> assertThat(row).contains(waiting.toString()).contains("OVERDUE"));
        assertThat(numbersOn(search(Map.of("status", "WITHDRAWN", "stage", "INTAKE_CHECK", "q", q)).body())).isEmpty();

        // The review and the data-protection checks run side by side: the case is found under each and shows both.
        assertThat(numbersOn(search(Map.of("q", q, "stage", "CYBERSECURITY_REVIEW")).body())).containsExactly(inReview.toString());
        String inDataProtection = search(Map.of("q", q, "stage", "DATA_PROTECTION")).body();
        assertThat(numbersOn(inDataProtection)).containsExactly(inReview.toString());
        assertThat(rows(inDataProtection, "results")).anySatisfy(row -> assertThat(row).contains(inReview.toString())
                .contains("Cybersecurity review, Data-protection checks"));
        cases.completeAs("cro", "cro-reviewer", inReview, "Task_CheckExportEvidence", Map.of("exportEvidenceOutcome", "ACCEPTED"));
        cases.completeAs("cro", "cro-reviewer", inReview, "Task_ReviewPiSelfAssessment",
                Map.of("selfAssessmentOutcome", "ACCEPTED"));
        assertThat(numbersOn(search(Map.of("q", q, "stage", "DATA_PROTECTION")).body())).isEmpty();
        String inReviewOnly = search(Map.of("q", q, "stage", "CYBERSECURITY_REVIEW")).body();
        assertThat(numbersOn(inReviewOnly)).containsExactly(inReview.toString());
        assertThat(rows(inReviewOnly, "results")).anySatisfy(row -> assertThat(row).contains(inReview.toString())
                .contains("Cybersecurity review").doesNotContain("Data-protection checks"));
    }

    @Test
    void pagesThroughTheResultsWithTheTotalOnEveryPage() {
        String suffix = unique();
        Company company = cases.register("分页" + suffix + "有限公司", "Paging " + suffix + " Ltd.");
        List<String> numbers = List.of(cases.submit(company, 100_000L).toString(), cases.submit(company, 100_000L).toString(),
                cases.submit(company, 100_000L).toString(), cases.submit(company, 100_000L).toString(),
                cases.submit(company, 100_000L).toString());
        String q = "分页" + suffix;

        String first = search(Map.of("q", q, "size", "2", "sort", "number,asc")).body();
        assertThat(numbersOn(first)).containsExactly(numbers.get(0), numbers.get(1));
        assertThat(text(section(first, "total"))).isEqualTo("Applications found: 5 Showing 1–2 of 5");
        assertThat(first).contains("Page 1 of 3");

        String last = search(Map.of("q", q, "size", "2", "sort", "number,asc", "page", "2")).body();
        assertThat(numbersOn(last)).containsExactly(numbers.get(4));
        assertThat(text(section(last, "total"))).isEqualTo("Applications found: 5 Showing 5–5 of 5");

        String beyond = search(Map.of("q", q, "size", "2", "page", "7")).body();
        assertThat(numbersOn(beyond)).isEmpty();
        assertThat(text(section(beyond, "total"))).startsWith("Applications found: 5");

        // The page's own links keep the search and the order.
        assertThat(first).containsPattern("href=\"/staff/applications\\?q=[^\"]*&amp;size=2&amp;sort=number,asc&amp;page=1\" rel=\"next\"");
    }

    @Test
    void sortsByNumberCompanyStatusAndSubmissionInEitherDirection() {
        String suffix = unique();
        Company beta = cases.register("排序" + suffix + "B有限公司", "Sorting " + suffix + " B Ltd.");
        Company alpha = cases.register("排序" + suffix + "A有限公司", "Sorting " + suffix + " A Ltd.");
        String b1 = cases.submit(beta, 100_000L).toString();
        String a1 = cases.submit(alpha, 100_000L).toString();
        ApplicationNumber b2 = cases.submit(beta, 100_000L);
        workflow.withdraw(b2, "compliance", "Not now.");
        String q = "Sorting " + suffix;

        assertThat(numbersOn(search(Map.of("q", q, "sort", "number")).body())).containsExactly(b1, a1, b2.toString());
        assertThat(numbersOn(search(Map.of("q", q, "sort", "number,desc")).body())).containsExactly(b2.toString(), a1, b1);
        assertThat(numbersOn(search(Map.of("q", q)).body())).as("newest first").containsExactly(b2.toString(), a1, b1);
        assertThat(numbersOn(search(Map.of("q", q, "sort", "submitted,asc")).body())).containsExactly(b1, a1, b2.toString());
        assertThat(numbersOn(search(Map.of("q", q, "sort", "company,asc")).body())).containsExactly(a1, b1, b2.toString());
        assertThat(numbersOn(search(Map.of("q", q, "sort", "company,desc")).body())).containsExactly(b2.toString(), b1, a1);
        assertThat(numbersOn(search(Map.of("q", q, "sort", "status,asc")).body())).containsExactly(b1, a1, b2.toString());
        assertThat(numbersOn(search(Map.of("q", q, "sort", "status,desc")).body())).containsExactly(b2.toString(), a1, b1);
    }

    @Test
    void wrongParametersGetAClearMessageOnThePageNotAnError() {
        assertRefused(Map.of("sort", "password"), "Cannot sort by 'password'. Sort by submitted, number, company or status");
        assertRefused(Map.of("sort", "number,sideways"), "Cannot sort by 'number,sideways'.");
        assertRefused(Map.of("page", "-1"), "The page number is a whole number from 0 up; '-1' is not.");
        assertRefused(Map.of("page", "two"), "The page number is a whole number from 0 up; 'two' is not.");
        assertRefused(Map.of("size", "0"), "The page size is a whole number from 1 to 100; '0' is not.");
        assertRefused(Map.of("size", "100000"), "The page size is a whole number from 1 to 100; '100000' is not.");
        assertRefused(Map.of("status", "APPROVED"), "There is no status 'APPROVED'. Choose one of SUBMITTED, FILED");
        assertRefused(Map.of("stage", "<script>"), "There is no stage '<script>'.");
        assertRefused(Map.of("overdue", "maybe"), "Deadline filter 'maybe' is not understood");
        assertRefused(Map.of("q", "x".repeat(201)), "The search text may have at most 200 characters.");

        HttpResponse<String> chinese = search(Map.of("sort", "password", "lang", "zh_CN"));
        assertThat(chinese.statusCode()).isEqualTo(400);
        assertThat(text(section(chinese.body(), "search-errors"))).contains("无法按“password”排序");
    }

    @Test
    void theSearchPageStillListsApplicationsWhenAParameterIsWrong() {
        ApplicationNumber number = cases.submit(cases.demoCompany(), 500_000L);
        HttpResponse<String> page = search(Map.of("q", number.toString(), "page", "-5"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(numbersOn(page.body())).containsExactly(number.toString());
        assertThat(page.body()).contains("value=\"" + number + "\"");
    }

    @Test
    void theDeadlineColumnSaysWhenTheCaseIsDueAndHowManyWorkingDaysAreLeft() {
        ApplicationNumber onTime = cases.submit(cases.demoCompany(), 500_000L);
        Date due = cases.openTask(onTime, "Task_IntakeCheck").getDueDate();
        LocalDate dueDay = due.toInstant().atZone(BEIJING).toLocalDate();
        int left = calendar.workingDaysBetween(LocalDate.now(BEIJING), dueDay);
        assertThat(left).as("the 5 working days of the intake check").isEqualTo(5);

        assertThat(deadlineOf(onTime, "en-GB")).isEqualTo(dueDay + " due in 5 working days");
        assertThat(deadlineOf(onTime, "zh-CN")).isEqualTo(dueDay + " 还剩 5 个工作日");

        // A task left past its due date: the days it is late.
        ApplicationNumber late = cases.submit(cases.demoCompany(), 500_000L);
        Task intake = cases.openTask(late, "Task_IntakeCheck");
        LocalDate pastDay = LocalDate.now(BEIJING);
        while (calendar.workingDaysBetween(LocalDate.now(BEIJING), pastDay) > -3) {
            pastDay = pastDay.minusDays(1);
        }
        intake.setDueDate(Date.from(pastDay.atTime(23, 59, 59).atZone(BEIJING).toInstant()));
        tasks.saveTask(intake);
        assertThat(deadlineOf(late, "en-GB")).isEqualTo(pastDay + " 3 working days overdue");
        assertThat(deadlineOf(late, "zh-CN")).isEqualTo(pastDay + " 已逾期 3 个工作日");
    }

    /** The deadline cell of the case's row, as a reader of this language sees it. */
    private String deadlineOf(ApplicationNumber number, String language) {
        Browserless reader = new Browserless(port, "Accept-Language", language);
        reader.login("csrc", "demo");
        HttpResponse<String> page = reader.get("/staff/applications?q=" + number);
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> rows = rows(page.body(), "results");
        assertThat(rows).hasSize(2);
        String[] cells = rows.get(1).split(" \\| ");
        return cells[cells.length - 1];
    }

    private void assertRefused(Map<String, String> parameters, String message) {
        HttpResponse<String> page = search(parameters);
        assertThat(page.statusCode()).as(parameters.toString()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(text(section(page.body(), "search-errors"))).as(parameters.toString()).contains(message);
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("Exception");
    }

    private HttpResponse<String> search(Map<String, String> parameters) {
        var query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return staff.get("/staff/applications" + query);
    }

    /** The application numbers listed in the result table, in order. */
    private static List<String> numbersOn(String html) {
        if (!html.contains("id=\"results\"")) {
            return List.of();
        }
        return rows(html, "results").stream().skip(1).map(row -> row.substring(0, row.indexOf(" | "))).toList();
    }
}
