package cn.ola.workflow;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The interim measures of an ex-officio cybersecurity review ({@code bpmn/ex-officio-review.bpmn}):
 * what the office decided, from which day, and when they were lifted. The measures are told to the
 * company in words of both languages, as the audit trail keeps them
 * ({@code ${caseRecord.outcomeWithText(execution, 'EX_OFFICIO_INTERIM_MEASURES', 'IMPOSED', interimMeasures.imposed(execution))}}).
 */
@Component("interimMeasures")
public class InterimMeasures {

    /** The measures the office picks from; anything else is written as other measures. */
    public enum Measure {
        SUSPEND_NEW_USER_REGISTRATIONS("measureSuspendNewUserRegistrations", "暂停新用户注册", "Suspend new user registrations"),
        REMOVE_APPS_FROM_STORES("measureRemoveAppsFromStores", "下架相关应用程序", "Remove the apps from the app stores"),
        SUSPEND_DATA_EXPORT("measureSuspendDataExport", "暂停数据出境", "Suspend transfers of data abroad");

        private final String variable;
        private final String chinese;
        private final String english;

        Measure(String variable, String chinese, String english) {
            this.variable = variable;
            this.chinese = chinese;
            this.english = english;
        }

        /** The form's tick box for this measure. */
        public String variable() {
            return variable;
        }

        public String words() {
            return chinese + " / " + english;
        }
    }

    static final String CLEARED = "CLEARED";

    private final Deadlines deadlines;

    public InterimMeasures(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** Whether the office decided on any measure. */
    public boolean anyDecided(DelegateExecution execution) {
        return !decided(execution).isEmpty();
    }

    /** The measures are in force from their date: returns them in words, as the company is told them. */
    public String imposed(DelegateExecution execution) {
        LocalDate from = date(execution, ProcessVariables.INTERIM_MEASURES_FROM);
        execution.setVariable(ProcessVariables.INTERIM_MEASURES_FROM, from.toString());
        List<String> lines = new ArrayList<>();
        lines.add("自 " + from + " 起 / From " + from + ":");
        decided(execution).forEach(measure -> lines.add("- " + measure));
        String text = String.join("\n", lines);
        execution.setVariable(ProcessVariables.INTERIM_MEASURES_TEXT, text);
        execution.setVariable(ProcessVariables.INTERIM_MEASURES_IN_FORCE, true);
        return text;
    }

    /** The measures are lifted from their date (today when none was entered): returns that in words. */
    public String lifted(DelegateExecution execution) {
        LocalDate on = date(execution, ProcessVariables.INTERIM_MEASURES_LIFTED_ON);
        execution.setVariable(ProcessVariables.INTERIM_MEASURES_LIFTED_ON, on.toString());
        execution.setVariable(ProcessVariables.INTERIM_MEASURES_IN_FORCE, false);
        return "临时措施自 " + on + " 起解除 / The interim measures are lifted from " + on + ".";
    }

    /** Whether the measures end with the conclusion: always when the company is cleared, else as the office decided. */
    public boolean liftAtConclusion(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable(ProcessVariables.INTERIM_MEASURES_IN_FORCE))
                && (CLEARED.equals(execution.getVariable(ProcessVariables.EX_OFFICIO_OPINION))
                        || Boolean.TRUE.equals(execution.getVariable(ProcessVariables.LIFT_INTERIM_MEASURES)));
    }

    private static List<String> decided(DelegateExecution execution) {
        List<String> measures = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            if (Boolean.TRUE.equals(execution.getVariable(measure.variable()))) {
                measures.add(measure.words());
            }
        }
        Object other = execution.getVariable(ProcessVariables.OTHER_MEASURES);
        if (other instanceof String text && !text.isBlank()) {
            measures.add("其他 / Other: " + text.strip());
        }
        return measures;
    }

    /** A date the form entered (yyyy-MM-dd), or today when it is missing or unreadable. */
    private LocalDate date(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        if (value instanceof String text && !text.isBlank()) {
            try {
                return LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
            } catch (DateTimeParseException unreadable) {
                return deadlines.today();
            }
        }
        return deadlines.today();
    }
}
