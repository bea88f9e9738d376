package cn.ola.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the audit trail records. Every entry is of one of these types; what the applicant company
 * may see of each is decided in one place, {@code cn.ola.visibility.CompanyView}, which must name
 * every type here.
 */
public enum AuditEventType {
    /** The company started a draft. */
    DRAFT_CREATED,
    /** The company deleted a draft (with its documents); the details say how many documents went with it. */
    DRAFT_DELETED,
    /** The company submitted its application. */
    SUBMITTED,
    /** One screening decision at submission, with its result and reason. */
    SCREENING,
    /** The case entered a stage (INTAKE_CHECK, CYBERSECURITY_REVIEW, …). */
    STAGE_ENTERED,
    /** A non-final status change of the case. */
    STATUS_CHANGED,
    /** A step ended with an outcome; the stage names the step, the details carry the reasons entered with it. */
    OUTCOME,
    /** The case ended with a final status. */
    CLOSED,
    /** A regulator-side deadline passed and a supervisor was asked to follow up. */
    DEADLINE_PASSED,
    /** The company withdrew. */
    WITHDRAWAL_REQUESTED,
    /** The company answered a request for materials. */
    MATERIALS_SUPPLIED,
    /** The company reported the date of its overseas application. */
    OVERSEAS_SUBMISSION_REPORTED,
    /** The company reported its listing. */
    LISTING_REPORTED,
    /** The company confirmed that it complies with the interim measures of an ex-officio review; the details are its statement. */
    INTERIM_MEASURES_CONFIRMED,
    /** A decision letter was issued into the case's documents. */
    LETTER_ISSUED,
    /** The listed company reported a material event; the outcome is its kind, the details its account of it. */
    MATERIAL_EVENT_REPORTED,
    /**
     * The listed company filed a later offering on the market where it is listed; the outcome is the day the
     * offering was completed, the details its account of it.
     */
    SUBSEQUENT_OFFERING_FILED;

    /** The type recorded under this name; empty for a name we do not (or no longer) record. */
    public static Optional<AuditEventType> of(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
