package cn.ola.visibility;

import static cn.ola.visibility.Audience.COMPANY;
import static cn.ola.visibility.Audience.COMPANY_WITHOUT_TEXT;
import static cn.ola.visibility.Audience.REGULATORS;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The steps whose outcomes the models record ({@code caseRecord.outcome(execution, '<step>', '<outcome>')}),
 * and what the company sees of each outcome. The text of an outcome is the {@code reasons} its
 * deciding officer entered: the company reads it where it is a request or a decision addressed to
 * the company, not where it is the regulators' own reasoning. An outcome not named here is the
 * regulators' only.
 */
enum RecordedStep {

    /** The CSRC's intake check: acceptance, a request to correct, or the rejection — each a notice to the company. */
    INTAKE_CHECK(Map.of("COMPLETE", COMPANY, "CORRECTIONS_NEEDED", COMPANY, "REJECTED", COMPANY)),
    /**
     * The review office's check of the Art. 8 materials: the company is told whether a review is
     * needed (Art. 9) and what materials are missing, not the office's reasoning; that no review is
     * needed reaches it as the review's outcome.
     */
    CYBERSECURITY_REVIEW_MATERIALS(Map.of("MATERIALS_REQUESTED", COMPANY, "REVIEW_NEEDED", COMPANY_WITHOUT_TEXT,
            "REVIEW_NOT_NEEDED", REGULATORS)),
    /** The office's initial opinion, and whom it consults, are its own; a request for materials is the company's. */
    CYBERSECURITY_REVIEW_INITIAL(Map.of("MATERIALS_REQUESTED", COMPANY, "NO_CONCERN", REGULATORS, "CONCERN", REGULATORS)),
    /** Each member agency's opinion ({@code CYBERSECURITY_REVIEW_AGENCY_NDRC}, …): the agencies' and the office's only. */
    CYBERSECURITY_REVIEW_AGENCY(Map.of("AGREE", REGULATORS, "DISAGREE", REGULATORS)) {
        @Override
        boolean names(String step) {
            return step.startsWith(name() + "_");
        }
    },
    /** The special review, its notes and extensions are internal; its conclusion reaches the company as the review's outcome. */
    CYBERSECURITY_REVIEW_SPECIAL(Map.of("CLEARED", REGULATORS, "PROHIBITED", REGULATORS, "EXTENDED", REGULATORS)),
    /**
     * The review's conclusion. The company learns it (and gets the letter), but the reasons on
     * record are the initial review's or the special review's: the office's internal reasoning.
     */
    CYBERSECURITY_REVIEW(Map.of("NOT_REQUIRED", COMPANY_WITHOUT_TEXT, "CLEARED", COMPANY_WITHOUT_TEXT,
            "PROHIBITED", COMPANY_WITHOUT_TEXT)),
    DATA_EXPORT_EVIDENCE(Map.of("ACCEPTED", COMPANY, "MATERIALS_REQUESTED", COMPANY)),
    STATE_CLOUD_MIGRATION(Map.of("ACCEPTED", COMPANY, "MATERIALS_REQUESTED", COMPANY)),
    PI_SELF_ASSESSMENT(Map.of("ACCEPTED", COMPANY, "MATERIALS_REQUESTED", COMPANY)),
    /** The industry regulator's prior approval is an administrative licence: granted or refused to the company, with reasons. */
    INDUSTRY_APPROVAL(Map.of("APPROVED", COMPANY, "REFUSED", COMPANY, "MATERIALS_REQUESTED", COMPANY)),
    CSRC_COMPLETENESS_CHECK(Map.of("COMPLETE", COMPANY, "SUPPLEMENT_REQUESTED", COMPANY)),
    /**
     * The CSRC's conclusion and its requests are addressed to the company; a late filing is flagged
     * to it without text; consulting State Council departments is the CSRC's own.
     */
    CSRC_FILING(Map.of("NOTICE_ISSUED", COMPANY, "REFUSED", COMPANY, "SUPPLEMENT_REQUESTED", COMPANY,
            "LATE_FILING", COMPANY_WITHOUT_TEXT, "CONSULT_DEPARTMENTS", REGULATORS)),
    /** A request for materials runs its course; its text is the requesting step's. */
    MATERIALS_REQUEST(Map.of("REQUESTED", COMPANY_WITHOUT_TEXT, "SUPPLIED", COMPANY_WITHOUT_TEXT,
            "NO_REPLY", COMPANY_WITHOUT_TEXT)),
    LISTING_REPORT(Map.of("ON_TIME", COMPANY_WITHOUT_TEXT, "LATE", COMPANY_WITHOUT_TEXT)),
    /**
     * A listed company's material event: the CSRC's acknowledgement and a late report are told to the
     * company without text; its questions and its conclusion (closed or referred) are addressed to the
     * company with the officer's text.
     */
    MATERIAL_EVENT(Map.of("LATE_REPORT", COMPANY_WITHOUT_TEXT, "ACKNOWLEDGED", COMPANY_WITHOUT_TEXT,
            "QUESTIONS_ASKED", COMPANY, "CLOSED", COMPANY, "REFERRED", COMPANY)),
    /**
     * A listed company's later offering on its market: a late filing and the completeness found are told to
     * the company without text; a supplement request and the conclusion (filing notice or refusal) are
     * addressed to it with the officer's text; its own withdrawal comes back to it with its reason.
     */
    SUBSEQUENT_OFFERING(Map.of("LATE_FILING", COMPANY_WITHOUT_TEXT, "COMPLETE", COMPANY_WITHOUT_TEXT,
            "SUPPLEMENT_REQUESTED", COMPANY, "NOTICE_ISSUED", COMPANY, "REFUSED", COMPANY, "WITHDRAWN", COMPANY)),
    /**
     * A cybersecurity review the office opened on its own initiative. The company is told that it was
     * opened, not the office's grounds: they rest on what the office and other authorities know of the
     * company and may name sources, so they stay internal (the opening notice cites the legal basis
     * only, as the office's public notices do). Its conclusion is addressed to the company with the
     * reasons the office wrote for it, which the letter carries too: a company ordered to rectify must
     * read what to rectify.
     */
    EX_OFFICIO_REVIEW(Map.of("OPENED", COMPANY_WITHOUT_TEXT, "CLEARED", COMPANY, "RECTIFICATION_ORDERED", COMPANY,
            "REFERRED_FOR_PENALTIES", COMPANY)),
    /**
     * The office's decisions in that review: a request for materials is the company's; a consultation is
     * the office's own; a conclusion reaches the company as the review's outcome (EX_OFFICIO_REVIEW).
     */
    EX_OFFICIO_REVIEW_ASSESSMENT(Map.of("MATERIALS_REQUESTED", COMPANY, "CONSULT_AGENCIES", REGULATORS,
            "CLEARED", REGULATORS, "RECTIFICATION_ORDERED", REGULATORS, "REFERRED_FOR_PENALTIES", REGULATORS)),
    /** Interim measures are orders to the company: what it must do (or stop doing) from which day, and when they end. */
    EX_OFFICIO_INTERIM_MEASURES(Map.of("IMPOSED", COMPANY, "LIFTED", COMPANY));

    private final Map<String, Audience> outcomes;

    RecordedStep(Map<String, Audience> outcomes) {
        this.outcomes = outcomes;
    }

    boolean names(String step) {
        return name().equals(step);
    }

    Map<String, Audience> outcomes() {
        return outcomes;
    }

    static Optional<RecordedStep> of(String step) {
        return step == null ? Optional.empty() : Arrays.stream(values()).filter(s -> s.names(step)).findFirst();
    }

    /** Who sees this outcome of this step; anything unknown stays with the regulators. */
    static Audience audience(String step, String outcome) {
        return outcome == null ? REGULATORS : of(step).map(s -> s.outcomes.getOrDefault(outcome, REGULATORS)).orElse(REGULATORS);
    }
}
