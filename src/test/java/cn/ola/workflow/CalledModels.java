package cn.ola.workflow;

/** The model in {@code bpmn/} that a call activity's {@code calledElement} names, for tests that read the models. */
public final class CalledModels {

    /** How a consultation names the consulted agency's own definition of the opinion. */
    static final String AGENCY_OPINION = "${memberAgencies.opinionProcess(" + ProcessVariables.MEMBER_AGENCY + ")}";

    private CalledModels() {
    }

    /** The key of the model called: the opinion's model for an agency's own definition, else the key named. */
    public static String model(String calledElement) {
        return AGENCY_OPINION.equals(calledElement) ? CaseModel.MEMBER_AGENCY_OPINION.key() : calledElement;
    }
}
