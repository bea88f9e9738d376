package cn.ola.workflow;

import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;

/**
 * Hands the screening the filed facts it reads and the case does not keep (declarations, domestic shares,
 * issuer type, an earlier listing, …: {@link cn.ola.filing.Fact#toScreening()}), each time the case is
 * screened: {@code ${screeningInputs.hand(execution)}} at the start of the screening task. They are transient
 * variables: gone when the command that screened the case ends, never written to the database or its history;
 * the decisions' history keeps the value each decision read. Read from the application as filed, so that an
 * administrator who starts the screening again (Cockpit, "start before") screens the case on its filed facts.
 * An input the process holds as a variable (every kept fact; a case started before these were handed over holds
 * them all) is left as it is.
 */
@Component("screeningInputs")
public class ScreeningInputs {

    private final Function<String, Map<String, Object>> filed;

    @Autowired
    ScreeningInputs(ListingApplications applications) {
        this(number -> {
            ListingApplication application = applications.find(ApplicationNumber.parse(number))
                    .orElseThrow(() -> new IllegalStateException("No application " + number + " to screen"));
            return CaseVariables.screeningInputs(application.facts(),
                    applications.earliestCloudContractEnd(application.id()).orElse(null));
        });
    }

    /** @param filed the screening's inputs of a case, by its application number */
    ScreeningInputs(Function<String, Map<String, Object>> filed) {
        this.filed = filed;
    }

    public void hand(DelegateExecution execution) {
        filed.apply(execution.getProcessBusinessKey()).forEach((name, value) -> {
            if (!execution.hasVariable(name)) {
                execution.setVariable(name, Variables.untypedValue(value, true));
            }
        });
    }
}
