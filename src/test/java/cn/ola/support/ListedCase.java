package cn.ola.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplication;
import cn.ola.workflow.ApplicantAction;
import cn.ola.workflow.Deadlines;

/**
 * Files a case of a mid-sized platform (no cybersecurity review, no export evidence) as a company
 * user and carries it to LISTED on the running system: the CSRC's intake, the review office's
 * self-assessment check, the filing notice (printed by a job) and the company's listing report.
 */
public final class ListedCase {

    /** How long the job executor may take to print the filing notice; the first letter in a fresh JVM takes seconds. */
    static final Duration LETTER_JOB = Duration.ofSeconds(90);

    private ListedCase() {
    }

    public static ListingApplication of(ApplicantCases cases, TaskService tasks, IdentityService identity, String user) {
        var facts = PlatformFacts.platform().issuer("Example Listed Holdings Ltd. (Cayman)").users(400_000L)
                .exported(50_000L).build();
        long id = DraftDocuments.uploadEveryNeeded(cases, user, cases.createDraft(user, new ApplicationDraft(facts, List.of())).id());
        ApplicationNumber number = cases.submit(user, id).number();
        StaffTasks staff = new StaffTasks(tasks, identity);
        staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        staff.completeAs("cro", "cro-reviewer", number.toString(), "Task_ReviewPiSelfAssessment",
                Map.of("selfAssessmentOutcome", "ACCEPTED"));
        staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_CompletenessCheck",
                Map.of("completenessOutcome", "COMPLETE"));
        staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_ConcludeFiling", Map.of("filingOutcome", "NOTICE_ISSUED"));
        await().atMost(LETTER_JOB).pollInterval(Duration.ofMillis(500)).until(() -> cases.overview(user, number).actions()
                .stream().anyMatch(step -> step.action() == ApplicantAction.REPORT_LISTING));
        cases.reportListing(user, number, LocalDate.now(Deadlines.BEIJING));
        return cases.application(user, number);
    }
}
