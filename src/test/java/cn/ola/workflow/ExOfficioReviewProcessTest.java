package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import cn.ola.calendar.WorkingDayCalendar;

/**
 * Every path of {@code bpmn/ex-officio-review.bpmn}, with the real called models (the company's
 * confirmation in {@code company-report}, requests in {@code supplementary-materials}, each agency in
 * {@code member-agency-opinion}). The calendar knows weekends only; the review opens on Monday
 * 2 March 2026, so N working days from a Monday end N/5 weeks later.
 */
@ExtendWith({ProcessEngineExtension.class, AgencyOpinionsDeployed.class})
@Deployment(resources = {"bpmn/ex-officio-review.bpmn", "bpmn/company-report.bpmn",
        "bpmn/supplementary-materials.bpmn"})
class ExOfficioReviewProcessTest {

    static final String PROCESS = CaseModel.EX_OFFICIO_REVIEW.key();
    static final String APPLICATION = "OLA-2026-000321";
    static final String COMPANY_GROUP = "company-91110000MA01ABCD2Q";
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final String MEASURES_STEP = "EX_OFFICIO_INTERIM_MEASURES";

    ProcessEngine processEngine;

    final CaseRecord caseRecord = Mockito.mock(CaseRecord.class);
    final RecordingLetterDelegate letters = new RecordingLetterDelegate();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        moveTo(MONDAY);
        Deadlines deadlines = new Deadlines(WorkingDayCalendar.weekendsOnly());
        Mocks.register("deadlines", deadlines);
        Mocks.register("caseRecord", caseRecord);
        Mocks.register("memberAgencies", new MemberAgencies());
        Mocks.register("interimMeasures", new InterimMeasures(deadlines));
        Mocks.register(RecordingLetterDelegate.BEAN, letters);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // --- interim measures ----------------------------------------------------------------------------

    @Test
    void theOfficeDecidesOnInterimMeasuresWithinTenWorkingDaysAndMayImposeNone() {
        ProcessInstance review = open();

        Task decide = task("Task_DecideInterimMeasures", review);
        assertThat(candidateGroups(decide)).containsExactly("cro-reviewer");
        assertThat(decide.getDueDate()).isEqualTo(endOf(2026, 3, 16));

        complete(decide, withVariables("reviewComplex", false));

        assertThat(review).isWaitingAt("Task_ExOfficioReview").hasNotPassed("Call_ConfirmCompliance");
        assertThat(task("Task_ExOfficioReview", review).getDueDate()).isEqualTo(endOf(2026, 4, 13));
        verify(caseRecord, never()).outcomeWithText(any(DelegateExecution.class), eq(MEASURES_STEP), anyString(), anyString());
    }

    @Test
    void measuresAreToldWithTheirDateAndTheCompanyConfirmsInADefinitionOfItsOwn() {
        ProcessInstance review = open();

        imposeMeasures(review, true);

        verify(caseRecord).outcomeWithText(any(DelegateExecution.class), eq(MEASURES_STEP), eq("IMPOSED"),
                contains("暂停新用户注册 / Suspend new user registrations"));
        verify(caseRecord).outcomeWithText(any(DelegateExecution.class), eq(MEASURES_STEP), eq("IMPOSED"),
                contains("From 2026-03-03"));
        assertThat(runtimeVariable(review, ProcessVariables.INTERIM_MEASURES_IN_FORCE)).isEqualTo(true);
        // The complex review runs alongside: 45 working days.
        assertThat(task("Task_ExOfficioReview", review).getDueDate()).isEqualTo(endOf(2026, 5, 4));

        ProcessInstance confirmation = BpmnAwareTests.calledProcessInstance(review);
        assertThat(confirmation.getProcessDefinitionId()).startsWith(CaseModel.COMPANY_REPORT.key() + ":");
        assertThat(confirmation.getBusinessKey()).isEqualTo(APPLICATION);
        Task confirm = task(ApplicantAction.CONFIRM_COMPLIANCE.taskKey(), confirmation);
        assertThat(candidateGroups(confirm)).containsExactly(COMPANY_GROUP);
        assertThat(confirm.getDueDate()).isEqualTo(endOf(2026, 3, 9));
        // Officers, pooled on the review, never hold the company's step in their definition.
        assertThat(openTasks(review, ApplicantAction.CONFIRM_COMPLIANCE.taskKey())).isEmpty();

        complete(confirm, withVariables(ProcessVariables.COMPLIANCE_STATEMENT, "Registrations suspended on 3 March"));

        assertThat(review).isWaitingAt("Task_ExOfficioReview", "Task_LiftInterimMeasures");
        assertThat(runtimeVariable(review, ProcessVariables.COMPLIANCE_STATEMENT)).isEqualTo("Registrations suspended on 3 March");
    }

