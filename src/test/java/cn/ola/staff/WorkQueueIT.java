package cn.ola.staff;

import static cn.ola.staff.StaffTestCases.rows;
import static cn.ola.staff.StaffTestCases.section;
import static cn.ola.staff.StaffTestCases.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ola.company.Companies;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplications;
import cn.ola.security.Roles;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.ProcessVariables;

/**
 * The staff work queue at {@code /staff/tasks}: an officer's own tasks and their groups', with the
 * case, the step and its stage in the officer's language, the due date and the working days left,
 * overdue first; filtered by task, stage or case; and in step with the engine through claims, new
 * due dates, candidate groups added and removed, completions and withdrawals.
 */
@DevSystemTest
class WorkQueueIT {

    private static final String DEMO_COMPANY_NAME = "示例数据科技股份有限公司";

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
    WorkQueue queue;
    @Autowired
    WorkQueueRecorder recorder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Deadlines deadlines;

    private StaffTestCases cases() {
        return new StaffTestCases(companies, applications, workflow, tasks, identity);
    }

    @Test
    void anOfficerFindsANewCasesIntakeByItsNumberInTheirLanguageAndFollowsItToTasklistAndTheCaseFile() {
        StaffTestCases cases = cases();
        ApplicationNumber number = cases.submit(cases.demoCompany(), 500_000L);
        Task intake = cases.openTask(number, "Task_IntakeCheck");
        String due = intake.getDueDate().toInstant().atZone(Deadlines.BEIJING).format(DateTimeFormatter.ISO_LOCAL_DATE);
        int left = deadlines.workingDaysLeft(intake.getDueDate());

        Browserless english = new Browserless(port, "Accept-Language", "en-GB");
        english.login("csrc", "demo");
        HttpResponse<String> page = english.get("/staff/tasks?number=" + number);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(rows(page.body(), "queue")).containsExactly(
                "Application | Company | Task | Stage | Due | Taken by | Open",
                number + " | " + DEMO_COMPANY_NAME + " | Check the application at intake | CSRC intake check | " + due
                        + " due in " + left + " working days | Not taken yet | Task in Tasklist Case file");
        assertThat(page.body()).contains("href=\"/camunda/app/tasklist/default/#/?task=" + intake.getId() + "\"")
                .contains("href=\"/staff/applications/" + number + "\"");
        assertThat(text(section(page.body(), "total"))).startsWith("Open tasks: 1");

        Browserless chinese = new Browserless(port, "Accept-Language", "zh-CN,zh;q=0.9");
        chinese.login("csrc", "demo");
        assertThat(rows(chinese.get("/staff/tasks?number=" + number).body(), "queue")).containsExactly(
                "申请 | 企业 | 任务 | 阶段 | 办理期限 | 办理人 | 打开",
                number + " | " + DEMO_COMPANY_NAME + " | 受理审查 | 证监会受理审查 | " + due + " 剩余 " + left
                        + " 个工作日 | 尚未认领 | 在任务列表中办理 案卷");

        // The review office's reviewers have nothing of this case yet: the intake is the CSRC's.
        Browserless reviewer = new Browserless(port);
        reviewer.login("cro", "demo");
        assertThat(reviewer.get("/staff/tasks?number=" + number).body()).doesNotContain("data-task=")
                .contains("No open task matches.");
    }

