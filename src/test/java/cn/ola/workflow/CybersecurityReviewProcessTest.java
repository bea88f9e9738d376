package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
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
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import cn.ola.calendar.WorkingDayCalendar;

/**
 * Every path of {@code bpmn/cybersecurity-review.bpmn}. The calendar knows weekends only; the
 * review starts on Monday 2 March 2026, so N working days from a Monday end N/5 weeks later.
 * Requests for materials go to a test stand-in of {@code supplementary-materials}; each member
 * agency consulted answers in its own {@code member-agency-opinion-<agency>}.
 */
@ExtendWith({ProcessEngineExtension.class, AgencyOpinionsDeployed.class})
@Deployment(resources = {"bpmn/cybersecurity-review.bpmn", "bpmn-stand-ins/supplementary-materials.bpmn"})
class CybersecurityReviewProcessTest {

    static final String PROCESS = "cybersecurity-review";
    static final String APPLICATION = "OLA-2026-000123";
    static final String COMPANY_GROUP = "company-91110000MA01ABCD2Q";
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final String AGENCY_OPINION = "Task_AgencyOpinion";

    ProcessEngine processEngine;

    final CaseRecord caseRecord = Mockito.mock(CaseRecord.class);
    final RecordingLetterDelegate letters = new RecordingLetterDelegate();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        moveTo(MONDAY);
        Mocks.register("deadlines", new Deadlines(WorkingDayCalendar.weekendsOnly()));
        Mocks.register("caseRecord", caseRecord);
        Mocks.register("memberAgencies", new MemberAgencies());
        Mocks.register(RecordingLetterDelegate.BEAN, letters);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // --- 1. is a review needed? ----------------------------------------------------------------

    @Test
    void theOfficeDecidesWithinTenWorkingDaysThatNoReviewIsNeeded() {
        ProcessInstance review = startReview("DISCRETIONARY");

        assertThat(review).isWaitingAt("Task_CheckMaterials");
        Task check = task("Task_CheckMaterials", review);
        assertThat(candidateGroups(check)).containsExactly("cro-reviewer");
        assertThat(check.getDueDate()).isEqualTo(endOf(2026, 3, 16));
        verify(caseRecord).stage(any(DelegateExecution.class), eq("CYBERSECURITY_REVIEW"));

        complete(check, withVariables(ProcessVariables.MATERIALS_OUTCOME, "REVIEW_NOT_NEEDED",
                ProcessVariables.REASONS, "Hong Kong listing without national-security relevance"));

        assertThat(review).hasPassed("End_NoReviewNeeded").isEnded();
        assertThat(endVariable(review, ProcessVariables.REVIEW_OUTCOME)).isEqualTo("NOT_REQUIRED");
        // No review took place, so there is no conclusion to notify.
        assertThat(letters.issued()).isEmpty();
        verify(caseRecord).outcome(any(DelegateExecution.class), eq("CYBERSECURITY_REVIEW"), eq("NOT_REQUIRED"));
    }

