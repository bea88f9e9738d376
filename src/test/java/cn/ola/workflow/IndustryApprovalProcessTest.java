package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import cn.ola.calendar.WorkingDayCalendar;

/** The industry regulator's prior approval: 20 working days, materials stop the clock, refusal ends the listing. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"bpmn/industry-approval.bpmn", "bpmn/supplementary-materials.bpmn",
        "forms/industry-prior-approval.form"})
class IndustryApprovalProcessTest {

    private static final String PROCESS = "industry-approval";
    private static final String APPLICATION = "OLA-2026-000123";
    private static final String COMPANY = "company-91110000MA01ABCD1X";
    private static final String TOBACCO_REGULATOR = "industry-regulator-tobacco";
    /** Monday; 20 working days later (no holidays in the test calendar) is Monday 30 March. */
    private static final LocalDate STARTED_ON = LocalDate.of(2026, 3, 2);

    ProcessEngine engine;
    private CaseRecord caseRecord;
    private String callerDeployment;

    @BeforeEach
    void setUp() {
        init(engine);
        caseRecord = Mockito.mock(CaseRecord.class);
        Mocks.register("caseRecord", caseRecord);
        Mocks.register("deadlines", new Deadlines(WorkingDayCalendar.weekendsOnly()));
        at(STARTED_ON);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        if (callerDeployment != null) {
            engine.getRepositoryService().deleteDeployment(callerDeployment, true);
        }
    }

    @Test
    void theRegulatorDecidesWithinTwentyWorkingDays() throws Exception {
        ProcessInstance approval = start();

        assertThat(approval).isWaitingAt("Task_PriorApproval");
        Task decide = task("Task_PriorApproval", approval);
        assertThat(decide).hasCandidateGroup(TOBACCO_REGULATOR).hasName("Decide on prior approval")
                .hasDueDate(endOfDay(LocalDate.of(2026, 3, 30)));
        assertThat(deadlineTimer(approval).getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 30)));
        try (InputStream form = engine.getFormService().getDeployedTaskForm(decide.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"industry-prior-approval\"", "\"key\": \"industryOutcome\"");
        }
        verify(caseRecord).stage(any(), eq("INDUSTRY_APPROVAL"));
    }

    @Test
    void approvalGrantsThePriorApproval() {
        ProcessInstance approval = start();

        complete(task("Task_PriorApproval", approval), withVariables(ProcessVariables.INDUSTRY_OUTCOME, "APPROVED"));

        assertThat(approval).isEnded().hasPassed("End_PriorApprovalGranted");
        verify(caseRecord).outcome(any(), eq("INDUSTRY_APPROVAL"), eq("APPROVED"));
    }

    @Test
    void refusalEndsTheListing() {
        ProcessInstance caseInstance = startFromCaller();
        ProcessInstance approval = calledInstance(caseInstance);

        complete(task("Task_PriorApproval", approval), withVariables(ProcessVariables.INDUSTRY_OUTCOME, "REFUSED",
                ProcessVariables.REASONS, "The applicant holds no tobacco monopoly production licence."));

        assertThat(approval).isEnded().hasPassed("End_PriorApprovalRefused").hasNotPassed("End_PriorApprovalGranted");
        assertThat(caseInstance).isEnded().hasPassed("End_Rejected").hasNotPassed("End_Approved");
        verify(caseRecord).outcome(any(), eq("INDUSTRY_APPROVAL"), eq("REFUSED"));
    }

    @Test
    void timeSpentSupplyingMaterialsDoesNotCount() {
        ProcessInstance approval = start();
        at(LocalDate.of(2026, 3, 4)); // 2 of the 20 working days used, 18 left

        complete(task("Task_PriorApproval", approval), withVariables(ProcessVariables.INDUSTRY_OUTCOME,
                "MATERIALS_REQUESTED", ProcessVariables.REASONS, "Provide the opinion of the provincial bureau."));

        assertThat(approval).isWaitingAt("Call_PriorApprovalMaterials");
        ProcessInstance request = calledInstance(approval);
        assertThat(request).isWaitingAt("Task_SupplyMaterials").variables()
                .containsEntry(ProcessVariables.MATERIALS_REQUEST, "Provide the opinion of the provincial bureau.")
                .containsEntry(ProcessVariables.REQUESTED_BY, "INDUSTRY_APPROVAL")
                .containsEntry(ProcessVariables.COMPANY_GROUP, COMPANY);
        assertThat(task("Task_SupplyMaterials", request)).hasCandidateGroup(COMPANY)
                .hasDueDate(endOfDay(LocalDate.of(2026, 4, 15)));
        assertThat((Object) deadlineTimer(approval)).isNull();

        at(LocalDate.of(2026, 3, 18));
        complete(task("Task_SupplyMaterials", request),
                withVariables(ProcessVariables.MATERIALS_ANSWER, "Opinion of the provincial bureau uploaded."));

        assertThat(approval).isWaitingAt("Task_PriorApproval")
                .variables().containsEntry(ProcessVariables.MATERIALS_ANSWER, "Opinion of the provincial bureau uploaded.");
        Date resumedDue = endOfDay(LocalDate.of(2026, 4, 13)); // 18 working days after 18 March
        assertThat(task("Task_PriorApproval", approval)).hasDueDate(resumedDue);
        assertThat(deadlineTimer(approval).getDuedate()).isEqualTo(resumedDue);
        verify(caseRecord).outcome(any(), eq("INDUSTRY_APPROVAL"), eq("MATERIALS_REQUESTED"));

        complete(task("Task_PriorApproval", approval), withVariables(ProcessVariables.INDUSTRY_OUTCOME, "APPROVED"));
        assertThat(approval).isEnded().hasPassed("End_PriorApprovalGranted");
    }

    @Test
    void aPassedDeadlineEscalatesToASupervisorAndDecidesNothing() {
        ProcessInstance approval = start();
        at(LocalDate.of(2026, 3, 31));

        engine.getManagementService().executeJob(deadlineTimer(approval).getId());

        assertThat(approval).isWaitingAt("Task_PriorApproval", "Task_FollowUpOverduePriorApproval");
        assertThat(task("Task_FollowUpOverduePriorApproval", approval)).hasCandidateGroup("supervisor")
                .hasName("Follow up overdue prior approval");
        assertThat(task("Task_PriorApproval", approval)).hasCandidateGroup(TOBACCO_REGULATOR);
        verify(caseRecord).overdue(any(), eq("industryApproval"));

        complete(task("Task_FollowUpOverduePriorApproval", approval));
        assertThat(approval).hasPassed("End_PriorApprovalEscalated").isWaitingAt("Task_PriorApproval");
    }

    @Test
    void theDecisionClosesAFollowUpThatIsStillOpen() {
        ProcessInstance approval = start();
        at(LocalDate.of(2026, 3, 31));
        engine.getManagementService().executeJob(deadlineTimer(approval).getId());

        complete(task("Task_PriorApproval", approval), withVariables(ProcessVariables.INDUSTRY_OUTCOME, "APPROVED"));

        assertThat(approval).isEnded().hasPassed("End_PriorApprovalGranted");
        assertThat(taskQuery().taskCandidateGroup("supervisor").count()).isZero();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS, APPLICATION, caseVariables());
    }

    /** Starts the process the way the main process does: as a call activity that catches LISTING_REFUSED. */
    private ProcessInstance startFromCaller() {
        BpmnModelInstance caller = Bpmn.createExecutableProcess("test-caller")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Call_IndustryApproval").calledElement(PROCESS)
                .camundaIn(ProcessVariables.COMPANY_GROUP, ProcessVariables.COMPANY_GROUP)
                .camundaIn(ProcessVariables.INDUSTRY_REGULATOR_GROUP, ProcessVariables.INDUSTRY_REGULATOR_GROUP)
                .camundaIn(ProcessVariables.INDUSTRY_REGULATOR_NAME, ProcessVariables.INDUSTRY_REGULATOR_NAME)
                .endEvent("End_Approved")
                .moveToActivity("Call_IndustryApproval").boundaryEvent("Catch_ListingRefused").error("LISTING_REFUSED")
                .endEvent("End_Rejected")
                .done();
        callerDeployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("test-caller.bpmn", caller).deploy().getId();
        return runtimeService().startProcessInstanceByKey("test-caller", APPLICATION, caseVariables());
    }

    private Map<String, Object> caseVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICATION_NUMBER, APPLICATION);
        variables.put(ProcessVariables.COMPANY_GROUP, COMPANY);
        variables.put(ProcessVariables.COMPANY_NAME, "Example Tobacco Technology Co., Ltd.");
        variables.put(ProcessVariables.INDUSTRY, "TOBACCO");
        variables.put(ProcessVariables.INDUSTRY_REGULATOR_GROUP, TOBACCO_REGULATOR);
        variables.put(ProcessVariables.INDUSTRY_REGULATOR_NAME, "State Tobacco Monopoly Administration");
        return variables;
    }

    private ProcessInstance calledInstance(ProcessInstance caller) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    }

    private Job deadlineTimer(ProcessInstance approval) {
        return engine.getManagementService().createJobQuery().processInstanceId(approval.getId()).timers()
                .activityId("Timer_PriorApprovalDeadline").singleResult();
    }

    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(beijing(day, LocalTime.of(10, 0)));
    }

    private static Date beijing(LocalDate day, LocalTime time) {
        return Date.from(LocalDateTime.of(day, time).atZone(Deadlines.BEIJING).toInstant());
    }

    private static Date endOfDay(LocalDate day) {
        return beijing(day, LocalTime.of(23, 59, 59));
    }
}
