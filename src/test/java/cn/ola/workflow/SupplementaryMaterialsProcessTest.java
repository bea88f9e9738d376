package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

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

/** The applicant's 30 working days to answer a request for materials. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/supplementary-materials.bpmn")
class SupplementaryMaterialsProcessTest {

    private static final String PROCESS = "supplementary-materials";
    private static final String APPLICATION = "OLA-2026-000123";
    private static final String COMPANY = "company-91110000MA01ABCD1X";
    /** Monday; 30 working days later (no holidays in the test calendar) is Monday 13 April. */
    private static final LocalDate REQUESTED_ON = LocalDate.of(2026, 3, 2);

    ProcessEngine engine;
    private CaseRecord caseRecord;
    private String callerDeployment;

    @BeforeEach
    void setUp() {
        init(engine);
        caseRecord = Mockito.mock(CaseRecord.class);
        Mocks.register("caseRecord", caseRecord);
        Mocks.register("deadlines", new Deadlines(WorkingDayCalendar.weekendsOnly()));
        ClockUtil.setCurrentTime(beijing(REQUESTED_ON, LocalTime.of(10, 0)));
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
    void applicantGetsThirtyWorkingDaysToSupplyTheMaterials() {
        ProcessInstance request = startRequest();

        assertThat(request).isWaitingAt("Task_SupplyMaterials");
        Task supply = task("Task_SupplyMaterials", request);
        assertThat(supply).hasCandidateGroup(COMPANY).hasName("Supply the requested materials")
                .hasDueDate(endOfDay(LocalDate.of(2026, 4, 13)));
        assertThat(engine.getTaskService().createTaskQuery().taskId(supply.getId()).initializeFormKeys().singleResult())
                .hasFormKey("portal:supply-materials");
        assertThat(request).variables()
                .containsEntry(ProcessVariables.MATERIALS_REQUEST, "Provide the audited accounts for 2025.")
                .containsEntry(ProcessVariables.REQUESTED_BY, "CSRC_COMPLETENESS_CHECK");
        verify(caseRecord).outcome(any(), eq("MATERIALS_REQUEST"), eq("REQUESTED"));
    }

    @Test
    void suppliedMaterialsEndTheRequest() {
        ProcessInstance request = startRequest();

        complete(task("Task_SupplyMaterials", request),
                withVariables(ProcessVariables.MATERIALS_ANSWER, "Audited accounts uploaded."));

        assertThat(request).isEnded().hasPassed("End_MaterialsSupplied").hasNotPassed("End_NoReply");
        verify(caseRecord).outcome(any(), eq("MATERIALS_REQUEST"), eq("SUPPLIED"));
        verify(caseRecord, never()).outcome(any(), anyString(), eq("NO_REPLY"));
    }

    @Test
    void noAnswerWithinThirtyWorkingDaysEndsWithNoReply() {
        ProcessInstance request = startRequest();
        Job deadline = deadlineTimer(request);
        assertThat(deadline.getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 13)));

        ClockUtil.setCurrentTime(beijing(LocalDate.of(2026, 4, 14), LocalTime.of(0, 1)));
        engine.getManagementService().executeJob(deadline.getId());

        assertThat(request).isEnded().hasPassed("End_NoReply").hasNotPassed("End_MaterialsSupplied");
        verify(caseRecord).outcome(any(), eq("MATERIALS_REQUEST"), eq("NO_REPLY"));
    }

    @Test
    void theCallerCatchesNoReplyAsABusinessError() {
        BpmnModelInstance caller = Bpmn.createExecutableProcess("test-caller")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Call_Materials").calledElement(PROCESS)
                .camundaIn(ProcessVariables.COMPANY_GROUP, ProcessVariables.COMPANY_GROUP)
                .camundaIn(ProcessVariables.MATERIALS_REQUEST, ProcessVariables.MATERIALS_REQUEST)
                .camundaIn(ProcessVariables.REQUESTED_BY, ProcessVariables.REQUESTED_BY)
                .endEvent("End_Answered")
                .moveToActivity("Call_Materials").boundaryEvent("Catch_NoReply").error("NO_REPLY")
                .endEvent("End_Terminated")
                .done();
        callerDeployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("test-caller.bpmn", caller).deploy().getId();
        ProcessInstance caseInstance = runtimeService().startProcessInstanceByKey("test-caller", APPLICATION, requestVariables());
        ProcessInstance request = runtimeService().createProcessInstanceQuery()
                .superProcessInstanceId(caseInstance.getId()).singleResult();

        engine.getManagementService().executeJob(deadlineTimer(request).getId());

        assertThat(caseInstance).isEnded().hasPassed("End_Terminated").hasNotPassed("End_Answered");
        assertThat(request).isEnded().hasPassed("End_NoReply");
    }

    private ProcessInstance startRequest() {
        return runtimeService().startProcessInstanceByKey(PROCESS, APPLICATION, requestVariables());
    }

    private Map<String, Object> requestVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICATION_NUMBER, APPLICATION);
        variables.put(ProcessVariables.COMPANY_GROUP, COMPANY);
        variables.put(ProcessVariables.COMPANY_NAME, "Example Data Technology Co., Ltd.");
        variables.put(ProcessVariables.MATERIALS_REQUEST, "Provide the audited accounts for 2025.");
        variables.put(ProcessVariables.REQUESTED_BY, "CSRC_COMPLETENESS_CHECK");
        return variables;
    }

    private Job deadlineTimer(ProcessInstance request) {
        return engine.getManagementService().createJobQuery().processInstanceId(request.getId()).timers()
                .activityId("Timer_MaterialsAnswerDeadline").singleResult();
    }

    private static Date beijing(LocalDate day, LocalTime time) {
        return Date.from(LocalDateTime.of(day, time).atZone(Deadlines.BEIJING).toInstant());
    }

    private static Date endOfDay(LocalDate day) {
        return beijing(day, LocalTime.of(23, 59, 59));
    }
}