    @Test
    void aRequestForMaterialsStopsTheDecisionClockUntilTheApplicantAnswers() {
        ProcessInstance review = startReview("MANDATORY");
        moveTo(LocalDate.of(2026, 3, 4)); // Wednesday: 8 working days left until Monday 16 March

        complete(task("Task_CheckMaterials", review), withVariables(ProcessVariables.MATERIALS_OUTCOME, "MATERIALS_REQUESTED",
                ProcessVariables.REASONS, "The national-security impact report is missing"));

        assertThat(review).isWaitingAt("Call_DecisionMaterials");
        assertThat(openTasks(review, "Task_CheckMaterials")).isEmpty();
        ProcessInstance request = BpmnAwareTests.calledProcessInstance(review);
        assertThat(request.getBusinessKey()).isEqualTo(APPLICATION);
        assertThat(request).hasVariables(ProcessVariables.MATERIALS_REQUEST, ProcessVariables.REQUESTED_BY);
        assertThat(runtimeVariable(request, ProcessVariables.MATERIALS_REQUEST)).isEqualTo("The national-security impact report is missing");
        assertThat(runtimeVariable(request, ProcessVariables.REQUESTED_BY)).isEqualTo("CYBERSECURITY_REVIEW");
        assertThat(runtimeVariable(request, ProcessVariables.APPLICATION_NUMBER)).isEqualTo(APPLICATION);
        Task supply = task("Task_SupplyMaterials", request);
        assertThat(candidateGroups(supply)).containsExactly(COMPANY_GROUP);

        moveTo(LocalDate.of(2026, 3, 23)); // Monday: the 8 working days count again from here
        complete(supply, withVariables(ProcessVariables.MATERIALS_ANSWER, "Report uploaded"));

        assertThat(review).isWaitingAt("Task_CheckMaterials");
        Task check = task("Task_CheckMaterials", review);
        assertThat(check.getDueDate()).isEqualTo(endOf(2026, 4, 2));
        assertThat(timer(review, "Timer_ReviewDecisionDeadline").getDuedate()).isEqualTo(endOf(2026, 4, 2));
        assertThat(runtimeVariable(review, ProcessVariables.MATERIALS_ANSWER)).isEqualTo("Report uploaded");

        decideReviewNeeded(review, false);

        assertThat(review).isWaitingAt("Task_InitialReview");
        assertThat(task("Task_InitialReview", review).getDueDate()).isEqualTo(endOf(2026, 5, 4));
    }

    // --- 2. initial review ----------------------------------------------------------------------

    @Test
    void theInitialReviewTakesThirtyWorkingDaysOrFortyFiveWhenComplex() {
        ProcessInstance simple = startReview("MANDATORY");
        decideReviewNeeded(simple, false);
        ProcessInstance complex = startReview("MANDATORY");
        decideReviewNeeded(complex, true);

        Task simpleReview = task("Task_InitialReview", simple);
        assertThat(candidateGroups(simpleReview)).containsExactly("cro-reviewer");
        assertThat(simpleReview.getDueDate()).isEqualTo(endOf(2026, 4, 13));
        assertThat(task("Task_InitialReview", complex).getDueDate()).isEqualTo(endOf(2026, 5, 4));
    }

    @Test
    void aRequestForMaterialsDuringTheInitialReviewStopsItsClock() {
        ProcessInstance review = startReview("MANDATORY");
        decideReviewNeeded(review, false); // due Monday 13 April
        moveTo(LocalDate.of(2026, 4, 6)); // Monday: 5 working days left

        complete(task("Task_InitialReview", review), withVariables(ProcessVariables.INITIAL_OPINION, "MATERIALS_REQUESTED",
                ProcessVariables.REASONS, "Explain the data flows to the overseas auditor"));
        assertThat(review).isWaitingAt("Call_InitialReviewMaterials");
        assertThat(runtimeVariable(BpmnAwareTests.calledProcessInstance(review), ProcessVariables.MATERIALS_REQUEST))
                .isEqualTo("Explain the data flows to the overseas auditor");

        moveTo(LocalDate.of(2026, 5, 4));
        complete(task("Task_SupplyMaterials", BpmnAwareTests.calledProcessInstance(review)),
                withVariables(ProcessVariables.MATERIALS_ANSWER, "Data-flow description uploaded"));

        assertThat(review).isWaitingAt("Task_InitialReview");
        assertThat(task("Task_InitialReview", review).getDueDate()).isEqualTo(endOf(2026, 5, 11));
    }

    // --- 3. member agencies ---------------------------------------------------------------------

