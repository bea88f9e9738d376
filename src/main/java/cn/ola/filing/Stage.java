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
     * The CSRC's work on what a listed company reports after its listing (material events). A case
     * never stands in it — its own stages end with the listing, and what it reports afterwards leaves
     * its status and stages alone — but the staff's tasks of that work are filed under it.
     */
    AFTER_LISTING(null, false),
    /**
     * A cybersecurity review the review office opened on its own initiative, of a listed or listing
     * company. A case never stands in it either (the case's stages are the application's way through
     * the gates); its staff tasks are filed under it in the work queue.
     */
    EX_OFFICIO_REVIEW(null, false);

    private final Stage block;
    private final boolean entered;

    Stage() {
        this(null);
    }

    Stage(Stage block) {
        this(block, true);
    }

    Stage(Stage block, boolean entered) {
        this.block = block;
        this.entered = entered;
    }

    /** Whether a case stands in this stage at some time (the models enter it); false for the work that runs beside the case (after the listing, an ex-officio review). */
    public boolean entered() {
        return entered;
    }

    /** The names of the stages a case stands in, in the order of the process. */
    public static List<String> namesOfCaseStages() {
        return Arrays.stream(values()).filter(Stage::entered).map(Enum::name).toList();
    }

    /** The block this stage runs in side by side with others, if it is one of such checks. */
    public Optional<Stage> block() {
        return Optional.ofNullable(block);
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
