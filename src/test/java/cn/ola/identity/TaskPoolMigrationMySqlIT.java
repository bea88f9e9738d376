package cn.ola.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.ola.OverseasListingApplication;
import cn.ola.company.Companies;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ListingApplications;
import cn.ola.security.Roles;
import cn.ola.support.MySqlDatabase;
import cn.ola.support.PlatformFacts;
import cn.ola.support.StaffTasks;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.MemberAgencies.Agency;
import cn.ola.workflow.ProcessVariables;

/**
 * An installation that wrote Camunda's authorization rows per task, with cases running, starts
 * with the pooled groups' definition grants: the rows the grants cover go (the pooled groups' and
 * their claimed tasks' assignee rows, and each member agency's rows on its own opinion's
 * definition), an opinion still open on the one definition all agencies once shared moves to its
 * agency's own and loses its rows too, everybody sees what they saw before and nothing more, and a
 * second run changes nothing. On MySQL, where the migration's SQL must run.
 */
@ExtendWith(MySqlDatabase.class)
class TaskPoolMigrationMySqlIT {

    static final UnifiedSocialCreditCode DEMO_COMPANY = UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q");

    @TempDir
    Path dataDir;

    @Test
    void rowsPerTaskThatTheGrantsCoverAreRemovedAndEveryoneSeesWhatTheySawBefore() throws Exception {
        String atIntake;
        String consulted;
        String claimedIntake;
        String sharedOpinion;
        try (ConfigurableApplicationContext before = start(false)) {
            CaseWorkflow workflow = before.getBean(CaseWorkflow.class);
            ListingApplications applications = before.getBean(ListingApplications.class);
            long company = before.getBean(Companies.class).findByCreditCode(DEMO_COMPANY).orElseThrow().id();
            StaffTasks staff = new StaffTasks(before.getBean(TaskService.class), before.getBean(IdentityService.class));
            atIntake = workflow.submit(applications.createDraft(company, largePlatform(), List.of()), "compliance").toString();
            consulted = workflow.submit(applications.createDraft(company, largePlatform(), List.of()), "compliance").toString();
            staff.completeAs("csrc", Roles.CSRC_OFFICER, consulted, "Task_IntakeCheck",
                    Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
            staff.completeAs("cro", Roles.CRO_REVIEWER, consulted, "Task_CheckMaterials",
                    Map.of(ProcessVariables.MATERIALS_OUTCOME, "REVIEW_NEEDED", ProcessVariables.REVIEW_COMPLEX, false));
            staff.completeAs("cro", Roles.CRO_REVIEWER, consulted, "Task_InitialReview", Map.of(ProcessVariables.INITIAL_OPINION,
                    "NO_CONCERN", Agency.NDRC.consultVariable(), true, ProcessVariables.REASONS, "No concern."));
            TaskService tasks = before.getBean(TaskService.class);
            claimedIntake = tasks.createTaskQuery().processInstanceBusinessKey(atIntake).taskDefinitionKey("Task_IntakeCheck")
                    .singleResult().getId();
            tasks.claim(claimedIntake, "csrc");

            AuthorizationService authorizations = before.getBean(AuthorizationService.class);
            assertThat(taskRows(authorizations, claimedIntake)).as("the intake check's rows: csrc-officer's and the assignee's")
                    .containsExactlyInAnyOrder("group:" + Roles.CSRC_OFFICER, "user:csrc");
            assertThat(rowsOfCase(before, consulted)).as("rows per task of the consulted case")
                    .contains("group:" + Roles.CRO_REVIEWER, "group:review-member-agency-ndrc");

            // An opinion asked of MIIT under the one definition that every agency used to share.
            sharedOpinion = startSharedOpinion(before, consulted, Agency.MIIT);
            assertThat(taskRows(authorizations, sharedOpinion)).containsExactly("group:review-member-agency-miit");
            assertThat(visibleTaskKeys(tasks, before.getBean(IdentityService.class), "miit", "review-member-agency-miit",
                    consulted)).containsExactly("Task_AgencyOpinion");
        }

        try (ConfigurableApplicationContext after = start(true)) {
            AuthorizationService authorizations = after.getBean(AuthorizationService.class);
            assertThat(taskRows(authorizations, claimedIntake)).as("the intake check's rows after the migration").isEmpty();
            assertThat(rowsOfCase(after, consulted)).as("rows per task of the consulted case after the migration").isEmpty();
            Task moved = after.getBean(TaskService.class).createTaskQuery().taskId(sharedOpinion).singleResult();
            assertThat(after.getBean(RepositoryService.class).getProcessDefinition(moved.getProcessDefinitionId()).getKey())
                    .as("the shared opinion's definition after the start").isEqualTo(Agency.MIIT.opinionProcess());

            TaskService tasks = after.getBean(TaskService.class);
            IdentityService identity = after.getBean(IdentityService.class);
            assertThat(visibleTaskKeys(tasks, identity, "csrc", Roles.CSRC_OFFICER, atIntake)).containsExactly("Task_IntakeCheck");
            assertThat(visibleTaskKeys(tasks, identity, "supervisor", Roles.SUPERVISOR, atIntake)).containsExactly("Task_IntakeCheck");
            assertThat(visibleTaskKeys(tasks, identity, "ndrc", "review-member-agency-ndrc", consulted))
                    .containsExactly("Task_AgencyOpinion");
            assertThat(visibleTaskKeys(tasks, identity, "cro", Roles.CRO_REVIEWER, consulted))
                    .containsExactlyInAnyOrder("Task_CheckExportEvidence", "Task_ReviewPiSelfAssessment");
            assertThat(visibleTaskKeys(tasks, identity, "miit", "review-member-agency-miit", consulted))
                    .containsExactly("Task_AgencyOpinion");
            assertThat(visibleTaskIds(tasks, identity, "miit", "review-member-agency-miit", consulted)).containsExactly(sharedOpinion);
            assertThat(visibleTaskIds(tasks, identity, "ndrc", "review-member-agency-ndrc", consulted)).doesNotContain(sharedOpinion);

            TaskPoolGrants migration = after.getBean(TaskPoolGrants.class);
            int again = 0;
            for (Map.Entry<String, java.util.Set<String>> pool : TaskPools.POOLED.entrySet()) {
                for (String key : pool.getValue()) {
                    again += migration.removeCoveredRows(pool.getKey(), key);
                }
            }
            assertThat(again).as("rows removed by a second run").isZero();
            migration.run(new DefaultApplicationArguments());
            after.getBean("sharedAgencyOpinionsUpgrade", ApplicationRunner.class).run(new DefaultApplicationArguments());
            assertThat(rowsOfCase(after, consulted)).isEmpty();
            assertThat(visibleTaskIds(tasks, identity, "miit", "review-member-agency-miit", consulted)).containsExactly(sharedOpinion);
        }
    }

    private static List<String> visibleTaskKeys(TaskService tasks, IdentityService identity, String user, String group,
            String number) {
        identity.setAuthentication(user, List.of(group));
        try {
            return tasks.createTaskQuery().processInstanceBusinessKey(number).list().stream()
                    .map(Task::getTaskDefinitionKey).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static List<String> visibleTaskIds(TaskService tasks, IdentityService identity, String user, String group,
            String number) {
        identity.setAuthentication(user, List.of(group));
        try {
            return tasks.createTaskQuery().processInstanceBusinessKey(number).list().stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Deploys the opinion's model as the one definition all agencies shared (executable, key
     * {@code member-agency-opinion}) and asks the agency for its opinion on the case there: the task
     * an earlier version left open. Returns the task's id.
     */
    private static String startSharedOpinion(ConfigurableApplicationContext context, String number, Agency agency)
            throws Exception {
        BpmnModelInstance shared;
        try (var xml = TaskPoolMigrationMySqlIT.class.getClassLoader().getResourceAsStream("bpmn/member-agency-opinion.bpmn")) {
            shared = Bpmn.readModelFromStream(xml);
        }
        shared.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).forEach(p -> p.setExecutable(true));
        context.getBean(RepositoryService.class).createDeployment().name("member-agency-opinion (shared)")
                .addModelInstance("member-agency-opinion.bpmn", shared).deploy();
        String instance = context.getBean(RuntimeService.class).startProcessInstanceByKey("member-agency-opinion", number,
                Map.of(ProcessVariables.MEMBER_AGENCY, agency.code(), ProcessVariables.APPLICATION_NUMBER, number,
                        ProcessVariables.due(ProcessVariables.CLOCK_AGENCY_OPINIONS), new java.util.Date(System.currentTimeMillis() + 86_400_000L))).getId();
        return context.getBean(TaskService.class).createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private static List<String> taskRows(AuthorizationService authorizations, String taskId) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list().stream()
                .map(row -> row.getGroupId() != null ? "group:" + row.getGroupId() : "user:" + row.getUserId()).toList();
    }

    private static List<String> rowsOfCase(ConfigurableApplicationContext context, String number) {
        TaskService tasks = context.getBean(TaskService.class);
        AuthorizationService authorizations = context.getBean(AuthorizationService.class);
        return tasks.createTaskQuery().processInstanceBusinessKey(number).list().stream()
                .flatMap(task -> taskRows(authorizations, task.getId()).stream()).distinct().toList();
    }

    private ConfigurableApplicationContext start(boolean taskPools) {
        Map<String, Object> properties = new HashMap<>(MySqlDatabase.connection().asProperties());
        properties.put("server.port", "0");
        properties.put("ola.data-dir", dataDir.toString());
        properties.put("ola.authorization.task-pools", taskPools);
        // Its own engine name, so that it never meets another test's engine in this JVM.
        properties.put("camunda.bpm.process-engine-name", "task-pool-migration");
        properties.put("camunda.bpm.job-execution.enabled", "false");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(OverseasListingApplication.class).profiles("dev", "mysql").run(arguments);
    }

    private static ApplicationFacts largePlatform() {
        return PlatformFacts.platform().build();
    }
}
