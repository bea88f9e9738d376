package cn.ola.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Stands in for the {@code issueLetterDelegate} bean in the process tests: it notes which letter
 * each letter task asked for, or fails the way a broken letter generation would. The letter
 * tasks are asynchronous, so a test runs their jobs with {@link #issuePending(ProcessEngine)}.
 */
final class RecordingLetterDelegate implements JavaDelegate {

    static final String BEAN = "issueLetterDelegate";

    /** One letter task that ran: where, which letter and (for a review conclusion) which conclusion. */
    record Issued(String activityId, String letterKind, String conclusion) {
    }

    private final List<Issued> issued = new ArrayList<>();
    private RuntimeException failure;

    @Override
    public void execute(DelegateExecution execution) {
        if (failure != null) {
            throw failure;
        }
        issued.add(new Issued(execution.getCurrentActivityId(), (String) execution.getVariable("letterKind"),
                (String) execution.getVariable("conclusion")));
    }

    List<Issued> issued() {
        return List.copyOf(issued);
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    void repair() {
        this.failure = null;
    }

    /**
     * Runs the letter jobs that are due, and the ones they lead to (a prohibition's conclusion
     * leads to the case's refusal letter), as the job executor would.
     */
    static void issuePending(ProcessEngine engine) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().messages().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("Letter jobs keep coming");
    }

    /** The pending job of one letter task. */
    static Job job(ProcessEngine engine, String activityId) {
        return engine.getManagementService().createJobQuery().messages().activityId(activityId).singleResult();
    }
}