    @Test
    void eachAgencyConsultedGetsItsOwnTaskDueInFifteenWorkingDays() {
        ProcessInstance review = startReview("MANDATORY");
        decideReviewNeeded(review, false);

        giveInitialOpinion(review, "NO_CONCERN", "ndrc", "mps", "csrc");

        assertThat(review).isWaitingAt("Call_AgencyOpinions");
        List<Task> opinions = agencyTasks();
        assertThat(opinions).hasSize(3);
        assertThat(opinions).extracting(this::candidateGroups).containsExactlyInAnyOrder(
                List.of("review-member-agency-ndrc"), List.of("review-member-agency-mps"), List.of("review-member-agency-csrc"));
        assertThat(opinions).extracting(Task::getDueDate).containsOnly(endOf(2026, 3, 23));
        assertThat(opinions).extracting(Task::getName).containsOnly("Give member agency opinion");
    }

    @Test
    void anAgencyReadsTheCaseAndTheOfficesReasonsButNoOtherAgencysOpinion() {
        ProcessInstance review = startReview("MANDATORY");
        decideReviewNeeded(review, false);
        giveInitialOpinion(review, "NO_CONCERN", "ndrc", "mps");
        agencyOpinion(review, "mps", "DISAGREE", "Data of public-security relevance");

        Task ndrc = agencyTasks().get(0);
        Map<String, Object> visible = processEngine.getTaskService().getVariables(ndrc.getId());
        assertThat(visible).containsEntry(ProcessVariables.MEMBER_AGENCY, "ndrc")
                .containsEntry(ProcessVariables.APPLICATION_NUMBER, APPLICATION)
                .containsEntry(ProcessVariables.INITIAL_OPINION, "NO_CONCERN")
                .containsEntry(ProcessVariables.INITIAL_REVIEW_REASONS, "Initial review reasons")
                .containsEntry(ProcessVariables.PERSONAL_INFO_USERS, 1_500_000L);
        assertThat(visible).doesNotContainKeys(ProcessVariables.AGENCY_DISAGREEMENTS, ProcessVariables.AGENCIES_DISAGREEING,
                ProcessVariables.AGENCY_OPINION, ProcessVariables.REASONS, ProcessVariables.MATERIALS_OUTCOME,
                ProcessVariables.COMPANY_GROUP, MemberAgencies.Agency.MPS.consultVariable());
        assertThat(visible.values()).doesNotContain("Data of public-security relevance");
        // The office's review holds the disagreement for its special review.
        assertThat(runtimeVariable(review, ProcessVariables.AGENCY_DISAGREEMENTS)).isEqualTo("MPS: Data of public-security relevance");
    }

    @Test
    void whenEveryAgencyAgreesWithNoConcernTheReviewIsCleared() {
        ProcessInstance review = startReview("MANDATORY");
        decideReviewNeeded(review, false);
        giveInitialOpinion(review, "NO_CONCERN", "ndrc", "mps");

        agencyOpinion(review, "ndrc", "AGREE", null);
        assertThat(review).isWaitingAt("Call_AgencyOpinions");
        agencyOpinion(review, "mps", "AGREE", null);

        assertThat(review).isWaitingAt("Task_IssueClearanceConclusion");
        RecordingLetterDelegate.issuePending(processEngine);
        assertThat(letters.issued()).containsExactly(
                new RecordingLetterDelegate.Issued("Task_IssueClearanceConclusion", "REVIEW_CONCLUSION", "CLEARED"));
        assertThat(review).hasPassed("End_Cleared").hasNotPassed("Task_SpecialReview").isEnded();
        assertThat(endVariable(review, ProcessVariables.REVIEW_OUTCOME)).isEqualTo("CLEARED");
        assertThat(endVariable(review, ProcessVariables.AGENCIES_DISAGREEING)).isEqualTo(0);
        verify(caseRecord).outcome(any(DelegateExecution.class), eq("CYBERSECURITY_REVIEW"), eq("CLEARED"));
    }

