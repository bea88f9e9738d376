package cn.ola.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ola.audit.AuditEventType;
import cn.ola.audit.AuditTrail;
import cn.ola.filing.Stages;

/**
 * Keeps our application record and its audit trail in step with the process. The models call
 * it from execution listeners: {@code ${caseRecord.stage(execution, 'CYBERSECURITY_REVIEW')}}.
 * The case is found by the process business key, which is the application number in every
 * process of a case (call activities pass it on).
 */
@Component("caseRecord")
public class CaseRecord {

    static final String ENGINE = "system";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final IdentityService identity;
    private final Clock clock;

    CaseRecord(JdbcClient jdbc, AuditTrail audit, IdentityService identity, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * The case enters a stage (INTAKE_CHECK, CYBERSECURITY_REVIEW, CSRC_FILING, …): it leaves the
     * stage before, unless both are checks that run side by side ({@link Stages}).
     */
    public void stage(DelegateExecution execution, String stage) {
        Long id = applicationId(execution);
        changeStages(id, current -> Stages.entered(current, stage));
        audit.record(id, actor(), AuditEventType.STAGE_ENTERED, stage, null, null);
    }

    /** A stage that runs side by side with others ended: completed, or cancelled with its process. */
    public void stageEnded(DelegateExecution execution, String stage) {
        Long id = applicationId(execution);
        changeStages(id, current -> Stages.ended(current, stage));
    }

    /** A step ended with an outcome (a decision, a screening result, a flag); the reasons variable, if set, goes with it. */
    public void outcome(DelegateExecution execution, String step, String outcome) {
        Object reasons = execution.getVariable(ProcessVariables.REASONS);
        audit.record(applicationId(execution), actor(), AuditEventType.OUTCOME, step, outcome,
                reasons == null ? null : reasons.toString());
    }

    /**
     * A step ended with an outcome and a text of its own (what was decided, in words), not the reasons
     * variable: so that recording it leaves the reasons a later letter reads untouched.
     */
    public void outcomeWithText(DelegateExecution execution, String step, String outcome, String text) {
        audit.record(applicationId(execution), actor(), AuditEventType.OUTCOME, step, outcome, text);
    }

    /** The screening decisions were taken: one audit entry per decision, with its result and reason. */
    public void screening(DelegateExecution execution) {
        Long id = applicationId(execution);
        for (ScreeningDecision decision : ScreeningDecision.values()) {
            Object result = execution.getVariable(decision.resultVariable());
            Object reason = execution.getVariable(decision.reasonVariable());
            audit.record(id, ENGINE, AuditEventType.SCREENING, decision.decisionKey(), result == null ? "NONE" : result.toString(),
                    reason == null ? null : reason.toString());
        }
    }

    /** A non-final status change of the case (SUBMITTED, IN_REVIEW, FILED, …). */
    public void status(DelegateExecution execution, String status) {
        Long id = applicationId(execution);
        update(id, "UPDATE applications SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?", status);
        audit.record(id, actor(), AuditEventType.STATUS_CHANGED, null, status, null);
    }

    /** The case ends with a final status (LISTED, REJECTED, WITHDRAWN, TERMINATED, EXPIRED). */
    public void close(DelegateExecution execution, String status) {
        Long id = applicationId(execution);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE applications SET status = ?, closed_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(status, now, now, id).update();
        jdbc.sql("DELETE FROM case_stages WHERE application_id = ?").param(id).update();
        audit.record(id, actor(), AuditEventType.CLOSED, null, status, null);
    }

    /** A regulator-side deadline passed: the case is marked overdue and a supervisor is asked to follow up. */
    public void overdue(DelegateExecution execution, String clockName) {
        Long id = applicationId(execution);
        update(id, "UPDATE applications SET overdue = TRUE, updated_at = ?, version = version + 1 WHERE id = ?", null);
        audit.record(id, ENGINE, AuditEventType.DEADLINE_PASSED, clockName, "OVERDUE", null);
    }

    /**
     * Sets a running case's stages inside the regulatory checks right from the checks whose processes
     * run now (see {@link CaseStagesRepair}); true when they changed.
     */
    boolean correctChecks(long id, Set<String> checksUnderWay) {
        Set<String> current = currentStages(id);
        if (Stages.withChecksUnderWay(current, checksUnderWay).equals(current)) {
            return false;
        }
        changeStages(id, locked -> Stages.withChecksUnderWay(locked, checksUnderWay));
        return true;
    }

    /** The application row is updated first: its lock keeps two changes of the same case's stages apart. */
    private void changeStages(Long id, UnaryOperator<Set<String>> change) {
        update(id, "UPDATE applications SET updated_at = ?, version = version + 1 WHERE id = ?", null);
        Set<String> current = currentStages(id);
        Set<String> next = change.apply(current);
        Timestamp now = Timestamp.from(clock.instant());
        for (String left : current) {
            if (!next.contains(left)) {
                jdbc.sql("DELETE FROM case_stages WHERE application_id = ? AND stage = ?").params(id, left).update();
            }
        }
        for (String entered : next) {
            if (!current.contains(entered)) {
                jdbc.sql("INSERT INTO case_stages (application_id, stage, entered_at) VALUES (?, ?, ?)")
                        .params(id, entered, now).update();
            }
        }
    }

    private Set<String> currentStages(Long id) {
        return Set.copyOf(jdbc.sql("SELECT stage FROM case_stages WHERE application_id = ?").param(id)
                .query(String.class).list());
    }

    private void update(Long id, String sql, String value) {
        Timestamp now = Timestamp.from(clock.instant());
        var statement = jdbc.sql(sql);
        if (value != null) {
            statement = statement.param(value);
        }
        statement.param(now).param(id).update();
    }

    private Long applicationId(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        return jdbc.sql("SELECT id FROM applications WHERE application_number = ?").param(number)
                .query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("No application " + number + " for process instance "
                        + execution.getProcessInstanceId()));
    }

    private String actor() {
        Authentication current = identity.getCurrentAuthentication();
        return current == null ? ENGINE : current.getUserId();
    }
}
