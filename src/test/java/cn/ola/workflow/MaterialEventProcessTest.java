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
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.IOException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import cn.ola.calendar.WorkingDayCalendar;
import cn.ola.events.MaterialEventRecord;

/**
 * A listed company's material event: the 3-working-day report rule (late is flagged, not refused),
 * the CSRC's acknowledgement (5 working days) and conclusion (20 working days, not counting the time
 * the company spends on its questions), each conclusion, and the escalations of passed deadlines. The
 * listed case it was reported from keeps its status and stages whatever happens.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"bpmn/material-event.bpmn", "bpmn/supplementary-materials.bpmn",
        "forms/material-event-acknowledgement.form", "forms/material-event-conclusion.form", "forms/deadline-escalation.form"})
class MaterialEventProcessTest {

    private static final String PROCESS = "material-event";
    private static final String APPLICATION = "OLA-2026-000123";
    private static final String COMPANY = "company-91110000MA01ABCD1X";
    private static final String OFFICER = "csrc-officer";
    private static final long EVENT_ID = 42L;

    /** Thursday. The test calendar knows weekends only. */
    private static final LocalDate REPORTED_ON = LocalDate.of(2026, 3, 5);
    /** Monday: reported on Thursday, 3 working days after it, in time. */
    private static final String ANNOUNCED_ON_TIME = "2026-03-02";
    /** Friday: reported on Thursday, 4 working days after it, late. */
    private static final String ANNOUNCED_FOUR_DAYS_BEFORE = "2026-02-27";

    ProcessEngine engine;
    private CaseRecord caseRecord;
    private MaterialEventRecord eventRecord;

    @BeforeEach
    void setUp() {
        init(engine);
        caseRecord = Mockito.mock(CaseRecord.class);
        eventRecord = Mockito.mock(MaterialEventRecord.class);
        Mocks.register("caseRecord", caseRecord);
        Mocks.register("materialEventRecord", eventRecord);
        Mocks.register("deadlines", new Deadlines(WorkingDayCalendar.weekendsOnly()));
        at(REPORTED_ON);
    }

    @AfterEach
    void theListedCaseKeepsItsStatusAndStages() {
        try {
            verify(caseRecord, never()).status(any(), anyString());
            verify(caseRecord, never()).close(any(), anyString());
            verify(caseRecord, never()).stage(any(), anyString());
            verify(caseRecord, never()).stageEnded(any(), anyString());
        } finally {
            Mocks.reset();
            ClockUtil.reset();
        }
    }

    // --- the report and its 3 working days ---------------------------------------------------------

    @Test
    void aReportInTimeWaitsForTheCsrcsAcknowledgement() throws IOException {
        ProcessInstance event = start(ANNOUNCED_ON_TIME);

        assertThat(event).isWaitingAt("Task_AcknowledgeEvent").hasPassed("Task_CheckReportDate")
                .hasNotPassed("Event_LateReportFlagged").variables().containsEntry(MaterialEventVariables.LATE_REPORT, false);
        assertThat(event.getBusinessKey()).isEqualTo(APPLICATION);
        Task acknowledge = task("Task_AcknowledgeEvent", event);
        assertThat(acknowledge).hasCandidateGroup(OFFICER).hasName("Acknowledge the material event")
                .hasDueDate(endOfDay(LocalDate.of(2026, 3, 12)));
        assertThat(deployedForm(acknowledge)).contains("\"id\": \"material-event-acknowledgement\"", "\"key\": \"eventKind\"");
        verify(caseRecord, never()).outcome(any(), eq("MATERIAL_EVENT"), eq("LATE_REPORT"));
        verify(eventRecord, never()).flagLate(any());
    }

    @Test
    void aLateReportIsFlaggedAndHandledAllTheSame() {
        ProcessInstance event = start(ANNOUNCED_FOUR_DAYS_BEFORE);

        assertThat(event).hasPassed("Event_LateReportFlagged").isWaitingAt("Task_AcknowledgeEvent")
                .variables().containsEntry(MaterialEventVariables.LATE_REPORT, true);
        verify(caseRecord).outcome(any(), eq("MATERIAL_EVENT"), eq("LATE_REPORT"));
        verify(eventRecord).flagLate(any());
    }

    // --- acknowledgement and conclusions --------------------------------------------------------------

    @Test
    void theAcknowledgementStartsTheConclusionsClockAndClosingEndsTheMatter() throws IOException {
        ProcessInstance event = acknowledged();

        Task conclude = task("Task_ConcludeEvent", event);
        assertThat(conclude).hasCandidateGroup(OFFICER).hasName("Conclude on the material event")
                .hasDueDate(endOfDay(LocalDate.of(2026, 4, 2)));
        assertThat(deployedForm(conclude)).contains("\"id\": \"material-event-conclusion\"", "\"key\": \"eventOutcome\"");
        verify(caseRecord).outcome(any(), eq("MATERIAL_EVENT"), eq("ACKNOWLEDGED"));
        verify(eventRecord).state(any(), eq("ACKNOWLEDGED"));

        complete(conclude, withVariables(MaterialEventVariables.EVENT_OUTCOME, "CLOSED", ProcessVariables.REASONS,
                "The change of control was approved abroad; nothing further is needed."));

        assertThat(event).isEnded().hasPassed("End_EventClosed").hasNotPassed("End_EventReferred");
        verify(caseRecord).outcome(any(), eq("MATERIAL_EVENT"), eq("CLOSED"));
        verify(eventRecord).conclude(any(), eq("CLOSED"));
    }

    @Test
    void referringEndsTheMatterAsReferred() {
        ProcessInstance event = acknowledged();

        complete(task("Task_ConcludeEvent", event), withVariables(MaterialEventVariables.EVENT_OUTCOME, "REFERRED",
                ProcessVariables.REASONS, "Referred to the enforcement bureau."));

        assertThat(event).isEnded().hasPassed("End_EventReferred").hasNotPassed("End_EventClosed");
        verify(caseRecord).outcome(any(), eq("MATERIAL_EVENT"), eq("REFERRED"));
        verify(eventRecord).conclude(any(), eq("REFERRED"));
    }

    @Test
    void questionsGoToTheCompanyAndStopTheClockUntilItAnswers() {
        ProcessInstance event = acknowledged(); // conclusion due Thursday 2 April
        at(LocalDate.of(2026, 3, 9)); // Monday: 18 working days left

        complete(task("Task_ConcludeEvent", event), withVariables(MaterialEventVariables.EVENT_OUTCOME, "QUESTIONS_ASKED",
                ProcessVariables.REASONS, "Who controls the company now?"));

        assertThat(event).isWaitingAt("Call_EventQuestions");
        ProcessInstance questions = calledInstance(event);
        assertThat(questions.getBusinessKey()).isEqualTo(APPLICATION);
        assertThat(questions).isWaitingAt("Task_SupplyMaterials").variables()
                .containsEntry(ProcessVariables.MATERIALS_REQUEST, "Who controls the company now?")
                .containsEntry(ProcessVariables.REQUESTED_BY, "MATERIAL_EVENT");
        assertThat(task("Task_SupplyMaterials", questions)).hasCandidateGroup(COMPANY);
        assertThat(runtimeService().getVariable(event.getId(), ProcessVariables.remainingWorkingDays("eventConclusion")))
                .isEqualTo(18);
        assertThat(runtimeService().getVariable(event.getId(), ProcessVariables.clockStopped("eventConclusion"))).isEqualTo(true);
        verify(caseRecord).outcome(any(), eq("MATERIAL_EVENT"), eq("QUESTIONS_ASKED"));
        verify(eventRecord).state(any(), eq("QUESTIONS_ASKED"));

        at(LocalDate.of(2026, 3, 23)); // the company answers two weeks later
        complete(task("Task_SupplyMaterials", questions),
                withVariables(ProcessVariables.MATERIALS_ANSWER, "The new controlling shareholder is Example Holdings."));

        assertThat(event).isWaitingAt("Task_ConcludeEvent").variables()
                .containsEntry(ProcessVariables.MATERIALS_ANSWER, "The new controlling shareholder is Example Holdings.")
                .containsEntry(MaterialEventVariables.EVENT_QUESTION, "Who controls the company now?")
                .doesNotContainKey(MaterialEventVariables.EVENT_OUTCOME);
        Date resumedDue = endOfDay(LocalDate.of(2026, 4, 16)); // the 18 days left, from 23 March
        assertThat(task("Task_ConcludeEvent", event)).hasDueDate(resumedDue);
        assertThat(timer(event, "Timer_ConclusionDeadline").getDuedate()).isEqualTo(resumedDue);
        verify(eventRecord, Mockito.times(2)).state(any(), eq("ACKNOWLEDGED"));

        complete(task("Task_ConcludeEvent", event), withVariables(MaterialEventVariables.EVENT_OUTCOME, "CLOSED",
                ProcessVariables.REASONS, "Answered."));
        assertThat(event).isEnded().hasPassed("End_EventClosed");
    }

    @Test
    void unansweredQuestionsLeaveTheConclusionToTheOfficerWithItsClockRunningAgain() {
        ProcessInstance event = acknowledged();
        at(LocalDate.of(2026, 3, 9));
        complete(task("Task_ConcludeEvent", event), withVariables(MaterialEventVariables.EVENT_OUTCOME, "QUESTIONS_ASKED",
                ProcessVariables.REASONS, "Who controls the company now?"));
        ProcessInstance questions = calledInstance(event);
        at(LocalDate.of(2026, 4, 21)); // 30 working days after 9 March have passed

        engine.getManagementService().executeJob(timer(questions, "Timer_MaterialsAnswerDeadline").getId());

        assertThat(questions).isEnded().hasPassed("End_NoReply");
        assertThat(event).hasPassed("Event_QuestionsUnanswered").isWaitingAt("Task_ConcludeEvent");
        // The 18 working days that were left, from 21 April.
        assertThat(task("Task_ConcludeEvent", event)).hasDueDate(endOfDay(LocalDate.of(2026, 5, 15)));
        verify(caseRecord).outcome(any(), eq("MATERIALS_REQUEST"), eq("NO_REPLY"));

        complete(task("Task_ConcludeEvent", event), withVariables(MaterialEventVariables.EVENT_OUTCOME, "REFERRED",
                ProcessVariables.REASONS, "No answer to the CSRC's questions."));
        assertThat(event).isEnded().hasPassed("End_EventReferred");
    }

    // --- passed deadlines ------------------------------------------------------------------------------

    @Test
    void aPassedAcknowledgementDeadlineEscalatesWhileTheAcknowledgementStaysOpen() {
        ProcessInstance event = start(ANNOUNCED_ON_TIME);
        at(LocalDate.of(2026, 3, 13));

        engine.getManagementService().executeJob(timer(event, "Timer_AcknowledgementDeadline").getId());

        assertThat(event).isWaitingAt("Task_AcknowledgeEvent", "Task_FollowUpOverdueAcknowledgement");
        Task followUp = task("Task_FollowUpOverdueAcknowledgement", event);
        assertThat(followUp).hasCandidateGroup("supervisor")
                .hasName("Follow up overdue acknowledgement of a material event");
        verify(eventRecord).overdue(any(), eq("eventAcknowledgement"));
        verify(caseRecord, never()).overdue(any(), anyString());

        complete(followUp, withVariables("followUpAction", "REMINDED", ProcessVariables.REASONS, "Reminded the officers."));
        assertThat(event).hasPassed("End_AcknowledgementEscalated").isWaitingAt("Task_AcknowledgeEvent");
        assertThat(runtimeService().getVariable(event.getId(), ProcessVariables.REASONS)).as("the note stays with the follow-up")
                .isNull();
    }

    @Test
    void aPassedConclusionDeadlineEscalatesAndTheConclusionEndsTheFollowUpStillOpen() {
        ProcessInstance event = acknowledged();
        at(LocalDate.of(2026, 4, 3));

        engine.getManagementService().executeJob(timer(event, "Timer_ConclusionDeadline").getId());

        assertThat(event).isWaitingAt("Task_ConcludeEvent", "Task_FollowUpOverdueEventConclusion");
        assertThat(task("Task_FollowUpOverdueEventConclusion", event)).hasCandidateGroup("supervisor")
                .hasName("Follow up overdue conclusion on a material event");
        verify(eventRecord).overdue(any(), eq("eventConclusion"));
        verify(caseRecord, never()).overdue(any(), anyString());

        complete(task("Task_ConcludeEvent", event), withVariables(MaterialEventVariables.EVENT_OUTCOME, "CLOSED",
                ProcessVariables.REASONS, "Nothing further."));
        assertThat(event).isEnded().hasPassed("End_EventClosed");
        assertThat(taskQuery().count()).isZero();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private ProcessInstance start(String announcedOn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICATION_NUMBER, APPLICATION);
        variables.put(ProcessVariables.COMPANY_GROUP, COMPANY);
        variables.put(ProcessVariables.COMPANY_NAME, "Example Data Technology Co., Ltd.");
        variables.put(MaterialEventVariables.MATERIAL_EVENT_ID, EVENT_ID);
        variables.put(MaterialEventVariables.EVENT_KIND, "CHANGE_OF_CONTROL");
        variables.put(MaterialEventVariables.ANNOUNCED_ON, announcedOn);
        variables.put(MaterialEventVariables.REPORTED_ON, REPORTED_ON.toString());
        variables.put(MaterialEventVariables.EVENT_DESCRIPTION, "Example Holdings acquired 51% of the shares.");
        return runtimeService().startProcessInstanceByKey(PROCESS, APPLICATION, variables);
    }

    /** An event reported in time and acknowledged on the day it arrived: 20 working days run to Thursday 2 April. */
    private ProcessInstance acknowledged() {
        ProcessInstance event = start(ANNOUNCED_ON_TIME);
        complete(task("Task_AcknowledgeEvent", event));
        assertThat(event).isWaitingAt("Task_ConcludeEvent");
        return event;
    }

    private ProcessInstance calledInstance(ProcessInstance caller) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    }

    private Job timer(ProcessInstance instance, String timerId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(timerId).singleResult();
    }

    private String deployedForm(Task task) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
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