    @Test
    void withNoAgencySelectedANoConcernOpinionClearsTheReviewAtOnce() {
        ProcessInstance review = startReview("MANDATORY");
        decideReviewNeeded(review, false);

        giveInitialOpinion(review, "NO_CONCERN");
        RecordingLetterDelegate.issuePending(processEngine);

        assertThat(review).hasPassed("End_Cleared").isEnded();
        assertThat(historicAgencyTaskCount()).isZero();
        assertThat(endVariable(review, ProcessVariables.REVIEW_OUTCOME)).isEqualTo("CLEARED");
    }

    @Test
    void aConcernWithoutAgenciesGoesToTheSpecialReview() {
        ProcessInstance review = startReview("MANDATORY");
        decideReviewNeeded(review, false);

        giveInitialOpinion(review, "CONCERN");

        assertThat(review).isWaitingAt("Task_SpecialReview");
        assertThat(historicAgencyTaskCount()).isZero();
        Task special = task("Task_SpecialReview", review);
        assertThat(candidateGroups(special)).containsExactly("cro-reviewer");
        assertThat(special.getDueDate()).isEqualTo(endOf(2026, 7, 6)); // 90 working days = 18 weeks
    }

    // --- 4. special review ----------------------------------------------------------------------

    @Test
    void oneDisagreeingAgencyLeadsToASpecialReviewThatClears() {
        ProcessInstance review = atSpecialReviewAfterMpsDisagreed();

        assertThat(review).isWaitingAt("Task_SpecialReview");
        assertThat(runtimeVariable(review, ProcessVariables.AGENCIES_DISAGREEING)).isEqualTo(1);
        assertThat(runtimeVariable(review, ProcessVariables.AGENCY_DISAGREEMENTS)).isEqualTo("MPS: Data of public-security relevance");
        // The agencies' opinions stay on their own tasks; the office's reasons are what the special review starts from.
        assertThat(runtimeVariable(review, ProcessVariables.REASONS)).isEqualTo("Initial review reasons");
        assertThat(runtimeVariable(review, ProcessVariables.AGENCY_OPINION)).isNull();
        assertThat(task("Task_SpecialReview", review).getDueDate()).isEqualTo(endOf(2026, 7, 6));

        complete(task("Task_SpecialReview", review), withVariables(ProcessVariables.REVIEW_OUTCOME, "CLEARED",
                ProcessVariables.REASONS, "Risks addressed by the data-localisation commitment"));
        RecordingLetterDelegate.issuePending(processEngine);

        assertThat(review).hasPassed("End_Cleared").isEnded();
        assertThat(letters.issued()).extracting(RecordingLetterDelegate.Issued::conclusion).containsExactly("CLEARED");
        assertThat(endVariable(review, ProcessVariables.REVIEW_OUTCOME)).isEqualTo("CLEARED");
        verify(caseRecord).outcome(any(DelegateExecution.class), eq("CYBERSECURITY_REVIEW"), eq("CLEARED"));
    }

    @Test
    void aSpecialReviewThatProhibitsTheListingEndsWithListingRefused() {
        ProcessInstance review = atSpecialReviewAfterMpsDisagreed();

        complete(task("Task_SpecialReview", review), withVariables(ProcessVariables.REVIEW_OUTCOME, "PROHIBITED",
                ProcessVariables.REASONS, "The listing affects national security"));

        assertThat(review).isWaitingAt("Task_IssueProhibitionConclusion");
        RecordingLetterDelegate.issuePending(processEngine);
        assertThat(letters.issued()).containsExactly(
                new RecordingLetterDelegate.Issued("Task_IssueProhibitionConclusion", "REVIEW_CONCLUSION", "PROHIBITED"));
        assertThat(review).hasPassed("End_ListingProhibited").hasNotPassed("End_Cleared").isEnded();
        assertThat(endVariable(review, ProcessVariables.REVIEW_OUTCOME)).isEqualTo("PROHIBITED");
        verify(caseRecord).outcome(any(DelegateExecution.class), eq("CYBERSECURITY_REVIEW"), eq("PROHIBITED"));
        verify(caseRecord, never()).outcome(any(DelegateExecution.class), eq("CYBERSECURITY_REVIEW"), eq("CLEARED"));
    }

