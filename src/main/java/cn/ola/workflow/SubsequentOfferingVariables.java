package cn.ola.workflow;

/**
 * The process variables of {@code subsequent-offering} that are its own; the case's variables it shares
 * with the other models (application number, company group and name, reasons, a supplement's request and
 * answer) are in {@link ProcessVariables}.
 */
public final class SubsequentOfferingVariables {

    private SubsequentOfferingVariables() {
    }

    /** Id of the offering's row in our table {@code subsequent_offerings}. */
    public static final String OFFERING_ID = "subsequentOfferingId";
    /** ISO date on which the offering was completed abroad. */
    public static final String COMPLETED_ON = "offeringCompletedOn";
    /** ISO date on which the company filed it with us. */
    public static final String FILED_ON = "filedOn";
    /** The company's account of the offering: the kind of securities and the amount. */
    public static final String DESCRIPTION = "offeringDescription";
    /** Whether the filing came later than the rules allow after the completion (set by the model). */
    public static final String LATE_FILING = "lateFiling";
    /** The officer's completeness check: COMPLETE or SUPPLEMENT_REQUESTED. */
    public static final String COMPLETENESS_OUTCOME = "offeringCompletenessOutcome";
    /** The officer's conclusion: SUPPLEMENT_REQUESTED, NOTICE_ISSUED or REFUSED. */
    public static final String OUTCOME = "offeringOutcome";

    /** Id of the document that holds the CSRC's conclusion letter on the offering (set when it is issued). */
    public static final String LETTER_DOCUMENT_ID = "offeringLetterDocumentId";

    /** The step under which the audit trail records the offering's outcomes; also who asks for its supplements. */
    public static final String STEP = "SUBSEQUENT_OFFERING";

    public static final String CLOCK_COMPLETENESS = "offeringCompleteness";
    public static final String CLOCK_CONCLUSION = "offeringConclusion";
}
