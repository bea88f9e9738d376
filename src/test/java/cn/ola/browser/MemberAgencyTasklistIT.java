package cn.ola.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.company.Companies;
import cn.ola.filing.ListingApplications;
import cn.ola.security.Roles;
import cn.ola.support.Browser;
import cn.ola.support.Browserless;
import cn.ola.support.Chromium;
import cn.ola.support.DevSystemTest;
import cn.ola.support.LargePlatform;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.MemberAgencies;
import cn.ola.workflow.MemberAgencies.Agency;
import cn.ola.workflow.ProcessVariables;
import cn.ola.support.StaffTasks;

/**
 * The Cybersecurity Review Office consults two member agencies on a large platform's listing:
 * each agency sees and works only its own opinion task, in Tasklist and through the engine's
 * REST API alike. Every test drives its own case to the consultation.
 */
@DevSystemTest
@ExtendWith(Chromium.class)
class MemberAgencyTasklistIT {

    static final String AGENCY_OPINION = "Task_AgencyOpinion";
    static final String NDRC_GROUP = Roles.MEMBER_AGENCY_PREFIX + Agency.NDRC.code();
    static final String MIIT_GROUP = Roles.MEMBER_AGENCY_PREFIX + Agency.MIIT.code();

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

    private final ObjectMapper json = new ObjectMapper();
    private String number;
    private String ndrcTask;
    private String miitTask;

    /** A large platform's case, through intake and the office's initial review, which consults NDRC and MIIT. */
    @BeforeEach
    void consultNdrcAndMiit() {
        number = LargePlatform.submit(companies, applications, workflow, "SOFTWARE");

        completeAs("csrc", Roles.CSRC_OFFICER, "Task_IntakeCheck", Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        completeAs("cro", Roles.CRO_REVIEWER, "Task_CheckMaterials",
                Map.of(ProcessVariables.MATERIALS_OUTCOME, "REVIEW_NEEDED", ProcessVariables.REVIEW_COMPLEX, false));
        completeAs("cro", Roles.CRO_REVIEWER, "Task_InitialReview", Map.of(ProcessVariables.INITIAL_OPINION, "NO_CONCERN",
                Agency.NDRC.consultVariable(), true, Agency.MIIT.consultVariable(), true,
                ProcessVariables.REASONS, "No national-security effect."));

        ndrcTask = opinionTaskOf(NDRC_GROUP).getId();
        miitTask = opinionTaskOf(MIIT_GROUP).getId();
    }

    @Test
    void eachConsultedAgencySeesOnlyItsOwnOpinionTaskInTasklist(Browser browser) {
        Tasklist ndrc = Tasklist.open(browser.signIn("ndrc", "demo")).chooseFilter("Tasks of my groups");
        assertThat(ndrc.taskIdsListedWith(ndrcTask)).doesNotContain(miitTask)
                .containsExactlyInAnyOrderElementsOf(openTaskIdsOf(NDRC_GROUP));
        ndrc.openTask(ndrcTask);
        assertThat(ndrc.taskTitle()).isEqualTo("Give member agency opinion · " + number + " · "
                + companies.findByCreditCode(LargePlatform.DEMO_COMPANY).orElseThrow().nameZh());
        assertThat(ndrc.field("Application number")).isEqualTo(number);
        assertThat(ndrc.choice("本单位 / Your agency")).isEqualTo("国家发展和改革委员会 / " + Agency.NDRC.englishName());
        assertThat(ndrc.field("The office's reasons")).isEqualTo("No national-security effect.");

        Tasklist miit = Tasklist.open(browser.signOut().signIn("miit", "demo")).chooseFilter("Tasks of my groups");
        assertThat(miit.taskIdsListedWith(miitTask)).doesNotContain(ndrcTask)
                .containsExactlyInAnyOrderElementsOf(openTaskIdsOf(MIIT_GROUP));
        miit.openTask(miitTask);
        assertThat(miit.field("Application number")).isEqualTo(number);
        assertThat(miit.choice("Your agency")).isEqualTo("工业和信息化部 / " + Agency.MIIT.englishName());
    }

    @Test
    void theEngineApiLetsOnlyTheConsultedAgencyWorkOnItsOpinionTask() throws Exception {
        Browserless client = new Browserless(port);
        String caseTasks = "/engine-rest/task?processInstanceBusinessKey=" + number;
        assertThat(idsIn(client.getWithBasic(caseTasks, "ndrc", "demo"))).containsExactly(ndrcTask);
        assertThat(idsIn(client.getWithBasic(caseTasks, "miit", "demo"))).containsExactly(miitTask);

        String completeNdrc = "/engine-rest/task/" + ndrcTask + "/complete";
        String agree = "{\"variables\": {\"" + ProcessVariables.AGENCY_OPINION + "\": {\"value\": \""
                + MemberAgencies.AGREE + "\"}}}";
        HttpResponse<String> byTheOffice = client.postWithBasic(completeNdrc, "cro", "demo", agree);
        assertThat(byTheOffice.statusCode()).isEqualTo(403);
        assertThat(byTheOffice.body()).contains("AuthorizationException").contains("cro");
        HttpResponse<String> byAnotherAgency = client.postWithBasic(completeNdrc, "miit", "demo", agree);
        assertThat(byAnotherAgency.statusCode()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(ndrcTask).count()).as("the NDRC task after refused completions").isOne();

        assertThat(client.postWithBasic(completeNdrc, "ndrc", "demo", agree).statusCode()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(ndrcTask).count()).as("the NDRC task").isZero();
        assertThat(tasks.createTaskQuery().taskId(miitTask).count()).as("the MIIT task, still waiting").isOne();
    }

    private List<String> idsIn(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json.readTree(response.body()).spliterator(), false)
                .map(task -> task.get("id").asText()).toList();
    }

    private List<String> openTaskIdsOf(String group) {
        return tasks.createTaskQuery().taskCandidateGroup(group).list().stream().map(Task::getId).toList();
    }

    private Task opinionTaskOf(String group) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(AGENCY_OPINION)
                .taskCandidateGroup(group).list();
        assertThat(open).as("the opinion task of " + group).hasSize(1);
        return open.get(0);
    }

    private void completeAs(String user, String group, String taskKey, Map<String, Object> variables) {
        new StaffTasks(tasks, identity).completeAs(user, group, number, taskKey, variables);
    }
}
