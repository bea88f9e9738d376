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
import cn.ola.events.SubsequentOfferingRecord;

/**
 * A listed company's later offering on its market: the 3-working-day filing rule (late is flagged, not
 * refused), the CSRC's completeness check (5 working days) and conclusion (20 working days), supplements
 * with the clock stopped, the filing notice and the refusal as letters, and the escalations of passed
 * deadlines. The listed case it was filed from keeps its status and stages whatever happens.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"bpmn/subsequent-offering.bpmn", "bpmn/supplementary-materials.bpmn",
        "forms/subsequent-offering-completeness-check.form", "forms/subsequent-offering-conclusion.form",
        "forms/deadline-escalation.form"})
class SubsequentOfferingProcessTest {

    private static final String PROCESS = "subsequent-offering";
    private static final String APPLICATION = "OLA-2026-000123";
    private static final String COMPANY = "company-91110000MA01ABCD1X";
    private static final String OFFICER = "csrc-officer";
    private static final long OFFERING_ID = 7L;

    /** Thursday. The test calendar knows weekends only. */
    private static final LocalDate FILED_ON = LocalDate.of(2026, 3, 5);
    /** Monday: filed on Thursday, 3 working days after it, in time. */
    private static final String COMPLETED_ON_TIME = "2026-03-02";
    /** Friday: filed on Thursday, 4 working days after it, late. */
    private static final String COMPLETED_FOUR_DAYS_BEFORE = "2026-02-27";

    ProcessEngine engine;
    private CaseRecord caseRecord;
    private SubsequentOfferingRecord offeringRecord;
    private final RecordingLetterDelegate letters = new RecordingLetterDelegate();

    @BeforeEach
    void setUp() {
        init(engine);
        caseRecord = Mockito.mock(CaseRecord.class);
        offeringRecord = Mockito.mock(SubsequentOfferingRecord.class);
        Mocks.register("caseRecord", caseRecord);
        Mocks.register("subsequentOfferingRecord", offeringRecord);
        Mocks.register("deadlines", new Deadlines(WorkingDayCalendar.weekendsOnly()));
        Mocks.register(RecordingLetterDelegate.BEAN, letters);
        at(FILED_ON);
    }

    @AfterEach
    void theListedCaseKeepsItsStatusAndStages() {
        try {
            verify(caseRecord, never()).status(any(), anyString());
            verify(caseRecord, never()).close(any(), anyString());
            verify(caseRecord, never()).stage(any(), anyString());
            verify(caseRecord, never()).stageEnded(any(), anyString());
            verify(caseRecord, never()).overdue(any(), anyString());
        } finally {
            Mocks.reset();
            ClockUtil.reset();
        }
    }

    // --- the filing and its 3 working days ------------------------------------------------------------

    @Test
    void aFilingInTimeWaitsForTheCompletenessCheck() throws IOException {
        ProcessInstance offering = start(COMPLETED_ON_TIME);

        assertThat(offering).isWaitingAt("Task_CheckOfferingCompleteness").hasPassed("Task_CheckOfferingFilingDate")
                .hasNotPassed("Event_LateFilingFlagged").variables()
                .containsEntry(SubsequentOfferingVariables.LATE_FILING, false);
        assertThat(offering.getBusinessKey()).isEqualTo(APPLICATION);
        Task check = task("Task_CheckOfferingCompleteness", offering);
        assertThat(check).hasCandidateGroup(OFFICER).hasName("Check the offering's filing for completeness")
                .hasDueDate(endOfDay(LocalDate.of(2026, 3, 12)));
        assertThat(deployedForm(check)).contains("\"id\": \"subsequent-offering-completeness-check\"",
                "\"key\": \"offeringDescription\"");
        verify(caseRecord, never()).outcome(any(), eq("SUBSEQUENT_OFFERING"), eq("LATE_FILING"));
        verify(offeringRecord, never()).flagLate(any());
    }

    @Test
    void aLateFilingIsFlaggedAndHandledAllTheSame() {
        ProcessInstance offering = start(COMPLETED_FOUR_DAYS_BEFORE);

        assertThat(offering).hasPassed("Event_LateFilingFlagged").isWaitingAt("Task_CheckOfferingCompleteness")
                .variables().containsEntry(SubsequentOfferingVariables.LATE_FILING, true);
        verify(caseRecord).outcome(any(), eq("SUBSEQUENT_OFFERING"), eq("LATE_FILING"));
        verify(offeringRecord).flagLate(any());
    }

    // --- completeness, supplements and conclusions ------------------------------------------------------

    @Test
    void aSupplementToTheFilingStopsTheCompletenessClockUntilTheCompanyAnswers() {
        ProcessInstance offering = start(COMPLETED_ON_TIME); // check due Thursday 12 March
        at(LocalDate.of(2026, 3, 9)); // Monday: 3 working days left

        complete(task("Task_CheckOfferingCompleteness", offering), withVariables(
                SubsequentOfferingVariables.COMPLETENESS_OUTCOME, "SUPPLEMENT_REQUESTED",
                ProcessVariables.REASONS, "The underwriting agreement is missing."));

        assertThat(offering).isWaitingAt("Call_CompletenessSupplement");
        ProcessInstance supplement = calledInstance(offering);
        assertThat(supplement.getBusinessKey()).isEqualTo(APPLICATION);
        assertThat(supplement).isWaitingAt("Task_SupplyMaterials").variables()
                .containsEntry(ProcessVariables.MATERIALS_REQUEST, "The underwriting agreement is missing.")
                .containsEntry(ProcessVariables.REQUESTED_BY, "SUBSEQUENT_OFFERING");
        assertThat(task("Task_SupplyMaterials", supplement)).hasCandidateGroup(COMPANY);
        assertThat(runtimeService().getVariable(offering.getId(), ProcessVariables.remainingWorkingDays("offeringCompleteness")))
                .isEqualTo(3);
        verify(caseRecord).outcome(any(), eq("SUBSEQUENT_OFFERING"), eq("SUPPLEMENT_REQUESTED"));
        verify(offeringRecord).state(any(), eq("SUPPLEMENT_REQUESTED"));

        at(LocalDate.of(2026, 3, 23)); // the company answers two weeks later
        complete(task("Task_SupplyMaterials", supplement),
                withVariables(ProcessVariables.MATERIALS_ANSWER, "Attached."));

        assertThat(offering).isWaitingAt("Task_CheckOfferingCompleteness").variables()
                .containsEntry(ProcessVariables.MATERIALS_ANSWER, "Attached.")
                .doesNotContainKey(SubsequentOfferingVariables.COMPLETENESS_OUTCOME);
        Date resumedDue = endOfDay(LocalDate.of(2026, 3, 26)); // the 3 days left, from 23 March
        assertThat(task("Task_CheckOfferingCompleteness", offering)).hasDueDate(resumedDue);
        assertThat(timer(offering, "Timer_CompletenessDeadline").getDuedate()).isEqualTo(resumedDue);
        verify(offeringRecord).state(any(), eq("FILED"));
    }

    @Test
    void aCompleteFilingIsConcludedWithTheFilingNoticeAsALetter() throws IOException {
        ProcessInstance offering = foundComplete();

        Task conclude = task("Task_ConcludeOffering", offering);
        assertThat(conclude).hasCandidateGroup(OFFICER).hasName("Conclude the subsequent offering's filing")
                .hasDueDate(endOfDay(LocalDate.of(2026, 4, 2)));
        assertThat(deployedForm(conclude)).contains("\"id\": \"subsequent-offering-conclusion\"", "\"key\": \"offeringOutcome\"");
        verify(caseRecord).outcome(any(), eq("SUBSEQUENT_OFFERING"), eq("COMPLETE"));
        verify(offeringRecord).state(any(), eq("COMPLETE"));

        complete(conclude, withVariables(SubsequentOfferingVariables.OUTCOME, "NOTICE_ISSUED", ProcessVariables.REASONS,
                "The filing is complete."));
        RecordingLetterDelegate.issuePending(engine);

        assertThat(offering).isEnded().hasPassed("Task_IssueOfferingNotice", "End_OfferingFiled")
                .hasNotPassed("End_OfferingRefused");
        assertThat(letters.issued()).containsExactly(new RecordingLetterDelegate.Issued("Task_IssueOfferingNotice",
                "SUBSEQUENT_OFFERING_CONCLUSION", "FILED"));
        verify(caseRecord).outcome(any(), eq("SUBSEQUENT_OFFERING"), eq("NOTICE_ISSUED"));
        verify(offeringRecord).conclude(any(), eq("NOTICE_ISSUED"));
    }

    @Test
    void aRefusalIsIssuedAsALetterAndEndsTheOfferingNotTheCase() {
        ProcessInstance offering = foundComplete();

        complete(task("Task_ConcludeOffering", offering), withVariables(SubsequentOfferingVariables.OUTCOME, "REFUSED",
                ProcessVariables.REASONS, "The offering breaches Art. 8."));
        RecordingLetterDelegate.issuePending(engine);

        assertThat(offering).isEnded().hasPassed("Task_IssueOfferingRefusal", "End_OfferingRefused")
                .hasNotPassed("End_OfferingFiled");
        assertThat(letters.issued()).containsExactly(new RecordingLetterDelegate.Issued("Task_IssueOfferingRefusal",
                "SUBSEQUENT_OFFERING_CONCLUSION", "REFUSED"));
        verify(caseRecord).outcome(any(), eq("SUBSEQUENT_OFFERING"), eq("REFUSED"));
        verify(offeringRecord).conclude(any(), eq("REFUSED"));
    }

    @Test
    void aSupplementBeforeConcludingStopsTheConclusionClockAndAnUnansweredOneReturnsToTheOfficer() {
        ProcessInstance offering = foundComplete(); // conclusion due Thursday 2 April
        at(LocalDate.of(2026, 3, 9)); // Monday: 18 working days left

        complete(task("Task_ConcludeOffering", offering), withVariables(SubsequentOfferingVariables.OUTCOME,
                "SUPPLEMENT_REQUESTED", ProcessVariables.REASONS, "How much was raised?"));
        ProcessInstance supplement = calledInstance(offering);
        assertThat(runtimeService().getVariable(offering.getId(), ProcessVariables.clockStopped("offeringConclusion")))
                .isEqualTo(true);
        at(LocalDate.of(2026, 4, 21)); // 30 working days after 9 March have passed

        engine.getManagementService().executeJob(timer(supplement, "Timer_MaterialsAnswerDeadline").getId());

        assertThat(offering).hasPassed("Event_ConclusionSupplementUnanswered").isWaitingAt("Task_ConcludeOffering");
        // The 18 working days that were left, from 21 April.
        assertThat(task("Task_ConcludeOffering", offering)).hasDueDate(endOfDay(LocalDate.of(2026, 5, 15)));
        verify(offeringRecord, Mockito.times(2)).state(any(), eq("COMPLETE"));
    }

    // --- passed deadlines ------------------------------------------------------------------------------

    @Test
    void aPassedCompletenessDeadlineMarksTheOfferingOverdueForASupervisor() {
        ProcessInstance offering = start(COMPLETED_ON_TIME);
        at(LocalDate.of(2026, 3, 13));

        engine.getManagementService().executeJob(timer(offering, "Timer_CompletenessDeadline").getId());

        assertThat(offering).isWaitingAt("Task_CheckOfferingCompleteness", "Task_FollowUpOverdueOfferingCompleteness");
        Task followUp = task("Task_FollowUpOverdueOfferingCompleteness", offering);
        assertThat(followUp).hasCandidateGroup("supervisor");
        verify(offeringRecord).overdue(any(), eq("offeringCompleteness"));

        complete(followUp, withVariables("followUpAction", "REMINDED", ProcessVariables.REASONS, "Reminded the officers."));
        assertThat(offering).hasPassed("End_CompletenessEscalated").isWaitingAt("Task_CheckOfferingCompleteness");
        assertThat(runtimeService().getVariable(offering.getId(), ProcessVariables.REASONS)).as("the note stays with the follow-up")
                .isNull();
    }

    @Test
    void aPassedConclusionDeadlineEscalatesAndTheConclusionEndsTheFollowUpStillOpen() {
        ProcessInstance offering = foundComplete();
        at(LocalDate.of(2026, 4, 3));

        engine.getManagementService().executeJob(timer(offering, "Timer_ConclusionDeadline").getId());

        assertThat(offering).isWaitingAt("Task_ConcludeOffering", "Task_FollowUpOverdueOfferingConclusion");
        assertThat(task("Task_FollowUpOverdueOfferingConclusion", offering)).hasCandidateGroup("supervisor");
        verify(offeringRecord).overdue(any(), eq("offeringConclusion"));

        complete(task("Task_ConcludeOffering", offering), withVariables(SubsequentOfferingVariables.OUTCOME, "NOTICE_ISSUED",
                ProcessVariables.REASONS, "Complete."));
        RecordingLetterDelegate.issuePending(engine);
        assertThat(offering).isEnded().hasPassed("End_OfferingFiled");
        assertThat(taskQuery().count()).isZero();
    }

    // --- withdrawal -------------------------------------------------------------------------------------

    @Test
    void theCompanyWithdrawsItsFilingWhileASupplementIsAskedAndEveryOpenStepEndsWithoutALetter() {
        ProcessInstance offering = start(COMPLETED_ON_TIME);
        complete(task("Task_CheckOfferingCompleteness", offering), withVariables(
                SubsequentOfferingVariables.COMPLETENESS_OUTCOME, "SUPPLEMENT_REQUESTED",
                ProcessVariables.REASONS, "The underwriting agreement is missing."));
        ProcessInstance supplement = calledInstance(offering);

        runtimeService().createMessageCorrelation("SubsequentOfferingWithdrawn").processInstanceId(offering.getId())
                .setVariable(ProcessVariables.REASONS, "The placing was cancelled.").correlate();

        assertThat(offering).isEnded().hasPassed("End_OfferingWithdrawn")
                .hasNotPassed("End_OfferingFiled", "End_OfferingRefused");
        assertThat(supplement).isEnded();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(APPLICATION).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(offering.getId()).count())
                .as("no deadline left running").isZero();
        assertThat(letters.issued()).isEmpty();
        verify(caseRecord).outcome(any(), eq("SUBSEQUENT_OFFERING"), eq("WITHDRAWN"));
        verify(offeringRecord).conclude(any(), eq("WITHDRAWN"));
    }

    @Test
    void aFilingFoundCompleteCanStillBeWithdrawnBeforeTheConclusion() {
        ProcessInstance offering = foundComplete();

        runtimeService().createMessageCorrelation("SubsequentOfferingWithdrawn").processInstanceId(offering.getId())
                .setVariable(ProcessVariables.REASONS, "Postponed.").correlate();

        assertThat(offering).isEnded().hasPassed("End_OfferingWithdrawn").hasNotPassed("Task_IssueOfferingNotice");
        verify(offeringRecord).conclude(any(), eq("WITHDRAWN"));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private ProcessInstance start(String completedOn) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICATION_NUMBER, APPLICATION);
        variables.put(ProcessVariables.COMPANY_GROUP, COMPANY);
        variables.put(ProcessVariables.COMPANY_NAME, "Example Data Technology Co., Ltd.");
        variables.put(SubsequentOfferingVariables.OFFERING_ID, OFFERING_ID);
        variables.put(SubsequentOfferingVariables.COMPLETED_ON, completedOn);
        variables.put(SubsequentOfferingVariables.FILED_ON, FILED_ON.toString());
        variables.put(SubsequentOfferingVariables.DESCRIPTION, "Placing of 200,000,000 new H shares, about HKD 1.2 billion.");
        return runtimeService().startProcessInstanceByKey(PROCESS, APPLICATION, variables);
    }

    /** A filing in time found complete on the day it arrived: 20 working days run to Thursday 2 April. */
    private ProcessInstance foundComplete() {
        ProcessInstance offering = start(COMPLETED_ON_TIME);
        complete(task("Task_CheckOfferingCompleteness", offering),
                withVariables(SubsequentOfferingVariables.COMPLETENESS_OUTCOME, "COMPLETE"));
        assertThat(offering).isWaitingAt("Task_ConcludeOffering");
        return offering;
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
