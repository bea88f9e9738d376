package cn.ola.filing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The stages of a case, in the order of the process, as the models enter them through
 * {@code caseRecord.stage}. The checks of the regulatory checks run side by side inside their block
 * (how a case moves between them: {@link Stages}).
 */
public enum Stage {
    SCREENING,
    INTAKE_CHECK,
    REGULATORY_CHECKS,
    CYBERSECURITY_REVIEW(REGULATORY_CHECKS),
    DATA_PROTECTION(REGULATORY_CHECKS),
    INDUSTRY_APPROVAL(REGULATORY_CHECKS),
    CSRC_FILING,
    AWAITING_LISTING,
    /**
     * A cybersecurity review the review office opened on its own initiative, of a listed or listing
     * company. It never becomes a stage the case stands in (the case's stages are the application's
     * way through the gates); its staff tasks are filed under it in the work queue.
     */
    EX_OFFICIO_REVIEW;

    private final Stage block;

    Stage() {
        this(null);
    }

    Stage(Stage block) {
        this.block = block;
    }

    /** The block this stage runs in side by side with others, if it is one of such checks. */
    public Optional<Stage> block() {
        return Optional.ofNullable(block);
    }

    /** Whether a case stands in this stage (case_stages); an ex-officio review runs beside the case instead. */
    public boolean caseStandsIn() {
        return this != EX_OFFICIO_REVIEW;
    }

    /** Every stage's name, in the order of the process. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /** The stage of this name, if there is one (a stored name of a stage no longer known: empty). */
    public static Optional<Stage> of(String name) {
        return Arrays.stream(values()).filter(stage -> stage.name().equals(name)).findFirst();
    }
}
