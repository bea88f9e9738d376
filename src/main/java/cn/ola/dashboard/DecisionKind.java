package cn.ola.dashboard;

import java.util.List;
import java.util.Map;

/**
 * What a staff decision did to a case, for counting decisions: the outcomes recorded by the
 * decision steps of the models, sorted into four kinds.
 */
enum DecisionKind {

    /** Approved, cleared, accepted, complete, notice issued. */
    FAVOURABLE,
    /** Rejected, refused, prohibited. */
    ADVERSE,
    /** Materials, corrections or supplements asked of the company. */
    REQUEST,
    /** The case goes on to a further review: review needed, concerns, disagreement, extension, consultation. */
    FURTHER_REVIEW,
    /** An outcome this dashboard does not know yet. */
    OTHER;

    /**
     * The steps whose OUTCOME audit events are staff decisions. Left out: the review's overall
     * conclusion (it repeats the decision that led to it), the applicant's materials sub-process,
     * the listing report and the late-filing flag, which the engine sets.
     */
    static final List<String> DECISION_STEPS = List.of("INTAKE_CHECK", "CYBERSECURITY_REVIEW_MATERIALS",
            "CYBERSECURITY_REVIEW_INITIAL", "CYBERSECURITY_REVIEW_SPECIAL", "PI_SELF_ASSESSMENT", "DATA_EXPORT_EVIDENCE",
            "STATE_CLOUD_MIGRATION", "INDUSTRY_APPROVAL", "CSRC_COMPLETENESS_CHECK", "CSRC_FILING",
            "EX_OFFICIO_REVIEW_ASSESSMENT");
    /** One step per member agency consulted: CYBERSECURITY_REVIEW_AGENCY_NDRC, …_MIIT, … */
    static final String AGENCY_OPINION_STEP_PREFIX = "CYBERSECURITY_REVIEW_AGENCY_";
    /** Recorded under the CSRC_FILING step, but by the engine, not by an officer. */
    static final String LATE_FILING_FLAG = "LATE_FILING";

    private static final Map<String, DecisionKind> BY_OUTCOME = Map.ofEntries(
            Map.entry("COMPLETE", FAVOURABLE),
            Map.entry("REVIEW_NOT_NEEDED", FAVOURABLE),
            Map.entry("NO_CONCERN", FAVOURABLE),
            Map.entry("AGREE", FAVOURABLE),
            Map.entry("CLEARED", FAVOURABLE),
            Map.entry("ACCEPTED", FAVOURABLE),
            Map.entry("APPROVED", FAVOURABLE),
            Map.entry("NOTICE_ISSUED", FAVOURABLE),
            // A material event's conclusions: closed without further action, or referred for it.
            Map.entry("CLOSED", FAVOURABLE),
            Map.entry("REFERRED", FURTHER_REVIEW),
            Map.entry("QUESTIONS_ASKED", REQUEST),
            Map.entry("REJECTED", ADVERSE),
            Map.entry("REFUSED", ADVERSE),
            Map.entry("PROHIBITED", ADVERSE),
            Map.entry("RECTIFICATION_ORDERED", ADVERSE),
            Map.entry("REFERRED_FOR_PENALTIES", ADVERSE),
            Map.entry("CORRECTIONS_NEEDED", REQUEST),
            Map.entry("MATERIALS_REQUESTED", REQUEST),
            Map.entry("SUPPLEMENT_REQUESTED", REQUEST),
            Map.entry("REVIEW_NEEDED", FURTHER_REVIEW),
            Map.entry("CONCERN", FURTHER_REVIEW),
            Map.entry("DISAGREE", FURTHER_REVIEW),
            Map.entry("EXTENDED", FURTHER_REVIEW),
            Map.entry("CONSULT_DEPARTMENTS", FURTHER_REVIEW),
            Map.entry("CONSULT_AGENCIES", FURTHER_REVIEW));

    static DecisionKind of(String outcome) {
        return outcome == null ? OTHER : BY_OUTCOME.getOrDefault(outcome, OTHER);
    }
}
