package cn.ola.visibility;

import java.util.Map;
import java.util.Set;

import cn.ola.filing.Stage;
import cn.ola.workflow.ApplicantAction;

/**
 * Every user task of the models, and how the company sees it while it is open. The company's own
 * tasks and the regulators' statutory steps (with the deadlines the law gives them) are shown as
 * they are. The regulators' internal work is shown, where it carries a stage forward, only as that
 * stage being under way — never under its own name — and not at all where it decides nothing
 * (supervisors' follow-ups). A task not named here is not shown.
 */
final class CaseTasks {

    /** The stage under which the cybersecurity review's internal work is shown. */
    static final String CYBERSECURITY_REVIEW = Stage.CYBERSECURITY_REVIEW.name();
    /** The stage under which the office's work on an ex-officio review is shown. */
    static final String EX_OFFICIO_REVIEW = Stage.EX_OFFICIO_REVIEW.name();
    /** The stage under which the CSRC's internal work on the filing is shown. */
    static final String CSRC_FILING = Stage.CSRC_FILING.name();

    /** Task key → the key the company sees it under: its own, or the stage it belongs to. */
    static final Map<String, String> SHOWN_AS = Map.ofEntries(
            // the company's own steps
            Map.entry(ApplicantAction.SUPPLY_MATERIALS.taskKey(), ApplicantAction.SUPPLY_MATERIALS.taskKey()),
            Map.entry(ApplicantAction.REPORT_OVERSEAS_SUBMISSION.taskKey(),
                    ApplicantAction.REPORT_OVERSEAS_SUBMISSION.taskKey()),
            Map.entry(ApplicantAction.REPORT_LISTING.taskKey(), ApplicantAction.REPORT_LISTING.taskKey()),
            Map.entry(ApplicantAction.CONFIRM_COMPLIANCE.taskKey(), ApplicantAction.CONFIRM_COMPLIANCE.taskKey()),
            // the regulators' statutory steps
            Map.entry("Task_IntakeCheck", "Task_IntakeCheck"),
            Map.entry("Task_CheckMaterials", "Task_CheckMaterials"),
            Map.entry("Task_InitialReview", "Task_InitialReview"),
            Map.entry("Task_CheckExportEvidence", "Task_CheckExportEvidence"),
            Map.entry("Task_CheckMigrationEvidence", "Task_CheckMigrationEvidence"),
            Map.entry("Task_ReviewPiSelfAssessment", "Task_ReviewPiSelfAssessment"),
            Map.entry("Task_PriorApproval", "Task_PriorApproval"),
            Map.entry("Task_CompletenessCheck", "Task_CompletenessCheck"),
            Map.entry("Task_ConcludeFiling", "Task_ConcludeFiling"),
            Map.entry("Task_AcknowledgeEvent", "Task_AcknowledgeEvent"),
            Map.entry("Task_ConcludeEvent", "Task_ConcludeEvent"),
            Map.entry("Task_CheckOfferingCompleteness", "Task_CheckOfferingCompleteness"),
            Map.entry("Task_ConcludeOffering", "Task_ConcludeOffering"),
            // internal work: who is consulted, and a special review, show only as the stage under way
            Map.entry("Task_AgencyOpinion", CYBERSECURITY_REVIEW),
            Map.entry("Task_SpecialReview", CYBERSECURITY_REVIEW),
            Map.entry("Task_RecordConsultation", CSRC_FILING),
            // an ex-officio review: the office's work shows as the review under way
            Map.entry("Task_DecideInterimMeasures", EX_OFFICIO_REVIEW),
            Map.entry("Task_ExOfficioReview", EX_OFFICIO_REVIEW),
            Map.entry("Task_LiftInterimMeasures", EX_OFFICIO_REVIEW));

    /** The neutral names of the stages, as the API gives names (the portal words them in the reader's language). */
    static final Map<String, String> STAGE_NAMES = Map.of(
            CYBERSECURITY_REVIEW, "Cybersecurity review under way",
            CSRC_FILING, "CSRC filing under way",
            EX_OFFICIO_REVIEW, "Ex-officio cybersecurity review under way");

    /** Escalations of passed deadlines to supervisors: they decide nothing, and the company is not told of them. */
    static final Set<String> NOT_SHOWN = Set.of("Task_FollowUpIntakeCheck", "Task_FollowUpReviewDecision",
            "Task_FollowUpInitialReview", "Task_FollowUpAgencyOpinions", "Task_FollowUpSpecialReview",
            "Task_FollowUpOverduePriorApproval", "Task_FollowUpOverdueCompletenessCheck",
            "Task_FollowUpOverdueFilingConclusion", "Task_FollowUpOverdueAcknowledgement",
            "Task_FollowUpOverdueEventConclusion", "Task_FollowUpInterimMeasures", "Task_FollowUpExOfficioReview",
            "Task_FollowUpComplianceConfirmation",
            "Task_FollowUpOverdueOfferingCompleteness", "Task_FollowUpOverdueOfferingConclusion");

    private CaseTasks() {
    }
}
