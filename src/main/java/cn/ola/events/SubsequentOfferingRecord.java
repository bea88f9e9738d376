package cn.ola.events;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.ola.workflow.CaseRecord;
import cn.ola.workflow.ProcessVariables;
import cn.ola.workflow.SubsequentOfferingVariables;

/**
 * Keeps the offering's row in step with its process. The model calls it from execution listeners:
 * {@code ${subsequentOfferingRecord.state(execution, 'COMPLETE')}}. The audit trail of the listed case
 * is written by {@code caseRecord.outcome}; this bean never touches the case's status or stages.
 */
@Component("subsequentOfferingRecord")
public class SubsequentOfferingRecord {

    private final SubsequentOfferingTable table;
    private final CaseRecord caseRecord;
    private final Clock clock;

    SubsequentOfferingRecord(SubsequentOfferingTable table, CaseRecord caseRecord, Clock clock) {
        this.table = table;
        this.caseRecord = caseRecord;
        this.clock = clock;
    }

    /**
     * A deadline of the CSRC's handling passed: the offering is marked overdue and the case's audit trail
     * says so. The listed case itself is not marked: its own procedure ended with its listing.
     */
    public void overdue(DelegateExecution execution, String clockName) {
        table.markOverdue(offeringId(execution));
        caseRecord.deadlinePassed(execution, clockName);
    }

    /** The filing came later than 3 working days after the offering was completed. */
    public void flagLate(DelegateExecution execution) {
        table.flagLate(offeringId(execution));
    }

    /** The handling reached a step: SUPPLEMENT_REQUESTED, FILED (checked again) or COMPLETE. */
    public void state(DelegateExecution execution, String state) {
        table.state(offeringId(execution), SubsequentOfferingState.valueOf(state));
    }

    /** The CSRC concluded (NOTICE_ISSUED or REFUSED), with the text it gives the company and its letter. */
    public void conclude(DelegateExecution execution, String outcome) {
        Object reasons = execution.getVariable(ProcessVariables.REASONS);
        Object letter = execution.getVariable(SubsequentOfferingVariables.LETTER_DOCUMENT_ID);
        table.conclude(offeringId(execution), SubsequentOfferingState.valueOf(outcome),
                reasons == null ? null : reasons.toString(), clock.instant(),
                letter instanceof Number id ? id.longValue() : null);
    }

    private static long offeringId(DelegateExecution execution) {
        Object id = execution.getVariable(SubsequentOfferingVariables.OFFERING_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
                    + " has no subsequent offering id");
        }
        return number.longValue();
    }
}
