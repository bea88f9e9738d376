package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import cn.ola.workflow.MemberAgencies.Agency;

/**
 * One member agency's opinion, in a definition of its own: one per agency, made from
 * {@code bpmn/member-agency-opinion.bpmn} ({@link AgencyOpinionDefinitions}, deployed for each test by
 * {@link AgencyOpinionsDeployed}); the agency's task with its due date and form, and what the
 * agency can read there. The consultation around it (one per agency, the count of disagreements,
 * the deadline's follow-up) is tested with the cybersecurity review.
 */
@ExtendWith({ProcessEngineExtension.class, AgencyOpinionsDeployed.class})
@Deployment(resources = "forms/review-agency-opinion.form")
class MemberAgencyOpinionProcessTest {

    private static final String APPLICATION = "OLA-2026-000123";
    private static final Date DUE = Date.from(LocalDate.of(2026, 3, 23).atTime(LocalTime.of(23, 59, 59))
            .atZone(Deadlines.BEIJING).toInstant());

    ProcessEngine engine;
    private CaseRecord caseRecord;

    @BeforeEach
    void setUp() {
        init(engine);
        caseRecord = Mockito.mock(CaseRecord.class);
        Mocks.register("caseRecord", caseRecord);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void theAgencyGivesItsOpinionOnItsOwnTaskByTheConsultationsDueDate() {
        ProcessInstance consultation = request("mps");

        assertThat(consultation).isWaitingAt("Task_AgencyOpinion");
        Task opinion = task("Task_AgencyOpinion", consultation);
        assertThat(opinion).hasCandidateGroup("review-member-agency-mps").hasName("Give member agency opinion")
                .hasDueDate(DUE);
        assertThat(engine.getTaskService().createTaskQuery().taskId(opinion.getId()).initializeFormKeys().singleResult()
                .getCamundaFormRef().getKey()).isEqualTo("review-agency-opinion");

        complete(opinion, withVariables(ProcessVariables.AGENCY_OPINION, "DISAGREE",
                ProcessVariables.REASONS, "Data of public-security relevance"));

        assertThat(consultation).isEnded().hasPassed("End_OpinionGiven");
        verify(caseRecord).outcome(any(), eq("CYBERSECURITY_REVIEW_AGENCY_MPS"), eq("DISAGREE"));
    }

    @Test
    void everyAgencyHasADefinitionOfItsOwnWhoseTasksGoToItAlone() {
        for (Agency agency : Agency.values()) {
            ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(agency.opinionProcess()).latestVersion().singleResult();
            assertThat(definition).as(agency.opinionProcess()).isNotNull();
            assertThat(definition.getName()).isEqualTo("Member agency opinion: " + agency.name());
            assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);

            ProcessInstance consultation = request(agency.code());
            assertThat(task("Task_AgencyOpinion", consultation)).hasCandidateGroup("review-member-agency-" + agency.code());
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(consultation.getId()).singleResult()
                    .getProcessDefinitionId()).isEqualTo(definition.getId());
        }
        // The model itself is no definition: nothing could start an opinion that is nobody's.
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CaseModel.MEMBER_AGENCY_OPINION.key()).count()).isZero();
    }

    @Test
    void theApplicationDeploysThemOnceAndNotAgainWhileTheModelIsUnchanged() {
        AgencyOpinionDefinitions.deploy(engine.getRepositoryService());
        AgencyOpinionDefinitions.deploy(engine.getRepositoryService());

        List<org.camunda.bpm.engine.repository.Deployment> deployments = engine.getRepositoryService().createDeploymentQuery()
                .deploymentName(AgencyOpinionDefinitions.DEPLOYMENT).list();
        try {
            assertThat(deployments).as("this test's deployment and none more").hasSize(1);
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(Agency.NDRC.opinionProcess()).count()).isOne();
        } finally {
            // Whatever the application's deploy added beside the test's own deployment goes again.
            deployments.stream().skip(1).forEach(extra -> engine.getRepositoryService().deleteDeployment(extra.getId(), true));
        }
    }

    private ProcessInstance request(String agency) {
        return runtimeService().startProcessInstanceByKey(new MemberAgencies().opinionProcess(agency), APPLICATION, Map.of(
                ProcessVariables.MEMBER_AGENCY, agency,
                ProcessVariables.due(ProcessVariables.CLOCK_AGENCY_OPINIONS), DUE,
                ProcessVariables.APPLICATION_NUMBER, APPLICATION,
                ProcessVariables.INITIAL_REVIEW_REASONS, "No concern in the initial review."));
    }
}
