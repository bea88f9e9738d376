package cn.ola.staff;

import static cn.ola.staff.StaffTestCases.rows;
import static cn.ola.staff.StaffTestCases.section;
import static cn.ola.staff.StaffTestCases.text;
import static cn.ola.staff.StaffTestCases.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.DocumentStore;
import cn.ola.filing.ListingApplications;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.workflow.CaseWorkflow;

/** The staff case view on the running system, as a reviewer or officer sees it. */
@DevSystemTest
class StaffCaseViewIT {

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
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentStore documents;

    StaffTestCases cases;

    @BeforeEach
    void setUp() {
        cases = new StaffTestCases(companies, applications, workflow, tasks, identity);
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void theScreeningTraceShowsEachResultWithItsReasonTheRuleThatFiredAndItsInputs() {
        ApplicationNumber number = cases.submit(cases.demoCompany(), 3_200_000L);

        HttpResponse<String> page = signedIn("cro").get("/staff/applications/" + number);

        assertThat(page.statusCode()).isEqualTo(200);
        String review = text(section(page.body(), "decision-cybersecurity-review-requirement"));
        assertThat(review)
                .contains("Cybersecurity review requirement Mandatory")
                .contains("Reason: Network platform operator holding personal information of 3,200,000 users (more than 1,000,000), "
                        + "listing abroad on New York Stock Exchange: a cybersecurity review is mandatory")
                .contains("Rule that fired: rule 4 of the table — Art. 7: more than 1,000,000 users and a listing abroad.")
                .doesNotContain("Rule_Cyber_ListingAbroad")
                .contains("Users whose personal information is held 3,200,000")
                .contains("Network platform operator Yes")
                .contains("Venue country or region United States")
                .contains("Critical information infrastructure operator No")
                .contains("Listed abroad on Not given");
        assertThat(text(section(page.body(), "decision-negative-list"))).contains("No circumstance applies")
                .contains("Art. 8(1) prohibited by law No");
        assertThat(text(section(page.body(), "decision-pi-export-route"))).contains("Standard contract")
                .contains("People whose non-sensitive personal information was exported since 1 January 150,000");
        assertThat(text(section(page.body(), "decision-industry-prior-approval"))).contains("Industry prior approval None")
                .contains("rule 4 of the table — Every other industry needs no prior approval.")
                .contains("Industry Software and IT services").contains("Regulator None");
        assertThat(page.body()).contains("id=\"decision-listing-type\"", "id=\"decision-state-cloud-migration\"")
                .contains("title=\"Rule_Cyber_ListingAbroad\"");
    }

    @Test
    void theCaseViewShowsEverythingTheCompanyFiledAndWhereTheCaseStands() {
        String suffix = unique();
        Company company = cases.register("华东云链数据股份有限公司" + suffix, "East China Cloudchain Data Co., Ltd. " + suffix);
        var facts = StaffTestCases.stateOwnedPlatformOnNyse(800_000L, "上海市国资委");
        ApplicationNumber number = cases.submit(company, facts,
                List.of(new ListingApplications.CloudContract("某第三方云服务有限公司", LocalDate.of(2022, 6, 30))));

        String body = signedIn("csrc").get("/staff/applications/" + number).body();

        assertThat(text(section(body, "case-status"))).startsWith("Submitted");
        assertThat(text(section(body, "case-stage"))).startsWith("CSRC intake check");
        assertThat(body).doesNotContain("id=\"overdue-mark\"");
        assertThat(text(section(body, "facts-company"))).contains("华东云链数据股份有限公司" + suffix)
                .contains("East China Cloudchain Data Co., Ltd. " + suffix).contains(company.creditCode().value())
                .contains("王芳 Wang Fang").contains("ir@example.cn").contains("+86 21 5000 0000");
        assertThat(text(section(body, "facts-listing"))).contains("Listing type Indirect listing").contains("Exchange New York Stock Exchange")
                .contains("Offshore issuer Example Data Holdings Ltd. (Cayman)").contains("Offering Initial public offering");
        assertThat(text(section(body, "facts-data"))).contains("Users whose personal information is held 800,000")
                .contains("Network platform operator Yes").contains("Handles important data No");
        assertThat(text(section(body, "facts-business"))).contains("Domestic share of revenue 92.50 %")
                .contains("Industry Software and IT services").contains("Previously listed abroad on Not given");
        assertThat(text(section(body, "facts-declarations"))).contains("(2) May endanger national security No");
        assertThat(text(section(body, "facts-state-assets"))).contains("State-owned assets supervisor 上海市国资委")
                .contains("State-cloud migration status In progress").contains("某第三方云服务有限公司 2022-06-30");
        assertThat(text(section(body, "decision-state-cloud-migration"))).contains("State-cloud data migration Yes")
                .contains("rule 3 of the table — Contract end plus two months comes before the configured deadline.")
                .contains("Earliest cloud contract end plus two months 2022-08-30")
                .contains("Migration deadline 2022-08-30");
    }

    @Test
    void openTasksShowTheirCandidateGroupsAndLinkIntoTasklist() {
        ApplicationNumber number = cases.submit(cases.demoCompany(), 3_200_000L);
        Task intake = cases.openTask(number, "Task_IntakeCheck");

        String body = signedIn("csrc").get("/staff/applications/" + number).body();

        assertThat(rows(body, "open-tasks")).anySatisfy(row -> assertThat(row)
                .contains("Check the application at intake").contains("csrc-officer").contains("Not claimed"));
        assertThat(body).contains("href=\"/camunda/app/tasklist/default/#/?task=" + intake.getId() + "\"");
    }

    @Test
    void eachRunningDeadlineShowsItsDueDateAndTheWorkingDaysLeft() {
        ApplicationNumber number = cases.submit(cases.demoCompany(), 3_200_000L);
        Date due = cases.openTask(number, "Task_IntakeCheck").getDueDate();

        String body = signedIn("csrc").get("/staff/applications/" + number).body();

        String intake = rows(body, "deadlines").stream().filter(row -> row.contains("CSRC intake check (5 WD)")).findFirst().orElseThrow();
        assertThat(intake).contains("CSRC intake check (5 WD)").contains("Overseas listing")
                .contains(due.toInstant().atZone(cn.ola.workflow.Deadlines.BEIJING).toLocalDate().toString())
                .contains("| 5 |").contains("Running");
    }

    @Test
    void whileTheApplicantSuppliesMaterialsTheOfficersClockStopsAndTheApplicantsRuns() {
        ApplicationNumber number = cases.submit(cases.demoCompany(), 3_200_000L);
        cases.completeAs("csrc", "csrc-officer", number, "Task_IntakeCheck",
                Map.of("intakeOutcome", "CORRECTIONS_NEEDED", "reasons", "请补充境内法律意见书。"));

        String body = signedIn("csrc").get("/staff/applications/" + number).body();

        List<String> clocks = rows(body, "deadlines");
        assertThat(clocks).anySatisfy(row -> assertThat(row).contains("CSRC intake check (5 WD)").contains("| 5 |").contains("Stopped"));
        assertThat(clocks).anySatisfy(row -> assertThat(row).contains("Applicant's answer to a request for materials (30 WD)").contains("Supplementary materials")
                .contains("| 30 |").contains("Running"));
        assertThat(rows(body, "open-tasks")).anySatisfy(row -> assertThat(row).contains("Supply the requested materials")
                .contains("company-" + StaffTestCases.DEMO_COMPANY).contains("Waiting for the applicant (portal)")
                .doesNotContain("Open in Tasklist"));
    }

    @Test
    void aPassedDeadlineMarksTheCaseOverdueWithNegativeWorkingDaysAndAnEscalationInTheTimeline() {
        ApplicationNumber number = cases.submit(cases.demoCompany(), 3_200_000L);
        String caseId = cases.openTask(number, "Task_IntakeCheck").getProcessInstanceId();

        // Four weeks on, the intake check is long overdue and its timer fires.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(28))));
        Job timer = management.createJobQuery().processInstanceId(caseId).timers().singleResult();
        try {
            if (timer != null) {
                management.executeJob(timer.getId());
            }
        } catch (ProcessEngineException takenByTheJobExecutor) {
            // The job executor saw the moved clock too and fired the timer first; either way it fires once.
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.openTask(number, "Task_FollowUpIntakeCheck") != null);

        String body = signedIn("supervisor").get("/staff/applications/" + number).body();

        assertThat(body).contains("id=\"overdue-mark\"");
        assertThat(text(section(body, "overdue-mark"))).contains("OVERDUE");
        String intake = rows(body, "deadlines").stream().filter(row -> row.contains("CSRC intake check (5 WD)")).findFirst().orElseThrow();
        assertThat(intake).contains("Running").contains("OVERDUE").containsPattern("\\| -\\d+ OVERDUE \\| Running");
        assertThat(rows(body, "open-tasks")).anySatisfy(row -> assertThat(row)
                .contains("Follow up the overdue intake check").contains("supervisor"));
        assertThat(rows(body, "timeline")).anySatisfy(row -> assertThat(row)
                .contains("Timer fired").contains("5 working days passed"));
        assertThat(rows(body, "timeline")).anySatisfy(row -> assertThat(row)
                .contains("Deadline passed").contains("CSRC intake check (5 WD)").contains("Overdue"));
    }

    @Test
    void theTimelineShowsWhoCompletedEachTaskWithTheDecisionTheyRecorded() {
        ApplicationNumber number = cases.submit(cases.demoCompany(), 3_200_000L);
        cases.completeAs("csrc", "csrc-officer", number, "Task_IntakeCheck",
                Map.of("intakeOutcome", "COMPLETE", "reasons", "材料齐全，予以受理。"));
        cases.completeAs("cro", "cro-reviewer", number, "Task_ReviewPiSelfAssessment",
                Map.of("selfAssessmentOutcome", "ACCEPTED"));

        String body = signedIn("cro").get("/staff/applications/" + number).body();

        // The export evidence is still to be checked: the case waits on the review and on the data-protection checks.
        assertThat(text(section(body, "case-stage"))).contains("Cybersecurity review").contains("Data-protection checks")
                .doesNotContain("CYBERSECURITY_REVIEW");
        List<String> timeline = rows(body, "timeline");
        assertThat(timeline).anySatisfy(row -> assertThat(row).contains("csrc").contains("Task completed")
                .contains("Check the application at intake").contains("Complete").contains("Reasons: 材料齐全，予以受理。")
                .doesNotContain("intakeOutcome").doesNotContain("COMPLETE"));
        assertThat(timeline).anySatisfy(row -> assertThat(row).contains("cro").contains("Task completed")
                .contains("Review the PI protection self-assessment").contains("Accepted"));
        assertThat(timeline).anySatisfy(row -> assertThat(row).contains("csrc").contains("Outcome recorded")
                .contains("CSRC intake check").contains("Complete"));
        assertThat(timeline).anySatisfy(row -> assertThat(row).contains("Sub-process started").contains("Cybersecurity review"));
        assertThat(indexOf(timeline, "Submitted")).isLessThan(indexOf(timeline, "Check the application at intake"));
        assertThat(indexOf(timeline, "Check the application at intake"))
                .isLessThan(indexOf(timeline, "Review the PI protection self-assessment"));
        // The intake clock went with the intake check; the office's clock for the review decision runs.
        assertThat(rows(body, "deadlines")).noneMatch(row -> row.contains("CSRC intake check (5 WD)"))
                .anySatisfy(row -> assertThat(row).contains("Decision whether a cybersecurity review is needed (10 WD)").contains("Cybersecurity review")
                        .contains("| 10 |").contains("Running"));
    }

    @Test
    void documentsAreListedAndDownloadedAsAttachments() {
        ApplicationNumber number = cases.submit(cases.demoCompany(), 500_000L);
        long applicationId = applications.find(number).orElseThrow().id();
        String key = "staff-it-" + unique();
        long documentId = documents.store(applicationId, "PRC_LEGAL_OPINION", "法律意见书.txt", "text/plain",
                "境内法律意见书 — PRC legal opinion".getBytes(StandardCharsets.UTF_8), "compliance").id();
        long htmlId = documents.store(applicationId, "SUPPLEMENT", "page.html", "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "compliance").id();
        // A row whose bytes never reached the store.
        long missingId = storeDocument(applicationId, "PROSPECTUS", "prospectus.pdf", "application/pdf", key + "-gone");

        Browserless staff = signedIn("csrc");
        String body = staff.get("/staff/applications/" + number).body();
        assertThat(rows(body, "documents")).anySatisfy(row -> assertThat(row)
                .startsWith("PRC legal opinion |").contains("法律意见书.txt").contains("compliance"));

        HttpResponse<String> download = staff.get("/staff/applications/" + number + "/documents/" + documentId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("境内法律意见书 — PRC legal opinion");
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment").contains("filename*=UTF-8''%E6%B3%95%E5%BE%8B%E6%84%8F%E8%A7%81%E4%B9%A6.txt"));

        HttpResponse<String> html = staff.get("/staff/applications/" + number + "/documents/" + htmlId);
        assertThat(html.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(html.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        assertThat(staff.get("/staff/applications/" + number + "/documents/" + missingId).statusCode()).isEqualTo(404);
        assertThat(staff.get("/staff/applications/" + number + "/documents/not-a-number").statusCode()).isEqualTo(404);
        ApplicationNumber other = cases.submit(cases.demoCompany(), 500_000L);
        HttpResponse<String> elsewhere = staff.get("/staff/applications/" + other + "/documents/" + documentId);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(text(section(elsewhere.body(), "not-found"))).contains("There is no document " + documentId);
    }

    @Test
    void anUnknownOrMalformedNumberIsNotFound() {
        Browserless staff = signedIn("csrc");
        HttpResponse<String> unknown = staff.get("/staff/applications/OLA-1999-999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(text(section(unknown.body(), "not-found"))).isEqualTo("There is no submitted application OLA-1999-999999.");
        assertThat(staff.get("/staff/applications/no-such-thing").statusCode()).isEqualTo(404);
        assertThat(staff.get("/staff/applications/OLA-1999-999999/audit").statusCode()).isEqualTo(404);
        assertThat(staff.get("/staff/applications/OLA-1999-999999/audit.csv").statusCode()).isEqualTo(404);
        assertThat(staff.get("/staff/applications/OLA-1999-999999/documents/1").statusCode()).isEqualTo(404);
    }

    @Test
    void aCompanyUserIsRefusedEveryStaffPage() {
        ApplicationNumber number = cases.submit(cases.demoCompany(), 500_000L);
        Browserless company = signedIn("compliance");
        for (String path : List.of("/staff/applications", "/staff/applications?q=OLA", "/staff/applications/" + number,
                "/staff/applications/" + number + "/audit", "/staff/applications/" + number + "/audit.csv",
                "/staff/applications/" + number + "/documents/1", "/staff/applications/OLA-1999-999999")) {
            assertThat(company.get(path).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void staffFindTheSearchOnTheHomePageAndCompanyUsersDoNot() {
        assertThat(signedIn("ndrc").get("/").body()).contains("href=\"/staff/applications\"")
                .contains("Find applications and open the case view");
        assertThat(signedIn("compliance").get("/").body()).doesNotContain("/staff/applications");
    }

    @Test
    void theCaseViewSpeaksChinese() {
        ApplicationNumber number = cases.submit(cases.demoCompany(), 3_200_000L);
        Browserless staff = signedIn("csrc");

        String body = staff.get("/staff/applications/" + number + "?lang=zh_CN").body();

        assertThat(text(section(body, "case-status"))).startsWith("已提交");
        assertThat(body).contains("初筛决策").contains("网络安全审查要求").contains("剩余工作日").contains("时间线");
    }

    private long storeDocument(long applicationId, String kind, String filename, String contentType, String key) {
        jdbc.sql("""
                INSERT INTO documents (application_id, kind, original_filename, content_type, size_bytes, sha256, storage_key,
                    uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, kind, filename, contentType, 40L, "0".repeat(64), key, "compliance",
                        Timestamp.from(Instant.now()))
                .update();
        return jdbc.sql("SELECT id FROM documents WHERE storage_key = ?").param(key).query(Long.class).single();
    }

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless(port);
        browser.login(user, "demo");
        return browser;
    }

    private static int indexOf(List<String> rows, String text) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("No row with " + text + " in " + rows);
    }
}
