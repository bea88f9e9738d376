package cn.ola.workflow;

/**
 * The six screening decisions (DESIGN §4, D1–D6) in {@code bpmn/listing-screening.dmn}, and the
 * process variable that carries each one's result. The reason of a result is in the variable
 * named {@code <result>Reason}; the decisions' outputs have the same names as the variables. The
 * process takes all six in one evaluation of {@link #RESULTS_DECISION}; the rule that fired in
 * each is in Camunda's decision history.
 */
public enum ScreeningDecision {
    NEGATIVE_LIST("negative-list", ProcessVariables.NEGATIVE_LIST),
    CYBERSECURITY_REVIEW("cybersecurity-review-requirement", ProcessVariables.CYBERSECURITY_REVIEW),
    PI_EXPORT_ROUTE("pi-export-route", ProcessVariables.PI_EXPORT_ROUTE),
    LISTING_TYPE("listing-type", ProcessVariables.LISTING_TYPE),
    INDUSTRY_PRIOR_APPROVAL("industry-prior-approval", ProcessVariables.INDUSTRY_REGULATOR_GROUP),
    STATE_CLOUD_MIGRATION("state-cloud-migration", ProcessVariables.MIGRATION_EVIDENCE_REQUIRED);

    /** The decision that requires the six and hands their results on together; it decides nothing itself. */
    public static final String RESULTS_DECISION = "screening-results";

    private final String decisionKey;
    private final String resultVariable;

    ScreeningDecision(String decisionKey, String resultVariable) {
        this.decisionKey = decisionKey;
        this.resultVariable = resultVariable;
    }

    public String decisionKey() {
        return decisionKey;
    }

    public String resultVariable() {
        return resultVariable;
    }

    public String reasonVariable() {
        return resultVariable + ProcessVariables.REASON_SUFFIX;
    }
}
