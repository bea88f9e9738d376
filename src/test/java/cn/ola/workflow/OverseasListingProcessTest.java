package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mockito;

import cn.ola.calendar.WorkingDayCalendar;
import cn.ola.filing.FactSection;
import cn.ola.filing.Stages;

/**
 * The whole case on the real models: screening, intake, the checks that apply, the CSRC filing,
 * the listing report — and every way a case ends.
 */
@ExtendWith({ProcessEngineExtension.class, AgencyOpinionsDeployed.class})
@Deployment(resources = {"bpmn/overseas-listing.bpmn", "bpmn/listing-screening.dmn", "bpmn/cybersecurity-review.bpmn",
        "bpmn/data-protection-checks.bpmn", "bpmn/industry-approval.bpmn", "bpmn/csrc-filing.bpmn",
        "bpmn/supplementary-materials.bpmn", "bpmn/company-report.bpmn"})
class OverseasListingProcessTest {

    private static final String NUMBER = "OLA-2026-000042";
    private static final String COMPANY = "company-91110000MA01ABCD2Q";
    /** Monday 2 March 2026; the test calendar knows weekends only. */
    private static final LocalDate SUBMITTED = LocalDate.of(2026, 3, 2);
    private static final ZoneId BEIJING = Deadlines.BEIJING;

    ProcessEngine engine;
    private CaseRecord caseRecord;
    private final RecordingLetterDelegate letters = new RecordingLetterDelegate();
    /** The application's filed facts, as the screening's inputs are read from it ({@link ScreeningInputs}). */
    private final Map<String, Object> filed = new HashMap<>();
    /** The stages the case stands in, as the case record keeps them from the models' stage listeners. */
    private final Set<String> stages = new HashSet<>();

