package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.ola.filing.ApplicationFacts;

/**
 * The values a process instance is given (by its caller, or at its start) write no detail rows; a called
 * process's inputs write no variable history either (the caller's holds them) until an activity changes
 * them; a case's start values (copies of its application) write none. What activities write keeps both, as
 * in Camunda's full history. Gateways passed through write no activity history.
 */
class LeanHistoryTest {

    static ProcessEngine engine;

    @BeforeAll
    static void startEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration().setJdbcUrl("jdbc:h2:mem:lean-variable-history;DB_CLOSE_DELAY=-1")
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setProcessEngineName("lean-variable-history");
        configuration.setProcessEnginePlugins(List.of(new LeanHistory()));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("caller.bpmn", Bpmn.createExecutableProcess("caller").camundaHistoryTimeToLive(1).startEvent()
                        .callActivity("Call_Called").calledElement("called").camundaIn("given", "given").camundaIn("kept", "kept")
                        .endEvent().done())
                .addModelInstance("called.bpmn", Bpmn.createExecutableProcess("called").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_Decide").endEvent().done())
                // A task with a deadline is a scope of its own: the process instance itself waits in no activity.
                .addModelInstance("caller-of-a-deadline.bpmn", Bpmn.createExecutableProcess("caller-of-a-deadline")
                        .camundaHistoryTimeToLive(1).startEvent().callActivity("Call_Deadline").calledElement("deadline")
                        .camundaIn("given", "given").endEvent().done())
                .addModelInstance("deadline.bpmn", Bpmn.createExecutableProcess("deadline").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Answer").boundaryEvent("Timer_Due").timerWithDuration("P30D").endEvent()
                        .moveToActivity("Task_Answer").endEvent().done())
                // The document checklist in a process, as a case would evaluate it.
                .addModelInstance("checklist-in-a-process.bpmn", Bpmn.createExecutableProcess("checklist-in-a-process")
                        .camundaHistoryTimeToLive(1).startEvent().businessRuleTask("Task_Checklist")
                        .camundaDecisionRef(RequiredDocuments.DECISION).camundaMapDecisionResult("resultList")
                        .camundaResultVariable("documents").endEvent().done())
                // Gateways of each kind: a route chosen, two branches in parallel and their join, an event awaited.
                .addModelInstance("gateways.bpmn", Bpmn.createExecutableProcess("gateways").camundaHistoryTimeToLive(1)
                        .startEvent("Start").exclusiveGateway("Gateway_Route").condition("domestic", "${domestic}")
                        .endEvent("End_Domestic").moveToLastGateway().condition("abroad", "${!domestic}")
                        .parallelGateway("Gateway_Split").userTask("Task_Review").parallelGateway("Gateway_Join")
                        .eventBasedGateway().id("Gateway_Await").intermediateCatchEvent("Event_Answer").message("Answer")
                        .endEvent("End_Answered").moveToNode("Gateway_Await").intermediateCatchEvent("Event_Timeout")
                        .timerWithDuration("P10D").endEvent("End_TimedOut").moveToNode("Gateway_Split")
                        .userTask("Task_Consult").connectTo("Gateway_Join").done())
                // A case: its start values, and a result set as it starts (as the screening's are).
                .addModelInstance("case.bpmn", Bpmn.createExecutableProcess(CaseWorkflow.PROCESS_KEY).camundaHistoryTimeToLive(1)
                        .startEvent().camundaExecutionListenerExpression("start",
                                "${execution.setVariable('" + ProcessVariables.CYBERSECURITY_REVIEW + "', 'REQUIRED')}")
                        .userTask("Task_Intake").endEvent().done())
                .addClasspathResource(ListingScreeningDecisionTest.FILE)
                .deploy();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void givenValuesWriteNoDetailRowsInputsOfACalledProcessNoHistoryUntilChangedAndWhatActivitiesWriteKeepsBoth() {
        ProcessInstance caller = engine.getRuntimeService().startProcessInstanceByKey("caller",
                Map.of("given", "filed", "kept", "Shenzhen"));
        ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult();
        // A change while the called process waits in its task, then the task's completion.
        engine.getRuntimeService().setVariable(called.getId(), "given", "corrected");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(called.getId()).singleResult();
        engine.getTaskService().complete(task.getId(), Map.of("decision", "APPROVED"));

        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().variableName("given").list())
                .extracting(variable -> variable.getProcessInstanceId() + "=" + variable.getValue())
                .containsExactlyInAnyOrder(caller.getId() + "=filed", called.getId() + "=corrected");
        assertThat(history.createHistoricVariableInstanceQuery().variableName("kept").list())
                .as("an input the called process leaves as it is: the caller's history only")
                .extracting(variable -> variable.getProcessInstanceId() + "=" + variable.getValue())
                .containsExactly(caller.getId() + "=Shenzhen");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(called.getId()).count())
                .as("the called process has ended").isZero();
        assertThat(details(history, caller.getId())).as("the caller's details").isEmpty();
        assertThat(details(history, called.getId())).as("the called process's details")
                .containsExactly("given=corrected", "decision=APPROVED");
        HistoricVariableUpdate decision = (HistoricVariableUpdate) history.createHistoricDetailQuery()
                .processInstanceId(called.getId()).variableUpdates().list().stream()
                .filter(detail -> "decision".equals(((HistoricVariableUpdate) detail).getVariableName())).findFirst().orElseThrow();
        assertThat(decision.getActivityInstanceId()).as("kept under the task's activity instance, as the timeline reads it")
                .startsWith("Task_Decide:");
    }

    @Test
    void aValueSetFromOutsideWhileACalledProcessWaitsKeepsItsHistoryAndItsDetail() {
        ProcessInstance caller = engine.getRuntimeService().startProcessInstanceByKey("caller-of-a-deadline",
                Map.of("given", "filed"));
        ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult();

        // As an administrator adds a value to the waiting process in Cockpit.
        engine.getRuntimeService().setVariable(called.getId(), "added", "set in Cockpit");

        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(called.getId()).list())
                .extracting(variable -> variable.getName() + "=" + variable.getValue())
                .as("the input has none (the caller's holds it), the value added has its own")
                .containsExactly("added=set in Cockpit");
        assertThat(details(history, called.getId())).containsExactly("added=set in Cockpit");
    }

    @Test
    void aCasesStartValuesWriteNoHistoryWhatItSetsAsItStartsAndLaterChangesKeepTheirs() {
        assertThat(CaseVariables.NAMES).contains(ProcessVariables.APPLICATION_NUMBER, ProcessVariables.PERSONAL_INFO_USERS)
                .doesNotContain(ProcessVariables.CYBERSECURITY_REVIEW, "intakeCheckDue");
        RuntimeService runtime = engine.getRuntimeService();
        ProcessInstance process = runtime.startProcessInstanceByKey(CaseWorkflow.PROCESS_KEY, Map.of(
                ProcessVariables.APPLICATION_NUMBER, "OLA-2026-000001", ProcessVariables.PERSONAL_INFO_USERS, 2_000_000L,
                "intakeCheckDue", "2026-03-12T17:00:00+08:00"));
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).list())
                .extracting(variable -> variable.getName() + "=" + variable.getValue())
                .as("the application's copies have none; the result and the deadline the case set have theirs")
                .containsExactlyInAnyOrder(ProcessVariables.CYBERSECURITY_REVIEW + "=REQUIRED",
                        "intakeCheckDue=2026-03-12T17:00:00+08:00");

        // As the company corrects a fact, or an administrator in Cockpit.
        runtime.setVariable(process.getId(), ProcessVariables.PERSONAL_INFO_USERS, 3_000_000L);
        complete(process, "Task_Intake");

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).as("ended").isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName(ProcessVariables.PERSONAL_INFO_USERS).list())
                .extracting(variable -> variable.getValue()).as("the change has its row").containsExactly(3_000_000L);
        assertThat(history.createHistoricVariableInstanceQuery().variableName(ProcessVariables.APPLICATION_NUMBER)
                .processInstanceId(process.getId()).count()).isZero();
    }

    @Test
    void theDraftChecklistLeavesNoDecisionHistoryTheScreeningAndTheChecklistInAProcessKeepTheirs() {
        ListingScreeningDecisionTest.Case largePlatform = ListingScreeningDecisionTest.allCases()
                .filter(c -> c.decision().equals("cybersecurity-review-requirement")).findFirst().orElseThrow();
        HistoryService history = engine.getHistoryService();
        long before = history.createHistoricDecisionInstanceQuery().count();

        // As the portal asks for a draft's documents.
        new RequiredDocuments(engine.getDecisionService()).of(ApplicationFacts.NONE, null);
        engine.getDecisionService().evaluateDecisionByKey(RequiredDocuments.DECISION).variables(largePlatform.facts())
                .evaluate();
        assertThat(history.createHistoricDecisionInstanceQuery().count()).as("the draft's checklist, twice").isEqualTo(before);

        engine.getDecisionService().evaluateDecisionByKey("screening-results").variables(largePlatform.facts()).evaluate();
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("screening-results").count())
                .as("the screening evaluated from outside keeps its history").isEqualTo(1);

        ProcessInstance checked = engine.getRuntimeService().startProcessInstanceByKey("checklist-in-a-process",
                largePlatform.facts());
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(checked.getId())
                .decisionDefinitionKey(RequiredDocuments.DECISION).count())
                .as("the checklist evaluated in a process keeps its history").isEqualTo(1);
    }

    @Test
    void gatewaysPassedThroughWriteNoActivityHistoryEveryOtherActivityAndTheEventBasedGatewayKeepTheirs() {
        RuntimeService runtime = engine.getRuntimeService();
        ProcessInstance process = runtime.startProcessInstanceByKey("gateways", Map.of("domestic", false));
        // One branch done, the other still open: the join waits for it.
        complete(process, "Task_Review");
        complete(process, "Task_Consult");
        runtime.createMessageCorrelation("Answer").processInstanceId(process.getId()).correlate();

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).as("ended").isZero();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .orderPartiallyByOccurrence().asc().list()).extracting(HistoricActivityInstance::getActivityId)
                .as("no exclusive or parallel gateway; the event-based gateway the process waited in is kept")
                .containsExactlyInAnyOrder("Start", "Task_Review", "Task_Consult", "Gateway_Await", "Event_Answer", "End_Answered");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .unfinished().count()).as("every row that was written has ended").isZero();
    }

    private static void complete(ProcessInstance process, String taskKey) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        engine.getTaskService().complete(task.getId());
    }

    private static List<String> details(HistoryService history, String processInstanceId) {
        return history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().orderByTime().asc()
                .orderPartiallyByOccurrence().asc().list().stream().map(HistoricDetail.class::cast)
                .map(detail -> ((HistoricVariableUpdate) detail).getVariableName() + "=" + ((HistoricVariableUpdate) detail).getValue())
                .toList();
    }
}