    @Test
    void aProhibitionReachesTheCallingProcessAsTheErrorListingRefused() {
        BpmnModelInstance caller = Bpmn.createExecutableProcess("review-caller")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Call_Review").calledElement(PROCESS)
                .camundaIn(ProcessVariables.COMPANY_GROUP, ProcessVariables.COMPANY_GROUP)
                .camundaOut(ProcessVariables.REVIEW_OUTCOME, ProcessVariables.REVIEW_OUTCOME)
                .userTask("Task_Continue").endEvent("End_Continued")
                .moveToActivity("Call_Review").boundaryEvent("Boundary_Refused").error("LISTING_REFUSED")
                .endEvent("End_Refused")
                .done();
        String deployment = processEngine.getRepositoryService().createDeployment()
                .addModelInstance("review-caller.bpmn", caller).deploy().getId();
        try {
            ProcessInstance main = processEngine.getRuntimeService().startProcessInstanceByKey("review-caller", APPLICATION,
                    Map.of(ProcessVariables.COMPANY_GROUP, COMPANY_GROUP));
            ProcessInstance review = BpmnAwareTests.calledProcessInstance(main);
            decideReviewNeeded(review, false);
            giveInitialOpinion(review, "CONCERN");
            complete(task("Task_SpecialReview", review), withVariables(ProcessVariables.REVIEW_OUTCOME, "PROHIBITED",
                    ProcessVariables.REASONS, "The listing affects national security"));
            RecordingLetterDelegate.issuePending(processEngine);

            assertThat(main).hasPassed("End_Refused").hasNotPassed("Task_Continue").isEnded();
            assertThat(review).hasPassed("End_ListingProhibited").isEnded();
            // Camunda maps a called process's output even when it ends with an error.
            assertThat(endVariable(main, ProcessVariables.REVIEW_OUTCOME)).isEqualTo("PROHIBITED");
        } finally {
            processEngine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void anExtensionRestartsTheSpecialReviewClockFromTheDayItIsDecided() {
        ProcessInstance review = atSpecialReviewAfterMpsDisagreed();
        moveTo(LocalDate.of(2026, 7, 1)); // Wednesday

        complete(task("Task_SpecialReview", review), withVariables(ProcessVariables.REVIEW_OUTCOME, "EXTENDED",
                ProcessVariables.EXTENSION_WORKING_DAYS, 20, ProcessVariables.REASONS, "Complex ownership structure"));

        assertThat(review).isWaitingAt("Task_SpecialReview");
        assertThat(openTasks(review, "Task_SpecialReview")).hasSize(1);
        assertThat(task("Task_SpecialReview", review).getDueDate()).isEqualTo(endOf(2026, 7, 29));
        assertThat(timer(review, "Timer_SpecialReviewDeadline").getDuedate()).isEqualTo(endOf(2026, 7, 29));

        complete(task("Task_SpecialReview", review), withVariables(ProcessVariables.REVIEW_OUTCOME, "CLEARED",
                ProcessVariables.REASONS, "Cleared after the extension"));
        RecordingLetterDelegate.issuePending(processEngine);
        assertThat(review).hasPassed("End_Cleared").isEnded();
    }

    // --- deadlines: a supervisor follows up, the regulator's task stays open ----------------------

    @Test
    void anOverdueReviewDecisionGoesToASupervisor() {
        ProcessInstance review = startReview("MANDATORY");

        fireDeadline(review, "Timer_ReviewDecisionDeadline", endOf(2026, 3, 16));

        assertFollowUp(review, "Task_FollowUpReviewDecision", "Task_CheckMaterials");
        verify(caseRecord).overdue(any(DelegateExecution.class), eq("reviewDecision"));
    }

    @Test
    void anOverdueInitialReviewGoesToASupervisor() {
        ProcessInstance review = startReview("MANDATORY");
        decideReviewNeeded(review, false);

        fireDeadline(review, "Timer_InitialReviewDeadline", endOf(2026, 4, 13));

        assertFollowUp(review, "Task_FollowUpInitialReview", "Task_InitialReview");
        verify(caseRecord).overdue(any(DelegateExecution.class), eq("initialReview"));
    }

    @Test
    void overdueAgencyOpinionsGoToASupervisorWhileTheAgenciesCanStillAnswer() {
        ProcessInstance review = startReview("MANDATORY");
        decideReviewNeeded(review, false);
        giveInitialOpinion(review, "NO_CONCERN", "miit", "mss");
        agencyOpinion(review, "miit", "AGREE", null);

        fireDeadline(review, "Timer_AgencyOpinionsDeadline", endOf(2026, 3, 23));

        assertFollowUp(review, "Task_FollowUpAgencyOpinions", "Call_AgencyOpinions");
        assertThat(agencyTasks()).extracting(this::candidateGroups)
                .containsExactly(List.of("review-member-agency-mss"));
        verify(caseRecord).overdue(any(DelegateExecution.class), eq("agencyOpinions"));
    }

    @Test
    void anOverdueSpecialReviewGoesToASupervisorUntilTheReviewConcludes() {
        ProcessInstance review = startReview("MANDATORY");
        decideReviewNeeded(review, false);
        giveInitialOpinion(review, "CONCERN");

        fireDeadline(review, "Timer_SpecialReviewDeadline", endOf(2026, 7, 6));

        assertFollowUp(review, "Task_FollowUpSpecialReview", "Task_SpecialReview");
        verify(caseRecord).overdue(any(DelegateExecution.class), eq("specialReview"));

        // A conclusion ends the review; the follow-up of its missed deadline has nothing left to chase.
        complete(task("Task_SpecialReview", review), withVariables(ProcessVariables.REVIEW_OUTCOME, "CLEARED",
                ProcessVariables.REASONS, "Cleared late"));
        RecordingLetterDelegate.issuePending(processEngine);
        assertThat(review).hasPassed("End_Cleared").isEnded();
        assertThat(openTasks(review, "Task_FollowUpSpecialReview")).isEmpty();
    }

    @Test
    void aSupervisorFollowUpEndsOnItsOwnWithoutDecidingTheReview() {
        ProcessInstance review = startReview("MANDATORY");
        fireDeadline(review, "Timer_ReviewDecisionDeadline", endOf(2026, 3, 16));

        complete(task("Task_FollowUpReviewDecision", review));

        assertThat(review).hasPassed("End_ReviewDecisionEscalated").isWaitingAt("Task_CheckMaterials");
        assertThat(review).isNotEnded();
    }

    // --- steps --------------------------------------------------------------------------------

    ProcessInstance startReview(String screening) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICATION_NUMBER, APPLICATION);
        variables.put(ProcessVariables.COMPANY_GROUP, COMPANY_GROUP);
        variables.put(ProcessVariables.COMPANY_NAME, "Example Data Technology Co., Ltd.");
        variables.put(ProcessVariables.CYBERSECURITY_REVIEW, screening);
        variables.put(ProcessVariables.VENUE_REGION, "DISCRETIONARY".equals(screening) ? "HK" : "US");
        variables.put(ProcessVariables.PERSONAL_INFO_USERS, 1_500_000L);
        return processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS, APPLICATION, variables);
    }

    void decideReviewNeeded(ProcessInstance review, boolean complex) {
        complete(task("Task_CheckMaterials", review), withVariables(ProcessVariables.MATERIALS_OUTCOME, "REVIEW_NEEDED",
                ProcessVariables.REVIEW_COMPLEX, complex, ProcessVariables.HAS_REVIEW_DECLARATION, true));
    }

    void giveInitialOpinion(ProcessInstance review, String opinion, String... agencies) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.INITIAL_OPINION, opinion);
        variables.put(ProcessVariables.REASONS, "Initial review reasons");
        for (MemberAgencies.Agency agency : MemberAgencies.Agency.values()) {
            variables.put(agency.consultVariable(), List.of(agencies).contains(agency.code()));
        }
        complete(task("Task_InitialReview", review), variables);
    }

    void agencyOpinion(ProcessInstance review, String agency, String opinion, String reasons) {
        Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(APPLICATION)
                .taskDefinitionKey(AGENCY_OPINION).taskCandidateGroup("review-member-agency-" + agency).singleResult();
        assertThat(task).as("open opinion task of " + agency).isNotNull();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.AGENCY_OPINION, opinion);
        if (reasons != null) {
            variables.put(ProcessVariables.REASONS, reasons);
        }
        complete(task, variables);
    }

    ProcessInstance atSpecialReviewAfterMpsDisagreed() {
        ProcessInstance review = startReview("MANDATORY");
        decideReviewNeeded(review, false);
        giveInitialOpinion(review, "NO_CONCERN", "ndrc", "mps");
        agencyOpinion(review, "ndrc", "AGREE", null);
        agencyOpinion(review, "mps", "DISAGREE", "Data of public-security relevance");
        return review;
    }

    void fireDeadline(ProcessInstance review, String timerId, Date expectedDue) {
        Job timer = timer(review, timerId);
        assertThat(timer.getDuedate()).isEqualTo(expectedDue);
        ClockUtil.setCurrentTime(new Date(expectedDue.getTime() + 1000));
        processEngine.getManagementService().executeJob(timer.getId());
    }

    void assertFollowUp(ProcessInstance review, String followUpId, String regulatorStepId) {
        assertThat(review).isWaitingAt(followUpId, regulatorStepId);
        Task followUp = processEngine.getTaskService().createTaskQuery().processInstanceId(review.getId())
                .taskDefinitionKey(followUpId).initializeFormKeys().singleResult();
        assertThat(candidateGroups(followUp)).containsExactly("supervisor");
        assertThat(followUp.getCamundaFormRef().getKey()).isEqualTo("deadline-escalation");
        if (regulatorStepId.startsWith("Task_")) {
            assertThat(openTasks(review, regulatorStepId)).isNotEmpty();
        } else {
            assertThat(agencyTasks()).isNotEmpty();
        }
    }

    // --- queries --------------------------------------------------------------------------------

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

    List<String> candidateGroups(Task task) {
        return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    Job timer(ProcessInstance instance, String timerId) {
        Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .timers().activityId(timerId).singleResult();
        assertThat(timer).as("timer " + timerId).isNotNull();
        return timer;
    }

    Object runtimeVariable(ProcessInstance instance, String name) {
        return processEngine.getRuntimeService().getVariable(instance.getId(), name);
    }

    Object endVariable(ProcessInstance instance, String name) {
        var variable = processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult();
        assertThat(variable).as("variable " + name).isNotNull();
        return variable.getValue();
    }

    /** The member agencies' open tasks: each in the agency's own member-agency-opinion-<agency>, under the case's number. */
    List<Task> agencyTasks() {
        return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(APPLICATION)
                .taskDefinitionKey(AGENCY_OPINION).list();
    }

    long historicAgencyTaskCount() {
        return processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(APPLICATION)
                .taskDefinitionKey(AGENCY_OPINION).count();
    }

    static void moveTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(day, LocalTime.of(10, 0)).atZone(Deadlines.BEIJING).toInstant()));
    }

    /** End of a working day in Beijing: when a deadline falls. */
    static Date endOf(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atTime(23, 59, 59).atZone(Deadlines.BEIJING).toInstant());
    }
}