    @BeforeEach
    void setUp() {
        init(engine);
        caseRecord = Mockito.mock(CaseRecord.class);
        stages.clear();
        doAnswer(call -> replaceStages(Stages.entered(stages, call.getArgument(1)))).when(caseRecord).stage(any(), anyString());
        doAnswer(call -> replaceStages(Stages.ended(stages, call.getArgument(1)))).when(caseRecord).stageEnded(any(), anyString());
        doAnswer(call -> replaceStages(Set.of())).when(caseRecord).close(any(), anyString());
        Mocks.register("caseRecord", caseRecord);
        Mocks.register("deadlines", new Deadlines(WorkingDayCalendar.weekendsOnly()));
        Mocks.register("memberAgencies", new MemberAgencies());
        Mocks.register("staffFormTexts", new StaffFormTexts(messages()));
        filed.clear();
        Mocks.register("screeningInputs", new ScreeningInputs(number -> {
            assertThat(number).as("the case screened").isEqualTo(NUMBER);
            return filed;
        }));
        Mocks.register(RecordingLetterDelegate.BEAN, letters);
        at(SUBMITTED);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------ happy paths

    @Test
    void aSmallDomesticListingGoesStraightToFilingAndEndsListed() {
        ProcessInstance process = submit(smallCompany());

        assertThat(process).isWaitingAt("Task_IntakeCheck");
        Task intake = task("Task_IntakeCheck");
        assertThat(candidateGroups(intake)).containsExactly("csrc-officer");
        assertThat(day(intake.getDueDate())).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(variable(process, "cybersecurityReview")).isEqualTo("NOT_REQUIRED");
        assertThat(variable(process, "negativeList")).isEqualTo("CLEAR");
        assertThat(variable(process, "piExportRoute")).isEqualTo("EXEMPT");
        assertThat(variable(process, "listingType")).isEqualTo("INDIRECT");
        assertThat(variable(process, "industryRegulatorGroup")).isNull();
        assertThat(variable(process, "migrationEvidenceRequired")).isEqualTo(false);
        assertThat((String) variable(process, "cybersecurityReviewReason")).isNotBlank();
        verify(caseRecord).screening(any());

        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        // Only the self-assessment applies: no review, no industry regulator, export exempt.
        assertThat(openTaskKeys()).containsExactly("Task_ReviewPiSelfAssessment");
        complete("Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));

        fileAndGetTheNotice();
        Task report = task("Task_ReportListing");
        assertThat(candidateGroups(report)).containsExactly(COMPANY);
        assertThat(report.getFormKey()).isEqualTo("portal:report-listing");

        at(LocalDate.of(2026, 4, 20));
        complete("Task_ReportListing", Map.of("listingDate", "2026-04-15"));
        assertThat(process).isEnded().hasPassed("End_Listed");
        assertThat(historicVariable(process, "lateListingReport")).isEqualTo(false);
        verify(caseRecord).close(any(), eq("LISTED"));
    }

    @Test
    void aLargePlatformListingInNewYorkPassesTheCybersecurityReviewFirst() {
        Map<String, Object> facts = smallCompany();
        facts.put("personalInfoUsers", 3_200_000L);
        facts.put("piExportedNonSensitive", 150_000L);
        ProcessInstance process = submit(facts);
        assertThat(variable(process, "cybersecurityReview")).isEqualTo("MANDATORY");
        assertThat((String) variable(process, "cybersecurityReviewReason")).contains("3200000");

        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        assertThat(openTaskKeys()).containsExactlyInAnyOrder("Task_CheckMaterials", "Task_CheckExportEvidence",
                "Task_ReviewPiSelfAssessment");

        complete("Task_CheckExportEvidence", Map.of("exportEvidenceOutcome", "ACCEPTED"));
        complete("Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));
        // The filing waits for the review.
        assertThat(openTaskKeys()).containsExactly("Task_CheckMaterials");

        // The review's forms read the reason and the exchange in words, Chinese and English, down to the member agency.
        Task materials = task("Task_CheckMaterials");
        assertThat((String) engine.getTaskService().getVariable(materials.getId(), "cybersecurityReviewReasonText"))
                .startsWith("掌握 3,200,000 名用户个人信息").contains("\n\nNetwork platform operator holding personal "
                        + "information of 3,200,000 users");
        assertThat(engine.getTaskService().getVariable(materials.getId(), "venueExchangeText"))
                .isEqualTo("纽约证券交易所 / New York Stock Exchange");
        complete("Task_CheckMaterials", Map.of("materialsOutcome", "REVIEW_NEEDED", "reviewComplex", false));
        complete("Task_InitialReview", Map.of("initialOpinion", "NO_CONCERN", "consultNdrc", true, "reasons", "No concern."));
        Task opinion = task("Task_AgencyOpinion");
        assertThat(engine.getTaskService().getVariable(opinion.getId(), "venueExchangeText"))
                .isEqualTo("纽约证券交易所 / New York Stock Exchange");
        assertThat((String) engine.getTaskService().getVariable(opinion.getId(), "cybersecurityReviewReasonText"))
                .contains("必须申报网络安全审查");
        assertThat(candidateGroups(opinion)).containsExactly("review-member-agency-ndrc");
        complete("Task_AgencyOpinion", Map.of("agencyOpinion", "AGREE"));
        RecordingLetterDelegate.issuePending(engine);

        assertThat(historicVariable(process, "reviewOutcome")).isEqualTo("CLEARED");
        fileAndGetTheNotice();
        assertThat(letterKinds()).containsExactly("REVIEW_CONCLUSION", "FILING_NOTICE");
        complete("Task_ReportListing", Map.of("listingDate", "2026-03-02"));
        assertThat(process).isEnded().hasPassed("End_Listed");
    }

    // ------------------------------------------------------------------ the screening's inputs

    @Test
    void theFactsOnlyTheScreeningReadsAreHandedToItAndNeitherKeptNorInTheVariableHistory() {
        Map<String, Object> facts = smallCompany();
        facts.put("declOwnershipDispute", true);
        ProcessInstance process = submit(facts);

        assertThat(variable(process, "negativeList")).as("screened on the declaration as filed").isEqualTo("PROHIBITED");
        assertThat((String) variable(process, "negativeListReason")).isEqualTo("screening.negativeList.ownershipDispute");
        assertThat(variable(process, "listingType")).as("from the domestic shares as filed").isEqualTo("INDIRECT");
        assertThat(SCREENING_ONLY).contains("declOwnershipDispute", "domesticRevenuePct", "issuerType", "usesThirdPartyCloud");
        assertThat(engine.getRuntimeService().getVariables(process.getId()).keySet()).as("held by the case")
                .doesNotContainAnyElementsOf(SCREENING_ONLY).contains("venueRegion", "personalInfoUsers", "industry");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .list()).extracting(variable -> variable.getName()).as("ever held by the case")
                .doesNotContainAnyElementsOf(SCREENING_ONLY);
        var negativeList = engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(process.getId())
                .decisionDefinitionKey("negative-list").includeInputs().singleResult();
        assertThat(negativeList.getInputs()).extracting(input -> input.getClauseName() + "=" + input.getValue())
                .as("what the decision read is in its history")
                .contains("Art. 8(5) material ownership dispute=true", "Art. 8(1) prohibited by law=false");
    }

    @Test
    void anAdministratorWhoStartsTheScreeningAgainScreensTheFactsAsFiledNow() {
        ProcessInstance process = submit(smallCompany());
        assertThat(variable(process, "negativeList")).isEqualTo("CLEAR");

        // The company's declaration as corrected in the application; an administrator screens again in Cockpit.
        filed.put("declUnderInvestigation", true);
        engine.getRuntimeService().createProcessInstanceModification(process.getId()).startBeforeActivity("Rule_Screening")
                .execute();

        assertThat(variable(process, "negativeList")).isEqualTo("PROHIBITED");
        assertThat((String) variable(process, "negativeListReason")).isEqualTo("screening.negativeList.underInvestigation");
        assertThat(engine.getRuntimeService().getVariables(process.getId()).keySet()).doesNotContainAnyElementsOf(SCREENING_ONLY);
    }

    // ------------------------------------------------------------------ rejections

    @Test
    void aConfirmedNegativeListHitIsRejectedAtIntake() {
        Map<String, Object> facts = smallCompany();
        facts.put("declUnderInvestigation", true);
        ProcessInstance process = submit(facts);
        assertThat(variable(process, "negativeList")).isEqualTo("PROHIBITED");
        assertThat((String) variable(process, "negativeListReason")).isEqualTo("screening.negativeList.underInvestigation");
        assertThat((String) variable(process, "negativeListReasonText")).contains("Art. 8");

        complete("Task_IntakeCheck", Map.of("intakeOutcome", "REJECTED", "reasons", "Investigation confirmed."));
        assertThat(process).isEnded().hasPassed("End_RejectedAtIntake");
        verify(caseRecord).close(any(), eq("REJECTED"));
    }

    @Test
    void aProhibitionInTheReviewRejectsTheCaseAndEndsEveryOtherCheck() {
        Map<String, Object> facts = smallCompany();
        facts.put("personalInfoUsers", 1_000_001L);
        ProcessInstance process = submit(facts);
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));

        complete("Task_CheckMaterials", Map.of("materialsOutcome", "REVIEW_NEEDED", "reviewComplex", false));
        complete("Task_InitialReview", Map.of("initialOpinion", "CONCERN", "reasons", "Data of national importance."));
        complete("Task_SpecialReview", Map.of("reviewOutcome", "PROHIBITED", "reasons", "Affects national security."));
        RecordingLetterDelegate.issuePending(engine);

        assertThat(process).isEnded().hasPassed("Task_IssueRefusalLetter", "End_Rejected");
        // The office's conclusion first, then the case's refusal.
        assertThat(letters.issued()).containsExactly(
                new RecordingLetterDelegate.Issued("Task_IssueProhibitionConclusion", "REVIEW_CONCLUSION", "PROHIBITED"),
                new RecordingLetterDelegate.Issued("Task_IssueRefusalLetter", "REFUSAL_LETTER", null));
        assertThat(openTaskKeys()).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(NUMBER).count()).isZero();
        verify(caseRecord).close(any(), eq("REJECTED"));
    }

    @Test
    void aTobaccoCompanyNeedsTheRegulatorsPriorApprovalAndARefusalRejects() {
        Map<String, Object> facts = smallCompany();
        facts.put("industry", "TOBACCO");
        ProcessInstance process = submit(facts);
        assertThat(variable(process, "industryRegulatorGroup")).isEqualTo("industry-regulator-tobacco");
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));

        assertThat(candidateGroups(task("Task_PriorApproval"))).containsExactly("industry-regulator-tobacco");
        complete("Task_PriorApproval", Map.of("industryOutcome", "REFUSED", "reasons", "Monopoly rules."));
        RecordingLetterDelegate.issuePending(engine);

        assertThat(process).isEnded().hasPassed("End_Rejected");
        assertThat(letterKinds()).containsExactly("REFUSAL_LETTER");
    }

    @Test
    void aCsrcRefusalRejectsTheCase() {
        ProcessInstance process = submit(smallCompany());
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        complete("Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));
        complete("Task_CompletenessCheck", Map.of("completenessOutcome", "COMPLETE"));
        complete("Task_ConcludeFiling", Map.of("filingOutcome", "REFUSED", "reasons", "Art. 8(2)."));
        RecordingLetterDelegate.issuePending(engine);
        assertThat(process).isEnded().hasPassed("End_Rejected");
        assertThat(letterKinds()).containsExactly("REFUSAL_LETTER");
    }

    @Test
    void aRefusalLetterThatCannotBeIssuedLeavesTheCaseOpenWithAnIncidentUntilItIsRetried() {
        ProcessInstance process = submit(smallCompany());
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        complete("Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));
        complete("Task_CompletenessCheck", Map.of("completenessOutcome", "COMPLETE"));
        complete("Task_ConcludeFiling", Map.of("filingOutcome", "REFUSED", "reasons", "Art. 8(2)."));
        letters.failWith(new IllegalStateException("Document store not writable"));

        for (int attempt = 0; attempt < 3; attempt++) {
            Job letter = RecordingLetterDelegate.job(engine, "Task_IssueRefusalLetter");
            ClockUtil.setCurrentTime(letter.getDuedate() == null ? ClockUtil.getCurrentTime() : letter.getDuedate());
            assertThatThrownBy(() -> engine.getManagementService().executeJob(letter.getId()))
                    .hasMessageContaining("Document store not writable");
        }

        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).singleResult()
                .getActivityId()).isEqualTo("Task_IssueRefusalLetter");
        assertThat(process).isNotEnded().isWaitingAt("Task_IssueRefusalLetter");
        verify(caseRecord, never()).close(any(), eq("REJECTED"));

        letters.repair();
        Job failed = RecordingLetterDelegate.job(engine, "Task_IssueRefusalLetter");
        engine.getManagementService().setJobRetries(failed.getId(), 1);
        ClockUtil.setCurrentTime(failed.getDuedate());
        RecordingLetterDelegate.issuePending(engine);

        assertThat(process).isEnded().hasPassed("End_Rejected");
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
        verify(caseRecord).close(any(), eq("REJECTED"));
    }

    // ------------------------------------------------------------------ the applicant's part

    @Test
    void fixableDefectsGoBackToTheCompanyAndTheIntakeClockStopsMeanwhile() {
        ProcessInstance process = submit(smallCompany());
        // Two working days used (Mon 2 → Wed 4 March), three left.
        at(LocalDate.of(2026, 3, 4));
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "CORRECTIONS_NEEDED", "reasons", "Add the prospectus."));

        Task supply = task("Task_SupplyMaterials");
        assertThat(candidateGroups(supply)).containsExactly(COMPANY);
        assertThat(engine.getRuntimeService().getVariable(supply.getExecutionId(), "materialsRequest")).isEqualTo("Add the prospectus.");

        at(LocalDate.of(2026, 3, 16));
        complete("Task_SupplyMaterials", Map.of("materialsAnswer", "Prospectus attached."));

        Task again = task("Task_IntakeCheck");
        // Three working days from Monday 16 March: Thursday 19 March.
        assertThat(day(again.getDueDate())).isEqualTo(LocalDate.of(2026, 3, 19));
        assertThat(variable(process, "materialsAnswer")).isEqualTo("Prospectus attached.");
    }

    @Test
    void noReplyWithinThirtyWorkingDaysTerminatesTheCase() {
        ProcessInstance process = submit(smallCompany());
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "CORRECTIONS_NEEDED", "reasons", "Add the prospectus."));

        at(LocalDate.of(2026, 4, 20));
        fireTimerOf("supplementary-materials");
        assertThat(process).isEnded().hasPassed("End_Terminated");
        verify(caseRecord).close(any(), eq("TERMINATED"));
    }

    @Test
    void aNoticeWithoutAListingWithinTwelveMonthsExpires() {
        ProcessInstance process = submit(smallCompany());
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        complete("Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));
        fileAndGetTheNotice();

        Job expiry = engine.getManagementService().createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(day(expiry.getDuedate())).isEqualTo(SUBMITTED.plusMonths(12));
        // The company's task shows the same day as its due date, so that it is reminded before the filing lapses.
        assertThat(day(task("Task_ReportListing").getDueDate())).isEqualTo(SUBMITTED.plusMonths(12));
        engine.getManagementService().executeJob(expiry.getId());
        assertThat(process).isEnded().hasPassed("End_Expired");
        verify(caseRecord).close(any(), eq("EXPIRED"));
    }

    @Test
    void aListingReportedMoreThanFifteenWorkingDaysLateIsFlagged() {
        ProcessInstance process = submit(smallCompany());
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        complete("Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));
        fileAndGetTheNotice();
        at(LocalDate.of(2026, 4, 30));
        complete("Task_ReportListing", Map.of("listingDate", "2026-04-01"));
        assertThat(historicVariable(process, "lateListingReport")).isEqualTo(true);
        verify(caseRecord).outcome(any(), eq("LISTING_REPORT"), eq("LATE"));
    }

    // ------------------------------------------------------------------ deadlines and withdrawal

    @Test
    void anOverdueIntakeCheckGoesToASupervisorAndStaysOpen() {
        ProcessInstance process = submit(smallCompany());
        at(LocalDate.of(2026, 3, 10));
        Job deadline = engine.getManagementService().createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        engine.getManagementService().executeJob(deadline.getId());

        assertThat(openTaskKeys()).containsExactlyInAnyOrder("Task_IntakeCheck", "Task_FollowUpIntakeCheck");
        assertThat(candidateGroups(task("Task_FollowUpIntakeCheck"))).containsExactly("supervisor");
        verify(caseRecord).overdue(any(), eq("intakeCheck"));

        complete("Task_FollowUpIntakeCheck", Map.of("followUpAction", "REMINDED", "reasons", "Called the intake team."));
        assertThat(process).hasPassed("End_IntakeCheckEscalated").isWaitingAt("Task_IntakeCheck");
        // The supervisor's note stays with the follow-up: it must not become the reasons of the intake decision.
        assertThat(engine.getRuntimeService().getVariable(process.getId(), ProcessVariables.REASONS)).isNull();
        // The deadline decided nothing: the officer still decides.
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        assertThat(openTaskKeys()).containsExactly("Task_ReviewPiSelfAssessment");
    }

    @Test
    void withdrawalWhileTheCompanyCorrectsTheApplicationEndsTheRequestToo() {
        ProcessInstance process = submit(smallCompany());
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "CORRECTIONS_NEEDED", "reasons", "Add the prospectus."));
        assertThat(openTaskKeys()).containsExactly("Task_SupplyMaterials");

        withdraw();
        assertThat(process).isEnded().hasPassed("End_Withdrawn");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().count()).isZero();
    }

    @Test
    void withdrawalAtIntakeEndsTheCase() {
        ProcessInstance process = submit(smallCompany());
        withdraw();
        assertThat(process).isEnded().hasPassed("End_Withdrawn");
        verify(caseRecord).close(any(), eq("WITHDRAWN"));
    }

    @Test
    void withdrawalDuringTheChecksEndsEveryOpenTaskAndSubProcess() {
        Map<String, Object> facts = smallCompany();
        facts.put("personalInfoUsers", 5_000_000L);
        facts.put("industry", "TOBACCO");
        ProcessInstance process = submit(facts);
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        assertThat(openTaskKeys()).containsExactlyInAnyOrder("Task_CheckMaterials", "Task_ReviewPiSelfAssessment",
                "Task_PriorApproval");

        withdraw();
        assertThat(process).isEnded().hasPassed("End_Withdrawn");
        assertThat(openTaskKeys()).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().count()).isZero();
    }

    @Test
    void withdrawalDuringTheFilingAndWhileAwaitingTheListingEndsTheCase() {
        ProcessInstance filing = submit(smallCompany());
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        complete("Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));
        assertThat(openTaskKeys()).containsExactly("Task_CompletenessCheck");
        withdraw();
        assertThat(filing).isEnded().hasPassed("End_Withdrawn");
        assertThat(openTaskKeys()).isEmpty();
    }

    @Test
    void withdrawalWhileAwaitingTheListingEndsTheCase() {
        ProcessInstance process = submit(smallCompany());
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        complete("Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));
        fileAndGetTheNotice();
        withdraw();
        assertThat(process).isEnded().hasPassed("End_Withdrawn");
    }

    // ------------------------------------------------------------------ where the case stands

    @Test
    void aCaseWaitsOnEveryCheckUnderWayAndMovesOnWhenEachEnds() {
        Map<String, Object> facts = smallCompany();
        facts.put("personalInfoUsers", 5_000_000L);
        facts.put("industry", "TOBACCO");
        submit(facts);
        assertThat(currentStages()).containsExactly("INTAKE_CHECK");

        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        assertThat(currentStages()).containsExactly("CYBERSECURITY_REVIEW", "DATA_PROTECTION", "INDUSTRY_APPROVAL");

        complete("Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));
        assertThat(currentStages()).containsExactly("CYBERSECURITY_REVIEW", "INDUSTRY_APPROVAL");

        complete("Task_PriorApproval", Map.of("industryOutcome", "APPROVED"));
        assertThat(currentStages()).containsExactly("CYBERSECURITY_REVIEW");

        complete("Task_CheckMaterials", Map.of("materialsOutcome", "REVIEW_NOT_NEEDED"));
        RecordingLetterDelegate.issuePending(engine);
        assertThat(openTaskKeys()).containsExactly("Task_CompletenessCheck");
        assertThat(currentStages()).containsExactly("CSRC_FILING");
    }

    @Test
    void withdrawalDuringTheChecksEndsEachCheckAndLeavesTheCaseInNoStage() {
        Map<String, Object> facts = smallCompany();
        facts.put("personalInfoUsers", 5_000_000L);
        facts.put("industry", "TOBACCO");
        ProcessInstance process = submit(facts);
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        complete("Task_PriorApproval", Map.of("industryOutcome", "APPROVED"));
        assertThat(currentStages()).containsExactly("CYBERSECURITY_REVIEW", "DATA_PROTECTION");

        withdraw();
        assertThat(process).isEnded().hasPassed("End_Withdrawn");
        assertThat(currentStages()).isEmpty();
        // The checks cancelled by the withdrawal run their end listeners too, before the case closes.
        for (String check : List.of("CYBERSECURITY_REVIEW", "DATA_PROTECTION")) {
            InOrder order = Mockito.inOrder(caseRecord);
            order.verify(caseRecord).stageEnded(any(), eq(check));
            order.verify(caseRecord).close(any(), eq("WITHDRAWN"));
        }
    }

    @Test
    void aProhibitionInTheReviewEndsTheOtherChecksAsTheCaseIsRejected() {
        Map<String, Object> facts = smallCompany();
        facts.put("personalInfoUsers", 5_000_000L);
        submit(facts);
        complete("Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        assertThat(currentStages()).containsExactly("CYBERSECURITY_REVIEW", "DATA_PROTECTION");

        complete("Task_CheckMaterials", Map.of("materialsOutcome", "REVIEW_NEEDED", "reviewComplex", false));
        complete("Task_InitialReview", Map.of("initialOpinion", "CONCERN", "reasons", "Data of national importance."));
        complete("Task_SpecialReview", Map.of("reviewOutcome", "PROHIBITED", "reasons", "Affects national security."));
        RecordingLetterDelegate.issuePending(engine);

        verify(caseRecord).stageEnded(any(), eq("DATA_PROTECTION"));
        verify(caseRecord).stageEnded(any(), eq("CYBERSECURITY_REVIEW"));
        assertThat(currentStages()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private Object replaceStages(Set<String> next) {
        stages.clear();
        stages.addAll(next);
        return null;
    }

    private List<String> currentStages() {
        return Stages.inProcessOrder(stages);
    }

    private void fileAndGetTheNotice() {
        complete("Task_CompletenessCheck", Map.of("completenessOutcome", "COMPLETE"));
        complete("Task_ConcludeFiling", Map.of("filingOutcome", "NOTICE_ISSUED"));
        RecordingLetterDelegate.issuePending(engine);
        assertThat(openTaskKeys()).containsExactly("Task_ReportListing");
    }

    /** A mid-sized platform company listing in New York: below every threshold. */
    private static Map<String, Object> smallCompany() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("applicationNumber", NUMBER);
        facts.put("companyGroup", COMPANY);
        facts.put("companyName", "示例数据科技股份有限公司");
        facts.put("submittedOn", SUBMITTED.toString());
        facts.put("overseasSubmissionDate", SUBMITTED.minusDays(1).toString());
        facts.put("venueExchange", "NYSE");
        facts.put("venueRegion", "US");
        facts.put("networkPlatformOperator", true);
        facts.put("ciio", false);
        facts.put("importantData", false);
        facts.put("personalInfoUsers", 800_000L);
        facts.put("piExportedNonSensitive", 5_000L);
        facts.put("piExportedSensitive", 0L);
        facts.put("previouslyListedAbroadOn", null);
        facts.put("previouslyListedExchange", null);
        facts.put("industry", "SOFTWARE");
        facts.put("issuerType", "OFFSHORE");
        facts.put("domesticRevenuePct", 90.0);
        facts.put("domesticProfitPct", 85.0);
        facts.put("domesticAssetsPct", 70.0);
        facts.put("domesticNetAssetsPct", 65.0);
        facts.put("managementMostlyPrc", true);
        facts.put("mainPlaceOfBusiness", "CN");
        facts.put("declProhibitedByLaw", false);
        facts.put("declNationalSecurityThreat", false);
        facts.put("declRecentCriminalOffence", false);
        facts.put("declUnderInvestigation", false);
        facts.put("declOwnershipDispute", false);
        facts.put("stateAssetsSupervisor", null);
        facts.put("usesThirdPartyCloud", false);
        facts.put("earliestCloudContractEnd", null);
        return facts;
    }

    /**
     * Files the facts and starts the case as the application does: with the facts the case keeps as variables;
     * the screening reads the others from the application as filed.
     */
    private ProcessInstance submit(Map<String, Object> facts) {
        filed.putAll(facts);
        Map<String, Object> kept = new HashMap<>(facts);
        kept.keySet().removeAll(SCREENING_ONLY);
        return engine.getRuntimeService().startProcessInstanceByKey("overseas-listing", NUMBER, kept);
    }

    /** The screening's inputs a case does not keep: the facts only the screening reads, and the cloud contracts. */
    private static final Set<String> SCREENING_ONLY = screeningOnly();

    private static Set<String> screeningOnly() {
        Set<String> names = new HashSet<>(Set.of(ProcessVariables.USES_THIRD_PARTY_CLOUD,
                ProcessVariables.EARLIEST_CLOUD_CONTRACT_END));
        FactSection.allFacts().stream().filter(fact -> fact.toScreeningDecisions() && !fact.toProcessVariable())
                .forEach(fact -> names.add(fact.name()));
        return names;
    }

    private void withdraw() {
        engine.getRuntimeService().createMessageCorrelation("ApplicationWithdrawn").processInstanceBusinessKey(NUMBER).correlate();
    }

    private Task task(String key) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(NUMBER).initializeFormKeys()
                .taskDefinitionKey(key).list();
        assertThat(tasks).as("open tasks " + key).hasSize(1);
        return tasks.get(0);
    }

    private void complete(String key, Map<String, Object> variables) {
        engine.getTaskService().complete(task(key).getId(), new HashMap<>(variables));
    }

    private List<String> letterKinds() {
        return letters.issued().stream().map(RecordingLetterDelegate.Issued::letterKind).toList();
    }

    private List<String> openTaskKeys() {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(NUMBER).list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    private List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).toList();
    }

    private Object variable(ProcessInstance process, String name) {
        return engine.getRuntimeService().getVariable(process.getId(), name);
    }

    private Object historicVariable(ProcessInstance process, String name) {
        var variable = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    private void fireTimerOf(String processKey) {
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(NUMBER).singleResult();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
    }

    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(10, 0)).atZone(BEIJING).toInstant()));
    }

    private static LocalDate day(Date date) {
        return date.toInstant().atZone(BEIJING).toLocalDate();
    }

    private static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages-screening", "messages", "messages-applications");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
