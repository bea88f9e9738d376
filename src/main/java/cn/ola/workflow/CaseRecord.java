package cn.ola.workflow;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.ola.audit.AuditEventType;
import cn.ola.audit.AuditTrail;
import cn.ola.filing.CaseProgress;
import cn.ola.filing.CaseStatus;
import cn.ola.filing.Stage;
import cn.ola.filing.Stages;

/**
 * Keeps our application record and its audit trail in step with the process. The models call
 * it from execution listeners: {@code ${caseRecord.stage(execution, 'CYBERSECURITY_REVIEW')}}.
 * The case is found by the process business key, which is the application number in every
 * process of a case (call activities pass it on). The application's rows are kept by
 * {@link CaseProgress}; this class says what happened in the process.
 */
@Component("caseRecord")
public class CaseRecord {

    static final String ENGINE = "system";

    private final CaseProgress progress;
    private final AuditTrail audit;
    private final IdentityService identity;

    CaseRecord(CaseProgress progress, AuditTrail audit, IdentityService identity) {
        this.progress = progress;
        this.audit = audit;
        this.identity = identity;
    }

    /**
     * The case enters a stage (INTAKE_CHECK, CYBERSECURITY_REVIEW, CSRC_FILING, …): it leaves the
     * stage before, unless both are checks that run side by side ({@link Stages}).
     */
    public void stage(DelegateExecution execution, String stage) {
        requireKnown(stage);
        Long id = applicationId(execution);
        progress.changeStages(id, current -> Stages.entered(current, stage));
        audit.record(id, actor(), AuditEventType.STAGE_ENTERED, stage, null, null);
    }

    /** A stage that runs side by side with others ended: completed, or cancelled with its process. */
    public void stageEnded(DelegateExecution execution, String stage) {
        requireKnown(stage);
        Long id = applicationId(execution);
        progress.changeStages(id, current -> Stages.ended(current, stage));
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

    /** A non-final status change of the case ({@link CaseStatus}: SUBMITTED, FILED); an unknown status fails the step. */
    public void status(DelegateExecution execution, String status) {
        Long id = applicationId(execution);
        progress.changeStatus(id, CaseStatus.valueOf(status));
        audit.record(id, actor(), AuditEventType.STATUS_CHANGED, null, status, null);
    }

    /** The case ends with a final status ({@link CaseStatus#finals()}); any other fails the step. */
    public void close(DelegateExecution execution, String status) {
        Long id = applicationId(execution);
        progress.close(id, CaseStatus.valueOf(status));
        audit.record(id, actor(), AuditEventType.CLOSED, null, status, null);
    }

    /** A regulator-side deadline passed: the case is marked overdue and a supervisor is asked to follow up. */
    public void overdue(DelegateExecution execution, String clockName) {
        progress.markOverdue(applicationId(execution));
        deadlinePassed(execution, clockName);
    }

    /** A regulator-side deadline passed, recorded in the case's audit trail only (the case is not marked). */
    public void deadlinePassed(DelegateExecution execution, String clockName) {
        audit.record(applicationId(execution), ENGINE, AuditEventType.DEADLINE_PASSED, clockName, "OVERDUE", null);
    }

    /**
     * Sets a running case's stages inside the regulatory checks right from the checks whose processes
     * run now (see {@link CaseStagesRepair}); true when they changed.
     */
    boolean correctChecks(long id, Set<String> checksUnderWay) {
        Set<String> current = progress.stagesOf(id);
        if (Stages.withChecksUnderWay(current, checksUnderWay).equals(current)) {
            return false;
        }
        progress.changeStages(id, locked -> Stages.withChecksUnderWay(locked, checksUnderWay));
        return true;
    }

    /** A stage the models name that we do not know would reach the pages as a code: the step fails instead. */
    private static void requireKnown(String stage) {
        if (Stage.of(stage).isEmpty()) {
            throw new IllegalArgumentException("No stage " + stage + " (cn.ola.filing.Stage)");
        }
    }

    private Long applicationId(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        return progress.idOf(number)
                .orElseThrow(() -> new IllegalStateException("No application " + number + " for process instance "
                        + execution.getProcessInstanceId()));
    }

    private String actor() {
        Authentication current = identity.getCurrentAuthentication();
        return current == null ? ENGINE : current.getUserId();
    }
}