    @Test
    void measuresLiftedEarlyAreNotLiftedAgainAtTheConclusion() {
        ProcessInstance review = open();
        imposeMeasures(review, false);
        confirmCompliance(review);

        complete(task("Task_LiftInterimMeasures", review), withVariables(ProcessVariables.INTERIM_MEASURES_LIFTED_ON, "2026-03-20"));

        assertThat(review).hasPassed("End_MeasuresLiftedEarly").isWaitingAt("Task_ExOfficioReview");
        verify(caseRecord).outcomeWithText(any(DelegateExecution.class), eq(MEASURES_STEP), eq("LIFTED"),
                contains("2026-03-20"));
        assertThat(runtimeVariable(review, ProcessVariables.INTERIM_MEASURES_IN_FORCE)).isEqualTo(false);

        conclude(review, "CLEARED", false);
        RecordingLetterDelegate.issuePending(processEngine);

        assertThat(review).hasNotPassed("Event_MeasuresLiftedAtConclusion").hasPassed("End_Cleared").isEnded();
        verify(caseRecord, Mockito.times(1)).outcomeWithText(any(DelegateExecution.class), eq(MEASURES_STEP), eq("LIFTED"),
                anyString());
    }

    // --- conclusions ------------------------------------------------------------------------------------

    @Test
    void aClearanceLiftsTheMeasuresAndEndsEveryOpenStepWithItsLetter() {
        ProcessInstance review = open();
        imposeMeasures(review, false);

        conclude(review, "CLEARED", false);

        assertThat(review).hasPassed("Event_MeasuresLiftedAtConclusion").isWaitingAt("Task_IssueClearedLetter");
        verify(caseRecord).outcomeWithText(any(DelegateExecution.class), eq(MEASURES_STEP), eq("LIFTED"), contains("2026-03-02"));
        RecordingLetterDelegate.issuePending(processEngine);
        assertThat(letters.issued()).containsExactly(
                new RecordingLetterDelegate.Issued("Task_IssueClearedLetter", "EX_OFFICIO_REVIEW_CONCLUSION", "CLEARED"));
        assertThat(review).hasPassed("End_Cleared").isEnded();
        // The company's unanswered confirmation ends with the review.
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(APPLICATION).count()).isZero();
        verify(caseRecord).outcome(any(DelegateExecution.class), eq("EX_OFFICIO_REVIEW"), eq("CLEARED"));
        verify(caseRecord).outcome(any(DelegateExecution.class), eq("EX_OFFICIO_REVIEW_ASSESSMENT"), eq("CLEARED"));
    }

    @Test
    void aRectificationOrderKeepsTheMeasuresUnlessTheOfficeLiftsThem() {
        ProcessInstance kept = open();
        imposeMeasures(kept, false);
        conclude(kept, "RECTIFICATION_ORDERED", false);
        RecordingLetterDelegate.issuePending(processEngine);

        assertThat(kept).hasNotPassed("Event_MeasuresLiftedAtConclusion").hasPassed("End_RectificationOrdered").isEnded();
        verify(caseRecord, never()).outcomeWithText(any(DelegateExecution.class), eq(MEASURES_STEP), eq("LIFTED"), anyString());

        ProcessInstance lifted = open();
        imposeMeasures(lifted, false);
        conclude(lifted, "RECTIFICATION_ORDERED", true);
        RecordingLetterDelegate.issuePending(processEngine);

        assertThat(lifted).hasPassed("Event_MeasuresLiftedAtConclusion", "End_RectificationOrdered").isEnded();
        assertThat(letters.issued()).extracting(RecordingLetterDelegate.Issued::conclusion)
                .containsExactly("RECTIFICATION_ORDERED", "RECTIFICATION_ORDERED");
        verify(caseRecord, Mockito.times(2)).outcome(any(DelegateExecution.class), eq("EX_OFFICIO_REVIEW"),
                eq("RECTIFICATION_ORDERED"));
    }

    @Test
    void aReferralForPenaltiesEndsTheReviewWithItsLetter() {
        ProcessInstance review = open();
        complete(task("Task_DecideInterimMeasures", review), withVariables("reviewComplex", false));

        conclude(review, "REFERRED_FOR_PENALTIES", false);

        assertThat(review).hasNotPassed("Event_MeasuresLiftedAtConclusion").isWaitingAt("Task_IssueReferralLetter");
        RecordingLetterDelegate.issuePending(processEngine);
        assertThat(letters.issued()).containsExactly(new RecordingLetterDelegate.Issued("Task_IssueReferralLetter",
                "EX_OFFICIO_REVIEW_CONCLUSION", "REFERRED_FOR_PENALTIES"));
        assertThat(review).hasPassed("End_ReferredForPenalties").isEnded();
        verify(caseRecord).outcome(any(DelegateExecution.class), eq("EX_OFFICIO_REVIEW"), eq("REFERRED_FOR_PENALTIES"));
    }

    // --- member agencies and materials --------------------------------------------------------------------

    @Test
    void eachAgencyConsultedAnswersInItsOwnDefinitionAndADisagreementGivesNinetyWorkingDays() {
        ProcessInstance review = open();
        complete(task("Task_DecideInterimMeasures", review), withVariables("reviewComplex", false));

        consult(review, "mps", "miit");

        assertThat(review).isWaitingAt("Call_AgencyOpinions");
        List<Task> opinions = agencyTasks();
        assertThat(opinions).extracting(this::candidateGroups).containsExactlyInAnyOrder(
                List.of("review-member-agency-mps"), List.of("review-member-agency-miit"));
        assertThat(opinions).extracting(Task::getDueDate).containsOnly(endOf(2026, 3, 23));
        assertThat(opinions).extracting(opinion -> processEngine.getRepositoryService()
                .getProcessDefinition(opinion.getProcessDefinitionId()).getKey())
                .containsExactlyInAnyOrder("member-agency-opinion-mps", "member-agency-opinion-miit");
        Map<String, Object> visible = processEngine.getTaskService().getVariables(opinions.get(0).getId());
        assertThat(visible).containsEntry(ProcessVariables.INITIAL_REVIEW_REASONS, "Note to the agencies")
                .doesNotContainKeys(ProcessVariables.EX_OFFICIO_GROUNDS, ProcessVariables.COMPANY_GROUP, "internalNotes");

        agencyOpinion("miit", "AGREE", null);
        agencyOpinion("mps", "DISAGREE", "Data of public-security relevance");

        assertThat(review).isWaitingAt("Task_ExOfficioReview");
        assertThat(runtimeVariable(review, ProcessVariables.AGENCY_DISAGREEMENTS)).isEqualTo("MPS: Data of public-security relevance");
        assertThat(task("Task_ExOfficioReview", review).getDueDate()).isEqualTo(endOf(2026, 7, 6));
    }

    @Test
    void whenEveryAgencyAgreesTheOfficeConcludesWithinFifteenWorkingDays() {
        ProcessInstance review = open();
        complete(task("Task_DecideInterimMeasures", review), withVariables("reviewComplex", false));
        consult(review, "ndrc");

        agencyOpinion("ndrc", "AGREE", null);

        assertThat(task("Task_ExOfficioReview", review).getDueDate()).isEqualTo(endOf(2026, 3, 23));
        verify(caseRecord).outcome(any(DelegateExecution.class), eq("EX_OFFICIO_REVIEW_ASSESSMENT"), eq("CONSULT_AGENCIES"));
    }

    @Test
    void aRequestForMaterialsStopsTheReviewClockUntilTheCompanyAnswers() {
        ProcessInstance review = open();
        complete(task("Task_DecideInterimMeasures", review), withVariables("reviewComplex", false)); // due Monday 13 April
        assertThat(processEngine.getRuntimeService().getVariables(review.getId())).as("a running clock carries no stop mark")
                .doesNotContainKey(ProcessVariables.clockStopped("exOfficioReview"));
        moveTo(LocalDate.of(2026, 4, 6)); // Monday: 5 working days left

        complete(task("Task_ExOfficioReview", review), withVariables(ProcessVariables.EX_OFFICIO_OPINION, "MATERIALS_REQUESTED",
                ProcessVariables.REASONS, "Describe the data flows to the overseas auditor"));

        assertThat(review).isWaitingAt("Call_ReviewMaterials");
        ProcessInstance request = BpmnAwareTests.calledProcessInstance(review);
        assertThat(runtimeVariable(request, ProcessVariables.MATERIALS_REQUEST)).isEqualTo("Describe the data flows to the overseas auditor");
        assertThat(runtimeVariable(request, ProcessVariables.REQUESTED_BY)).isEqualTo("EX_OFFICIO_REVIEW");
        assertThat(runtimeVariable(review, ProcessVariables.clockStopped("exOfficioReview"))).isEqualTo(true);

        moveTo(LocalDate.of(2026, 5, 4));
        complete(task(ApplicantAction.SUPPLY_MATERIALS.taskKey(), request),
                withVariables(ProcessVariables.MATERIALS_ANSWER, "Data-flow description uploaded"));

        assertThat(review).isWaitingAt("Task_ExOfficioReview");
        assertThat(task("Task_ExOfficioReview", review).getDueDate()).isEqualTo(endOf(2026, 5, 11));
        assertThat(runtimeVariable(review, ProcessVariables.clockStopped("exOfficioReview"))).as("running again").isEqualTo(false);
        assertThat(runtimeVariable(review, ProcessVariables.MATERIALS_ANSWER)).isEqualTo("Data-flow description uploaded");
    }

    @Test
    void withoutAnAnswerTheOfficeGoesOnWithWhatItHasAndTheCaseIsNotTerminated() {
        ProcessInstance review = open();
        complete(task("Task_DecideInterimMeasures", review), withVariables("reviewComplex", false));
        complete(task("Task_ExOfficioReview", review), withVariables(ProcessVariables.EX_OFFICIO_OPINION, "MATERIALS_REQUESTED",
                ProcessVariables.REASONS, "Send the data inventory"));
        ProcessInstance request = BpmnAwareTests.calledProcessInstance(review);

        Job noReply = processEngine.getManagementService().createJobQuery().processInstanceId(request.getId()).timers()
                .singleResult();
        ClockUtil.setCurrentTime(new Date(noReply.getDuedate().getTime() + 1000));
        processEngine.getManagementService().executeJob(noReply.getId());

        assertThat(request).hasPassed("End_NoReply").isEnded();
        assertThat(review).hasPassed("Error_MaterialsNotSupplied").isWaitingAt("Task_ExOfficioReview");
        assertThat(runtimeVariable(review, ProcessVariables.clockStopped("exOfficioReview"))).isEqualTo(false);
    }

    // --- deadlines: a supervisor follows up, the office's task stays open -----------------------------------

    @Test
    void anOverdueMeasuresDecisionGoesToASupervisor() {
        ProcessInstance review = open();

        fireDeadline(review, "Timer_InterimMeasuresDeadline", endOf(2026, 3, 16));

        assertFollowUp(review, "Task_FollowUpInterimMeasures", "Task_DecideInterimMeasures");
        verify(caseRecord).overdue(any(DelegateExecution.class), eq("interimMeasures"));
        complete(task("Task_FollowUpInterimMeasures", review));
        assertThat(review).hasPassed("End_InterimMeasuresEscalated").isWaitingAt("Task_DecideInterimMeasures");
    }

    @Test
    void anUnconfirmedComplianceGoesToASupervisorWhileTheCompanyCanStillConfirm() {
        ProcessInstance review = open();
        imposeMeasures(review, false);

        fireDeadline(review, "Timer_ComplianceConfirmationDeadline", endOf(2026, 3, 9));

        assertFollowUp(review, "Task_FollowUpComplianceConfirmation", "Call_ConfirmCompliance");
        verify(caseRecord).deadlinePassed(any(DelegateExecution.class), eq("complianceConfirmation"));
        verify(caseRecord, never()).overdue(any(DelegateExecution.class), any());
        assertThat(review).isWaitingAt("Task_ExOfficioReview");
        complete(task("Task_FollowUpComplianceConfirmation", review));
        assertThat(review).hasPassed("End_ComplianceConfirmationEscalated");

        confirmCompliance(review);
        assertThat(review).isWaitingAt("Task_ExOfficioReview", "Task_LiftInterimMeasures");
        assertThat(runtimeVariable(review, ProcessVariables.COMPLIANCE_STATEMENT)).isEqualTo("Complied");
    }

    @Test
    void anOverdueReviewGoesToASupervisor() {
        ProcessInstance review = open();
        complete(task("Task_DecideInterimMeasures", review), withVariables("reviewComplex", false));

        fireDeadline(review, "Timer_ExOfficioReviewDeadline", endOf(2026, 4, 13));

        assertFollowUp(review, "Task_FollowUpExOfficioReview", "Task_ExOfficioReview");
        verify(caseRecord).overdue(any(DelegateExecution.class), eq("exOfficioReview"));
    }

    @Test
    void overdueAgencyOpinionsGoToASupervisorWhileTheAgenciesCanStillAnswer() {
        ProcessInstance review = open();
        complete(task("Task_DecideInterimMeasures", review), withVariables("reviewComplex", false));
        consult(review, "mss");

        fireDeadline(review, "Timer_AgencyOpinionsDeadline", endOf(2026, 3, 23));

        assertFollowUp(review, "Task_FollowUpAgencyOpinions", "Call_AgencyOpinions");
        assertThat(agencyTasks()).hasSize(1);
        verify(caseRecord).overdue(any(DelegateExecution.class), eq("agencyOpinions"));
    }

    // --- steps ----------------------------------------------------------------------------------------------

    ProcessInstance open() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICATION_NUMBER, APPLICATION);
        variables.put(ProcessVariables.COMPANY_GROUP, COMPANY_GROUP);
        variables.put(ProcessVariables.COMPANY_NAME, "Example Mobility Technology Co., Ltd.");
        variables.put(ProcessVariables.EX_OFFICIO_GROUNDS, "Core data of 300 million users may reach a foreign regulator");
        variables.put(ProcessVariables.PERSONAL_INFO_USERS, 300_000_000L);
        variables.put(ProcessVariables.VENUE_REGION, "US");
        return processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS, APPLICATION, variables);
    }

    void imposeMeasures(ProcessInstance review, boolean complex) {
        complete(task("Task_DecideInterimMeasures", review), withVariables(
                InterimMeasures.Measure.SUSPEND_NEW_USER_REGISTRATIONS.variable(), true,
                InterimMeasures.Measure.REMOVE_APPS_FROM_STORES.variable(), true,
                InterimMeasures.Measure.SUSPEND_DATA_EXPORT.variable(), false,
                ProcessVariables.OTHER_MEASURES, "",
                ProcessVariables.INTERIM_MEASURES_FROM, "2026-03-03",
                "reviewComplex", complex));
    }

    void confirmCompliance(ProcessInstance review) {
        complete(task(ApplicantAction.CONFIRM_COMPLIANCE.taskKey(), BpmnAwareTests.calledProcessInstance(review)),
                withVariables(ProcessVariables.COMPLIANCE_STATEMENT, "Complied"));
    }

    void conclude(ProcessInstance review, String conclusion, boolean lift) {
        complete(task("Task_ExOfficioReview", review), withVariables(ProcessVariables.EX_OFFICIO_OPINION, conclusion,
                ProcessVariables.LIFT_INTERIM_MEASURES, lift,
                ProcessVariables.REASONS, "Conclusion for the company"));
    }

    void consult(ProcessInstance review, String... agencies) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.EX_OFFICIO_OPINION, "CONSULT_AGENCIES");
        variables.put(ProcessVariables.REASONS, "Note to the agencies");
        variables.put("internalNotes", "Internal");
        for (MemberAgencies.Agency agency : MemberAgencies.Agency.values()) {
            variables.put(agency.consultVariable(), List.of(agencies).contains(agency.code()));
        }
        complete(task("Task_ExOfficioReview", review), variables);
    }

    void agencyOpinion(String agency, String opinion, String reasons) {
        Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(APPLICATION)
                .taskDefinitionKey("Task_AgencyOpinion").taskCandidateGroup("review-member-agency-" + agency).singleResult();
        assertThat(task).as("open opinion task of " + agency).isNotNull();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.AGENCY_OPINION, opinion);
        if (reasons != null) {
            variables.put(ProcessVariables.REASONS, reasons);
        }
        complete(task, variables);
    }

    void fireDeadline(ProcessInstance review, String timerId, Date expectedDue) {
        Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(review.getId()).timers()
                .activityId(timerId).singleResult();
        assertThat(timer).as("timer " + timerId).isNotNull();
        assertThat(timer.getDuedate()).isEqualTo(expectedDue);
        ClockUtil.setCurrentTime(new Date(expectedDue.getTime() + 1000));
        processEngine.getManagementService().executeJob(timer.getId());
    }

    void assertFollowUp(ProcessInstance review, String followUpId, String officeStepId) {
        assertThat(review).isWaitingAt(followUpId, officeStepId);
        Task followUp = processEngine.getTaskService().createTaskQuery().processInstanceId(review.getId())
                .taskDefinitionKey(followUpId).initializeFormKeys().singleResult();
        assertThat(candidateGroups(followUp)).containsExactly("supervisor");
        assertThat(followUp.getCamundaFormRef().getKey()).isEqualTo("deadline-escalation");
    }

    // --- queries ----------------------------------------------------------------------------------------------

    Task task(String taskDefinitionKey, ProcessInstance instance) {
        Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        assertThat(task).as("open task " + taskDefinitionKey).isNotNull();
        return task;
    }

    List<Task> openTasks(ProcessInstance instance, String taskDefinitionKey) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskDefinitionKey).list();
    }

    List<Task> agencyTasks() {
        return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(APPLICATION)
                .taskDefinitionKey("Task_AgencyOpinion").list();
    }

    List<String> candidateGroups(Task task) {
        return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    Object runtimeVariable(ProcessInstance instance, String name) {
        return processEngine.getRuntimeService().getVariable(instance.getId(), name);
    }

    static void moveTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(day, LocalTime.of(10, 0)).atZone(Deadlines.BEIJING).toInstant()));
    }

    static Date endOf(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atTime(23, 59, 59).atZone(Deadlines.BEIJING).toInstant());
    }
}
