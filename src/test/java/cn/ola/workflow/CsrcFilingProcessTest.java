package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
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
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import cn.ola.calendar.WorkingDayCalendar;

/**
 * The CSRC filing: the 3-working-day filing rule, the completeness check (5 working days), the
 * conclusion (20 working days) and the time that does not count against them.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"bpmn/csrc-filing.bpmn", "bpmn/supplementary-materials.bpmn", "bpmn/company-report.bpmn",
        "forms/csrc-completeness-check.form", "forms/csrc-filing-conclusion.form", "forms/csrc-consultation.form"})
class CsrcFilingProcessTest {

    private static final String PROCESS = "csrc-filing";
    private static final String APPLICATION = "OLA-2026-000123";
    private static final String COMPANY = "company-91110000MA01ABCD1X";
    private static final String OFFICER = "csrc-officer";

    /** Thursday. The test calendar knows weekends only. */
    private static final LocalDate FILED_ON = LocalDate.of(2026, 3, 5);
    /** Monday: the filing on Thursday comes 3 working days after it, in time. */
    private static final String OVERSEAS_ON_TIME = "2026-03-02";
    /** Friday: the filing on Thursday comes 4 working days after it, late. */
    private static final String OVERSEAS_FOUR_DAYS_BEFORE = "2026-02-27";

    ProcessEngine engine;
    private CaseRecord caseRecord;
    private final RecordingLetterDelegate letters = new RecordingLetterDelegate();
    private String callerDeployment;

    @BeforeEach
    void setUp() {
        init(engine);
        caseRecord = Mockito.mock(CaseRecord.class);
        Mocks.register("caseRecord", caseRecord);
        Mocks.register("deadlines", new Deadlines(WorkingDayCalendar.weekendsOnly()));
        Mocks.register(RecordingLetterDelegate.BEAN, letters);
        at(FILED_ON);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        if (callerDeployment != null) {
            engine.getRepositoryService().deleteDeployment(callerDeployment, true);
        }
    }

    // --- the overseas application date and the 3 working days -------------------------------

    @Test
    void aKnownOverseasDateGoesStraightToTheCompletenessCheck() throws IOException {
        ProcessInstance filing = start(OVERSEAS_ON_TIME);

        assertThat(filing).isWaitingAt("Task_CompletenessCheck").hasNotPassed("Call_ReportOverseasSubmission");
        Task check = task("Task_CompletenessCheck", filing);
        assertThat(check).hasCandidateGroup(OFFICER).hasName("Check the filing for completeness")
                .hasDueDate(endOfDay(LocalDate.of(2026, 3, 12)));
        assertThat(deployedForm(check)).contains("\"id\": \"csrc-completeness-check\"", "\"key\": \"completenessOutcome\"");
        verify(caseRecord).stage(any(), eq("CSRC_FILING"));
    }

    @Test
    void anUnknownOverseasDateIsAskedOfTheCompanyFirst() {
        ProcessInstance filing = start(null);

        // The company's step is in a company-report of its own, under the case's number.
        assertThat(filing).isWaitingAt("Call_ReportOverseasSubmission");
        ProcessInstance companyReport = BpmnAwareTests.calledProcessInstance(filing);
        assertThat(companyReport.getBusinessKey()).isEqualTo(APPLICATION);
        Task report = task("Task_ReportOverseasSubmission", companyReport);
        assertThat(report).hasCandidateGroup(COMPANY).hasName("Report the date of the overseas application");
        assertThat(taskQuery().taskId(report.getId()).initializeFormKeys().singleResult())
                .hasFormKey("portal:report-overseas-submission");

        at(LocalDate.of(2026, 3, 9)); // Monday
        complete(report, withVariables(ProcessVariables.OVERSEAS_SUBMISSION_DATE, "2026-03-04"));

        assertThat(filing).isWaitingAt("Task_CompletenessCheck").hasPassed("Call_ReportOverseasSubmission")
                .variables().containsEntry(ProcessVariables.LATE_FILING, false);
        // The 5 working days start once the filing can be checked.
        assertThat(task("Task_CompletenessCheck", filing)).hasDueDate(endOfDay(LocalDate.of(2026, 3, 16)));
    }

    @Test
    void aReportedOverseasDateCanShowTheFilingWasLate() {
        ProcessInstance filing = start(null);

        complete(task("Task_ReportOverseasSubmission", BpmnAwareTests.calledProcessInstance(filing)),
                withVariables(ProcessVariables.OVERSEAS_SUBMISSION_DATE, OVERSEAS_FOUR_DAYS_BEFORE));

        assertThat(filing).hasPassed("Event_LateFilingFlagged").isWaitingAt("Task_CompletenessCheck")
                .variables().containsEntry(ProcessVariables.LATE_FILING, true);
    }

    @Test
    void filingThreeWorkingDaysAfterTheOverseasApplicationIsInTime() {
        ProcessInstance filing = start(OVERSEAS_ON_TIME);

        assertThat(filing).hasNotPassed("Event_LateFilingFlagged").isWaitingAt("Task_CompletenessCheck")
                .variables().containsEntry(ProcessVariables.LATE_FILING, false);
        verify(caseRecord, never()).outcome(any(), eq("CSRC_FILING"), eq("LATE_FILING"));
    }

    @Test
    void filingFourWorkingDaysAfterTheOverseasApplicationIsFlaggedNotRefused() {
        ProcessInstance filing = start(OVERSEAS_FOUR_DAYS_BEFORE);

        assertThat(filing).hasPassed("Event_LateFilingFlagged").isWaitingAt("Task_CompletenessCheck")
                .variables().containsEntry(ProcessVariables.LATE_FILING, true);
        verify(caseRecord).outcome(any(), eq("CSRC_FILING"), eq("LATE_FILING"));
    }

    // --- completeness check: 5 working days, stopped while the company supplements --------

    @Test
    void aSupplementStopsTheCompletenessClock() {
        ProcessInstance filing = start(OVERSEAS_ON_TIME); // due Thursday 12 March
        at(LocalDate.of(2026, 3, 9)); // Monday: 3 working days left

        complete(task("Task_CompletenessCheck", filing), withVariables(ProcessVariables.COMPLETENESS_OUTCOME,
                "SUPPLEMENT_REQUESTED", ProcessVariables.REASONS, "The PRC legal opinion is missing."));

        assertThat(filing).isWaitingAt("Call_CompletenessSupplement");
        ProcessInstance request = calledInstance(filing);
        assertThat(request).isWaitingAt("Task_SupplyMaterials").variables()
                .containsEntry(ProcessVariables.MATERIALS_REQUEST, "The PRC legal opinion is missing.")
                .containsEntry(ProcessVariables.REQUESTED_BY, "CSRC_COMPLETENESS_CHECK");
        assertThat(task("Task_SupplyMaterials", request)).hasCandidateGroup(COMPANY)
                .hasDueDate(endOfDay(LocalDate.of(2026, 4, 20)));
        assertThat(runtimeService().getVariable(filing.getId(), ProcessVariables.remainingWorkingDays("completenessCheck")))
                .isEqualTo(3);

        at(LocalDate.of(2026, 3, 23)); // the company answers two weeks later
        complete(task("Task_SupplyMaterials", request),
                withVariables(ProcessVariables.MATERIALS_ANSWER, "Legal opinion uploaded."));

        assertThat(filing).isWaitingAt("Task_CompletenessCheck")
                .variables().containsEntry(ProcessVariables.MATERIALS_ANSWER, "Legal opinion uploaded.");
        Date resumedDue = endOfDay(LocalDate.of(2026, 3, 26)); // the 3 days left, from 23 March
        assertThat(task("Task_CompletenessCheck", filing)).hasDueDate(resumedDue);
        assertThat(timer(filing, "Timer_CompletenessCheckDeadline").getDuedate()).isEqualTo(resumedDue);
        verify(caseRecord).outcome(any(), eq("CSRC_COMPLETENESS_CHECK"), eq("SUPPLEMENT_REQUESTED"));
    }

    @Test
    void anUnansweredSupplementTerminatesTheCase() {
        ProcessInstance caseInstance = startFromCaller(OVERSEAS_ON_TIME);
        ProcessInstance filing = calledInstance(caseInstance);
        complete(task("Task_CompletenessCheck", filing), withVariables(ProcessVariables.COMPLETENESS_OUTCOME,
                "SUPPLEMENT_REQUESTED", ProcessVariables.REASONS, "The PRC legal opinion is missing."));
        ProcessInstance request = calledInstance(filing);
        at(LocalDate.of(2026, 4, 17)); // 30 working days after 5 March have passed

        engine.getManagementService().executeJob(timer(request, "Timer_MaterialsAnswerDeadline").getId());

        assertThat(request).isEnded().hasPassed("End_NoReply");
        assertThat(filing).isEnded().hasNotPassed("End_NoticeIssued", "End_FilingRefused");
        assertThat(caseInstance).isEnded().hasPassed("End_Terminated");
        assertThat(taskQuery().count()).isZero();
    }

    @Test
    void aPassedCompletenessDeadlineEscalatesWhileTheCheckStaysOpen() {
        ProcessInstance filing = start(OVERSEAS_ON_TIME);
        at(LocalDate.of(2026, 3, 13));

        engine.getManagementService().executeJob(timer(filing, "Timer_CompletenessCheckDeadline").getId());

        assertThat(filing).isWaitingAt("Task_CompletenessCheck", "Task_FollowUpOverdueCompletenessCheck");
        assertThat(task("Task_FollowUpOverdueCompletenessCheck", filing)).hasCandidateGroup("supervisor")
                .hasName("Follow up overdue completeness check");
        assertThat(task("Task_CompletenessCheck", filing)).hasCandidateGroup(OFFICER);
        verify(caseRecord).overdue(any(), eq("completenessCheck"));

        complete(task("Task_FollowUpOverdueCompletenessCheck", filing));
        assertThat(filing).hasPassed("End_CompletenessCheckEscalated").isWaitingAt("Task_CompletenessCheck");
    }

    // --- conclusion: 20 working days, consultations and supplements do not count ----------

    @Test
    void aCompleteFilingIsConcludedWithinTwentyWorkingDays() throws IOException {
        ProcessInstance filing = completeFiling();

        assertThat(filing).isWaitingAt("Task_ConcludeFiling");
        Task conclude = task("Task_ConcludeFiling", filing);
        assertThat(conclude).hasCandidateGroup(OFFICER).hasName("Conclude the filing")
                .hasDueDate(endOfDay(LocalDate.of(2026, 4, 2)));
        assertThat(deployedForm(conclude)).contains("\"id\": \"csrc-filing-conclusion\"", "\"key\": \"filingOutcome\"");
        verify(caseRecord).outcome(any(), eq("CSRC_COMPLETENESS_CHECK"), eq("COMPLETE"));
    }

    @Test
    void consultingTheDepartmentsDoesNotCount() throws IOException {
        ProcessInstance filing = completeFiling(); // due Thursday 2 April
        at(LocalDate.of(2026, 3, 12)); // 15 working days left

        complete(task("Task_ConcludeFiling", filing), withVariables(ProcessVariables.FILING_OUTCOME,
                "CONSULT_DEPARTMENTS", ProcessVariables.REASONS, "Does the offering touch export control?"));

        assertThat(filing).isWaitingAt("Task_RecordConsultation");
        Task consultation = task("Task_RecordConsultation", filing);
        assertThat(consultation).hasCandidateGroup(OFFICER).hasName("Record the departments' opinions");
        assertThat(deployedForm(consultation)).contains("\"id\": \"csrc-consultation\"");
        assertThat((Object) timer(filing, "Timer_FilingConclusionDeadline")).isNull();

        at(LocalDate.of(2026, 3, 26)); // the departments answer two weeks later
        complete(consultation, withVariables(ProcessVariables.DEPARTMENTS_CONSULTED, "MOFCOM",
                ProcessVariables.DEPARTMENT_OPINIONS, "No objection."));

        assertThat(filing).isWaitingAt("Task_ConcludeFiling");
        Date resumedDue = endOfDay(LocalDate.of(2026, 4, 16)); // the 15 days left, from 26 March
        assertThat(task("Task_ConcludeFiling", filing)).hasDueDate(resumedDue);
        assertThat(timer(filing, "Timer_FilingConclusionDeadline").getDuedate()).isEqualTo(resumedDue);
        verify(caseRecord).outcome(any(), eq("CSRC_FILING"), eq("CONSULT_DEPARTMENTS"));
    }

    @Test
    void aSupplementBeforeConcludingStopsTheConclusionClock() {
        ProcessInstance filing = completeFiling(); // due Thursday 2 April
        at(LocalDate.of(2026, 3, 12)); // 15 working days left

        complete(task("Task_ConcludeFiling", filing), withVariables(ProcessVariables.FILING_OUTCOME,
                "SUPPLEMENT_REQUESTED", ProcessVariables.REASONS, "Explain the VIE structure."));

        assertThat(filing).isWaitingAt("Call_ConclusionSupplement");
        ProcessInstance request = calledInstance(filing);
        assertThat(request).variables()
                .containsEntry(ProcessVariables.MATERIALS_REQUEST, "Explain the VIE structure.")
                .containsEntry(ProcessVariables.REQUESTED_BY, "CSRC_FILING");

        at(LocalDate.of(2026, 3, 26));
        complete(task("Task_SupplyMaterials", request),
                withVariables(ProcessVariables.MATERIALS_ANSWER, "Explanation uploaded."));

        assertThat(filing).isWaitingAt("Task_ConcludeFiling");
        assertThat(task("Task_ConcludeFiling", filing)).hasDueDate(endOfDay(LocalDate.of(2026, 4, 16)));
        verify(caseRecord).outcome(any(), eq("CSRC_FILING"), eq("SUPPLEMENT_REQUESTED"));
    }

    @Test
    void aPassedConclusionDeadlineEscalatesWhileTheConclusionStaysOpen() {
        ProcessInstance filing = completeFiling();
        at(LocalDate.of(2026, 4, 3));

        engine.getManagementService().executeJob(timer(filing, "Timer_FilingConclusionDeadline").getId());

        assertThat(filing).isWaitingAt("Task_ConcludeFiling", "Task_FollowUpOverdueFilingConclusion");
        assertThat(task("Task_FollowUpOverdueFilingConclusion", filing)).hasCandidateGroup("supervisor")
                .hasName("Follow up overdue filing conclusion");
        assertThat(task("Task_ConcludeFiling", filing)).hasCandidateGroup(OFFICER);
        verify(caseRecord).overdue(any(), eq("filingConclusion"));

        complete(task("Task_FollowUpOverdueFilingConclusion", filing));
        assertThat(filing).hasPassed("End_FilingConclusionEscalated").isWaitingAt("Task_ConcludeFiling");
    }

    @Test
    void theNoticeFilesTheCase() {
        ProcessInstance caseInstance = startFromCaller(OVERSEAS_ON_TIME);
        ProcessInstance filing = calledInstance(caseInstance);
        complete(task("Task_CompletenessCheck", filing), withVariables(ProcessVariables.COMPLETENESS_OUTCOME, "COMPLETE"));

        complete(task("Task_ConcludeFiling", filing), withVariables(ProcessVariables.FILING_OUTCOME, "NOTICE_ISSUED"));

        // The notice is printed by a job of its own, after the officer's decision is saved.
        assertThat(filing).isWaitingAt("Task_IssueFilingNotice");
        verify(caseRecord, never()).status(any(), eq("FILED"));
        RecordingLetterDelegate.issuePending(engine);

        assertThat(letters.issued()).containsExactly(
                new RecordingLetterDelegate.Issued("Task_IssueFilingNotice", "FILING_NOTICE", null));
        assertThat(filing).isEnded().hasPassed("Task_IssueFilingNotice", "End_NoticeIssued");
        assertThat(caseInstance).isEnded().hasPassed("End_Filed").hasNotPassed("End_Rejected");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(caseInstance.getId()).variableName(ProcessVariables.FILING_OUTCOME)
                .singleResult().getValue()).isEqualTo("NOTICE_ISSUED");
        verify(caseRecord).status(any(), eq("FILED"));
        verify(caseRecord).outcome(any(), eq("CSRC_FILING"), eq("NOTICE_ISSUED"));
    }

    @Test
    void theNoticeClosesAFollowUpThatIsStillOpen() {
        ProcessInstance filing = completeFiling();
        at(LocalDate.of(2026, 4, 3));
        engine.getManagementService().executeJob(timer(filing, "Timer_FilingConclusionDeadline").getId());

        complete(task("Task_ConcludeFiling", filing), withVariables(ProcessVariables.FILING_OUTCOME, "NOTICE_ISSUED"));
        RecordingLetterDelegate.issuePending(engine);

        assertThat(filing).isEnded().hasPassed("End_NoticeIssued");
        assertThat(taskQuery().taskCandidateGroup("supervisor").count()).isZero();
    }

    @Test
    void aRefusalEndsTheListing() {
        ProcessInstance caseInstance = startFromCaller(OVERSEAS_ON_TIME);
        ProcessInstance filing = calledInstance(caseInstance);
        complete(task("Task_CompletenessCheck", filing), withVariables(ProcessVariables.COMPLETENESS_OUTCOME, "COMPLETE"));

        complete(task("Task_ConcludeFiling", filing), withVariables(ProcessVariables.FILING_OUTCOME, "REFUSED",
                ProcessVariables.REASONS, "The offering falls under Art. 8 (1)."));

        assertThat(filing).isEnded().hasPassed("End_FilingRefused").hasNotPassed("End_NoticeIssued", "Task_IssueFilingNotice");
        assertThat(caseInstance).isEnded().hasPassed("End_Rejected").hasNotPassed("End_Filed");
        // The refusal letter is the case's to issue (overseas-listing), whichever gate refused.
        assertThat(letters.issued()).isEmpty();
        verify(caseRecord).outcome(any(), eq("CSRC_FILING"), eq("REFUSED"));
        verify(caseRecord, never()).status(any(), eq("FILED"));
    }

    // --- the notice cannot be printed: retries, then an incident for the administrators -----------

    @Test
    void aNoticeThatCannotBeIssuedIsTriedThreeTimesFiveMinutesApartAndThenBecomesAnIncident() {
        ProcessInstance caseInstance = startFromCaller(OVERSEAS_ON_TIME);
        ProcessInstance filing = calledInstance(caseInstance);
        complete(task("Task_CompletenessCheck", filing), withVariables(ProcessVariables.COMPLETENESS_OUTCOME, "COMPLETE"));
        complete(task("Task_ConcludeFiling", filing), withVariables(ProcessVariables.FILING_OUTCOME, "NOTICE_ISSUED"));
        letters.failWith(new IllegalStateException("The letter font is missing"));

        for (int attempt = 1; attempt <= 3; attempt++) {
            Job notice = RecordingLetterDelegate.job(engine, "Task_IssueFilingNotice");
            assertThat(notice.getRetries()).as("retries left before attempt " + attempt).isEqualTo(4 - attempt);
            assertThatThrownBy(() -> engine.getManagementService().executeJob(notice.getId()))
                    .hasMessageContaining("The letter font is missing");
            Job failed = RecordingLetterDelegate.job(engine, "Task_IssueFilingNotice");
            assertThat(failed.getRetries()).isEqualTo(3 - attempt);
            if (attempt < 3) {
                assertThat(failed.getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000));
                assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
                ClockUtil.setCurrentTime(failed.getDuedate());
            }
        }

        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(filing.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_IssueFilingNotice");
        assertThat(incident.getIncidentMessage()).contains("The letter font is missing");
        // Cockpit shows it on the case too, at the call of the filing.
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(caseInstance.getId()).singleResult()
                .getRootCauseIncidentId()).isEqualTo(incident.getId());
        // Nothing after the letter happened: the case is not filed, the officer's decision stands.
        assertThat(filing).isWaitingAt("Task_IssueFilingNotice").isNotEnded();
        assertThat(caseInstance).isNotEnded();
        verify(caseRecord, never()).status(any(), eq("FILED"));
        assertThat(taskQuery().count()).isZero();

        // An administrator fixes the cause and retries the job in Cockpit.
        letters.repair();
        Job failed = RecordingLetterDelegate.job(engine, "Task_IssueFilingNotice");
        engine.getManagementService().setJobRetries(failed.getId(), 1);
        ClockUtil.setCurrentTime(failed.getDuedate());
        RecordingLetterDelegate.issuePending(engine);

        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
        assertThat(letters.issued()).extracting(RecordingLetterDelegate.Issued::letterKind).containsExactly("FILING_NOTICE");
        assertThat(filing).isEnded().hasPassed("End_NoticeIssued");
        assertThat(caseInstance).isEnded().hasPassed("End_Filed");
        verify(caseRecord).status(any(), eq("FILED"));
    }

    // --- helpers ------------------------------------------------------------------------------

    private ProcessInstance start(String overseasSubmissionDate) {
        return runtimeService().startProcessInstanceByKey(PROCESS, APPLICATION, caseVariables(overseasSubmissionDate));
    }

    /** A filing found complete on the day it arrived: the 20 working days run to Thursday 2 April. */
    private ProcessInstance completeFiling() {
        ProcessInstance filing = start(OVERSEAS_ON_TIME);
        complete(task("Task_CompletenessCheck", filing), withVariables(ProcessVariables.COMPLETENESS_OUTCOME, "COMPLETE"));
        return filing;
    }

    /**
     * Starts the filing the way the main process does: from a call activity that passes the case
     * variables and the business key, maps out filingOutcome and catches LISTING_REFUSED and NO_REPLY.
     */
    private ProcessInstance startFromCaller(String overseasSubmissionDate) {
        BpmnModelInstance caller = Bpmn.createExecutableProcess("test-case")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Call_CsrcFiling").calledElement(PROCESS)
                .camundaOut(ProcessVariables.FILING_OUTCOME, ProcessVariables.FILING_OUTCOME)
                .endEvent("End_Filed")
                .moveToActivity("Call_CsrcFiling").boundaryEvent("Catch_ListingRefused").error("LISTING_REFUSED")
                .endEvent("End_Rejected")
                .moveToActivity("Call_CsrcFiling").boundaryEvent("Catch_NoReply").error("NO_REPLY")
                .endEvent("End_Terminated")
                .done();
        CallActivity call = caller.getModelElementById("Call_CsrcFiling");
        CamundaIn allVariables = caller.newInstance(CamundaIn.class);
        allVariables.setCamundaVariables("all");
        call.getExtensionElements().addChildElement(allVariables);
        CamundaIn businessKey = caller.newInstance(CamundaIn.class);
        businessKey.setCamundaBusinessKey("#{execution.processBusinessKey}");
        call.getExtensionElements().addChildElement(businessKey);
        callerDeployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("test-case.bpmn", caller).deploy().getId();
        return runtimeService().startProcessInstanceByKey("test-case", APPLICATION, caseVariables(overseasSubmissionDate));
    }

    private Map<String, Object> caseVariables(String overseasSubmissionDate) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICATION_NUMBER, APPLICATION);
        variables.put(ProcessVariables.COMPANY_GROUP, COMPANY);
        variables.put(ProcessVariables.COMPANY_NAME, "Example Data Technology Co., Ltd.");
        variables.put(ProcessVariables.SUBMITTED_ON, FILED_ON.toString());
        variables.put(ProcessVariables.OVERSEAS_SUBMISSION_DATE, overseasSubmissionDate);
        variables.put(ProcessVariables.VENUE_EXCHANGE, "NASDAQ");
        variables.put(ProcessVariables.VENUE_REGION, "US");
        variables.put(ProcessVariables.LISTING_TYPE, "INDIRECT");
        return variables;
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
