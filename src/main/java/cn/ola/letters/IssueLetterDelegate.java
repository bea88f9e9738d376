package cn.ola.letters;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ola.filing.ApplicationNumber;
import cn.ola.workflow.ProcessVariables;
import cn.ola.workflow.SubsequentOfferingVariables;

/**
 * The models' letter tasks ({@code camunda:delegateExpression="${issueLetterDelegate}"}). Which
 * letter is the task's input parameter {@value #LETTER_KIND}; a review conclusion also says what
 * was concluded ({@value #CONCLUSION}). The tasks run asynchronously: a letter that cannot be
 * issued fails the job, which the engine retries and then shows as an incident in Cockpit.
 */
@Component("issueLetterDelegate")
class IssueLetterDelegate implements JavaDelegate {

    /** Input parameter of a letter task: a {@link LetterKind}. */
    static final String LETTER_KIND = "letterKind";
    /** Input parameter of a review-conclusion task: a {@link ReviewConclusion}. */
    static final String CONCLUSION = "conclusion";

    private final Letters letters;

    IssueLetterDelegate(Letters letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LetterKind kind = LetterKind.valueOf(required(execution, LETTER_KIND));
        ApplicationNumber number = ApplicationNumber.parse(execution.getProcessBusinessKey());
        switch (kind) {
            case FILING_NOTICE -> letters.issueFilingNotice(number);
            case REVIEW_CONCLUSION -> letters.issueReviewConclusion(number,
                    ReviewConclusion.valueOf(required(execution, CONCLUSION)),
                    (String) execution.getVariable(ProcessVariables.REASONS));
            case EX_OFFICIO_REVIEW_CONCLUSION -> letters.issueExOfficioConclusion(number,
                    ExOfficioConclusion.valueOf(required(execution, CONCLUSION)),
                    (String) execution.getVariable(ProcessVariables.REASONS), liftedOn(execution));
            case SUBSEQUENT_OFFERING_CONCLUSION -> {
                // The offering's row names its own letter: a case may see several offerings, each with one.
                long letter = letters.issueOfferingConclusion(number, OfferingConclusion.valueOf(required(execution, CONCLUSION)),
                        (String) execution.getVariable(ProcessVariables.REASONS),
                        (String) execution.getVariable(SubsequentOfferingVariables.DESCRIPTION)).id();
                execution.setVariable(SubsequentOfferingVariables.LETTER_DOCUMENT_ID, letter);
            }
            case REFUSAL_LETTER -> letters.issueRefusal(number,
                    (String) execution.getVariable(ProcessVariables.INDUSTRY_REGULATOR_GROUP),
                    (String) execution.getVariable(ProcessVariables.INDUSTRY_REGULATOR_NAME));
        }
    }

    /** The day the interim measures were lifted with this conclusion, if they were. */
    private static java.time.LocalDate liftedOn(DelegateExecution execution) {
        Object lifted = execution.getVariable(ProcessVariables.INTERIM_MEASURES_LIFTED_ON);
        return lifted instanceof String day && !day.isBlank() ? java.time.LocalDate.parse(day) : null;
    }

    private static String required(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalStateException("The letter task " + execution.getCurrentActivityId() + " has no input parameter "
                    + name + " (found " + value + ")");
        }
        return text;
    }
}
