package cn.ola.events;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.ola.workflow.CaseRecord;
import cn.ola.workflow.MaterialEventVariables;
import cn.ola.workflow.ProcessVariables;

/**
 * Keeps the event's row in step with its process. The model calls it from execution listeners:
 * {@code ${materialEventRecord.state(execution, 'ACKNOWLEDGED')}}. The audit trail of the listed case
 * is written by {@code caseRecord.outcome}; this bean never touches the case's status or stages.
 */
@Component("materialEventRecord")
public class MaterialEventRecord {

    private final MaterialEventTable table;
    private final CaseRecord caseRecord;
    private final Clock clock;

    MaterialEventRecord(MaterialEventTable table, CaseRecord caseRecord, Clock clock) {
        this.table = table;
        this.caseRecord = caseRecord;
        this.clock = clock;
    }

    /**
     * A deadline of the CSRC's handling passed: the event is marked overdue and the case's audit trail says
     * so. The listed case itself is not marked: its own procedure ended long ago.
     */
    public void overdue(DelegateExecution execution, String clockName) {
        table.markOverdue(eventId(execution));
        caseRecord.deadlinePassed(execution, clockName);
    }

    /** The report came later than the rules allow after the announcement. */
    public void flagLate(DelegateExecution execution) {
        table.flagLate(eventId(execution));
    }

    /** The handling reached a step: ACKNOWLEDGED or QUESTIONS_ASKED. */
    public void state(DelegateExecution execution, String state) {
        table.state(eventId(execution), MaterialEventState.valueOf(state), clock.instant());
    }

    /** The CSRC concluded (CLOSED or REFERRED), with the explanation it gives the company. */
    public void conclude(DelegateExecution execution, String outcome) {
        Object reasons = execution.getVariable(ProcessVariables.REASONS);
        table.conclude(eventId(execution), MaterialEventState.valueOf(outcome), reasons == null ? null : reasons.toString(),
                clock.instant());
    }

    private static long eventId(DelegateExecution execution) {
        Object id = execution.getVariable(MaterialEventVariables.MATERIAL_EVENT_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
                    + " has no material event id");
        }
        return number.longValue();
    }
}