    @Test
    void theQueueFollowsTheCaseThroughClaimCompletionNewDueDateGroupsAndWithdrawal() {
        StaffTestCases cases = cases();
        ApplicationNumber number = cases.submit(cases.demoCompany(), 3_000_000L);
        Browserless csrc = new Browserless(port, "Accept-Language", "en-GB");
        csrc.login("csrc", "demo");
        Browserless cro = new Browserless(port, "Accept-Language", "en-GB");
        cro.login("cro", "demo");

        // Claimed: the officer reads "You", a colleague of the group reads the officer's name.
        Task intake = cases.openTask(number, "Task_IntakeCheck");
        tasks.claim(intake.getId(), "csrc");
        assertThat(queueRows(csrc, number)).singleElement().asString().contains("| You |");
        assertThat(queue.page(new WorkQueue.Query("another-officer", Set.of(Roles.CSRC_OFFICER), null, null, number.toString()),
                Instant.now(), 0, 50).entries()).singleElement().extracting(WorkQueue.Entry::assignee).isEqualTo("csrc");

        // Completed: gone from the CSRC's queue; the reviewers now have the cybersecurity review and the data checks.
        tasks.complete(intake.getId(), Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        assertThat(queueRows(csrc, number)).isEmpty();
        assertThat(queueRows(cro, number))
                .anySatisfy(row -> assertThat(row).contains("| Check the materials and decide whether a review is needed | Cybersecurity review |"))
                .anySatisfy(row -> assertThat(row).contains("| Review the PI protection self-assessment | Data-protection checks |"));
        assertThat(queueRows(cro, number, "&stage=CYBERSECURITY_REVIEW")).singleElement().asString()
                .contains("Check the materials and decide whether a review is needed");
        assertThat(queueRows(cro, number, "&task=Task_ReviewPiSelfAssessment")).singleElement().asString()
                .contains("Review the PI protection self-assessment");

        // A due date moved into the past: the task is overdue and leads.
        Task materials = cases.openTask(number, "Task_CheckMaterials");
        Date past = Date.from(Instant.now().minus(10, ChronoUnit.DAYS));
        tasks.setDueDate(materials.getId(), past);
        List<String> rows = queueRows(cro, number);
        assertThat(rows.get(0)).contains("Check the materials").contains("overdue by " + -deadlines.workingDaysLeft(past)
                + " working days").contains("OVERDUE");

        // A group asked in addition sees the task; taken away again, it does not.
        Browserless ndrc = new Browserless(port, "Accept-Language", "en-GB");
        ndrc.login("ndrc", "demo");
        tasks.addCandidateGroup(materials.getId(), Roles.MEMBER_AGENCY_PREFIX + "ndrc");
        assertThat(queueRows(ndrc, number)).singleElement().asString().contains("Check the materials");
        tasks.deleteCandidateGroup(materials.getId(), Roles.MEMBER_AGENCY_PREFIX + "ndrc");
        assertThat(queueRows(ndrc, number)).isEmpty();

        // Withdrawn: nothing of the case is left in anyone's queue.
        workflow.withdraw(number, "compliance", "The company postpones its listing.");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).list()).as("open tasks after the withdrawal")
                .isEmpty();
        assertThat(queueRows(cro, number)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_queue WHERE application_number = ?").param(number.toString())
                .query(Long.class).single()).isZero();
    }

    @Test
    void oneViewerSeesEachTaskOnceEarliestDueFirstAcrossTheirGroupsAndOwnTasks() {
        StaffTestCases cases = cases();
        String group = "queue-test-" + StaffTestCases.unique();
        String user = "queue-officer-" + StaffTestCases.unique();
        ApplicationNumber first = cases.submit(cases.demoCompany(), 500_000L);
        ApplicationNumber second = cases.submit(cases.demoCompany(), 500_000L);
        ApplicationNumber third = cases.submit(cases.demoCompany(), 500_000L);
        Task a = cases.openTask(first, "Task_IntakeCheck");
        Task b = cases.openTask(second, "Task_IntakeCheck");
        Task c = cases.openTask(third, "Task_IntakeCheck");
        Instant now = Instant.now();
        tasks.setDueDate(a.getId(), Date.from(now.plus(3, ChronoUnit.DAYS)));
        tasks.setDueDate(b.getId(), Date.from(now.minus(2, ChronoUnit.DAYS)));
        tasks.setDueDate(c.getId(), null);
        tasks.addCandidateGroup(a.getId(), group);
        tasks.addCandidateGroup(b.getId(), group);
        tasks.setAssignee(b.getId(), user);
        tasks.setAssignee(c.getId(), user);

        WorkQueue.Page page = queue.page(new WorkQueue.Query(user, Set.of(group), null, null, null), now, 0, 50);
        assertThat(page.entries()).extracting(WorkQueue.Entry::taskId).containsExactly(b.getId(), a.getId(), c.getId());
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.overdue()).isEqualTo(1);
        assertThat(queue.page(new WorkQueue.Query(user, Set.of(group), null, null, null), now, 1, 2).entries())
                .extracting(WorkQueue.Entry::taskId).containsExactly(c.getId());
    }

    @Test
    void atStartTheQueueCatchesUpWithTasksItMissedAndForgetsTasksThatAreGone() {
        StaffTestCases cases = cases();
        ApplicationNumber number = cases.submit(cases.demoCompany(), 500_000L);
        Task intake = cases.openTask(number, "Task_IntakeCheck");
        jdbc.sql("DELETE FROM work_queue WHERE task_id = ?").param(intake.getId()).update();
        jdbc.sql("""
                INSERT INTO work_queue (viewer, task_id, due_order, created_at, task_key, task_name, process_instance_id)
                VALUES ('group:csrc-officer', 'no-such-task', 0, CURRENT_TIMESTAMP, 'Task_IntakeCheck', 'gone', 'none')""")
                .update();

        recorder.catchUp();

        assertThat(jdbc.sql("SELECT viewer FROM work_queue WHERE task_id = ?").param(intake.getId()).query(String.class).list())
                .containsExactly("group:" + Roles.CSRC_OFFICER);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_queue WHERE task_id = 'no-such-task'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aWrongFilterIsNamedAndTheQueueShowsWithoutIt() {
        Browserless csrc = new Browserless(port, "Accept-Language", "en-GB");
        csrc.login("csrc", "demo");
        HttpResponse<String> page = csrc.get("/staff/tasks?stage=NOWHERE&task=Task_Nothing&number=12345&page=x");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(text(section(page.body(), "queue-errors"))).contains("There is no stage 'NOWHERE'")
                .contains("There is no staff task 'Task_Nothing'")
                .contains("'12345' is not an application number")
                .contains("'x' is not a page number");
        assertThat(page.body()).contains("value=\"12345\"").contains("id=\"total\"");
    }

    private static List<String> queueRows(Browserless who, ApplicationNumber number) {
        return queueRows(who, number, "");
    }

    private static List<String> queueRows(Browserless who, ApplicationNumber number, String filters) {
        HttpResponse<String> page = who.get("/staff/tasks?number=" + number + filters);
        assertThat(page.statusCode()).isEqualTo(200);
        if (!page.body().contains("id=\"queue\"")) {
            return List.of();
        }
        List<String> rows = rows(page.body(), "queue");
        return rows.subList(1, rows.size());
    }
}
