package cn.ola.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.applicant.DocumentKind;
import cn.ola.applicant.Upload;
import cn.ola.audit.AuditTrail;
import cn.ola.filing.ApplicationNumber;
import cn.ola.workflow.Deadlines;

/**
 * Cases for the tests that race two requests against each other: drafts filed as the company
 * files them (through the portal's service, with the three required documents and no date of
 * the overseas application yet), and staff steps taken as the staff take them, so that each case
 * stands exactly where a race needs it. Many cases are prepared on a few threads at once.
 */
public final class RaceCases {

    public static final String COMPANY_USER = "compliance";
    public static final String PASSWORD = "demo";
    /** How many pairs each route races: 200, or fewer with -Dola.race.pairs=20 for a quick look. */
    public static final int PAIRS = Integer.getInteger("ola.race.pairs", 200);
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    /** The job executor prints the filing notice before a case waits for the listing report. */
    private static final Duration LETTERS = Duration.ofMinutes(5);
    private static final int SETUP_THREADS = 3;

    private final ApplicantCases cases;
    private final TaskService tasks;
    private final HistoryService history;
    private final AuditTrail audit;
    private final StaffTasks staff;

    public RaceCases(ApplicantCases cases, TaskService tasks, IdentityService identity, HistoryService history,
            AuditTrail audit) {
        this.cases = cases;
        this.tasks = tasks;
        this.history = history;
        this.audit = audit;
        this.staff = new StaffTasks(tasks, identity);
    }

    /** Complete drafts with their documents, ready to submit. */
    public List<Long> drafts(int count) {
        List<Callable<Long>> work = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            work.add(this::draft);
        }
        return inParallel(work);
    }

    /** Submitted cases, waiting for the CSRC's intake check. */
    public List<ApplicationNumber> submitted(int count) {
        return each(drafts(count), id -> cases.submit(COMPANY_USER, id).number());
    }

    /** The CSRC asks the company to correct its application: the case waits for the company's materials. */
    public List<ApplicationNumber> askForCorrections(List<ApplicationNumber> numbers) {
        return each(numbers, number -> {
            staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_IntakeCheck",
                    Map.of("intakeOutcome", "CORRECTIONS_NEEDED", "reasons", "Please add the signed legal opinion."));
            return number;
        });
    }

    /** Intake complete and the PI self-assessment accepted: the case waits for the date of the overseas application. */
    public List<ApplicationNumber> passChecks(List<ApplicationNumber> numbers) {
        return each(numbers, number -> {
            staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
            staff.completeAs("cro", "cro-reviewer", number.toString(), "Task_ReviewPiSelfAssessment",
                    Map.of("selfAssessmentOutcome", "ACCEPTED"));
            return number;
        });
    }

    /** The filing is complete and the notice issued: once the letter is printed, the case waits for the listing report. */
    public List<ApplicationNumber> issueFilingNotice(List<ApplicationNumber> numbers) {
        List<ApplicationNumber> issued = each(numbers, number -> {
            staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_CompletenessCheck",
                    Map.of("completenessOutcome", "COMPLETE"));
            staff.completeAs("csrc", "csrc-officer", number.toString(), "Task_ConcludeFiling",
                    Map.of("filingOutcome", "NOTICE_ISSUED"));
            return number;
        });
        await().atMost(LETTERS).pollInterval(Duration.ofSeconds(1))
                .until(() -> issued.stream().allMatch(n -> openTasks(n, "Task_ReportListing") == 1));
        return issued;
    }

    /** The one open task of that kind in the case. */
    public Task openTask(ApplicationNumber number, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).taskDefinitionKey(taskKey).singleResult();
    }

    public long openTasks(ApplicationNumber number, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).taskDefinitionKey(taskKey).count();
    }

    /** How often a task of that kind was completed (or ended otherwise) in the case. */
    public long endedTasks(ApplicationNumber number, String taskKey) {
        return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number.toString())
                .taskDefinitionKey(taskKey).finished().count();
    }

    /** How often the case's main process passed that element (an end event, say). */
    public long passed(ApplicationNumber number, String activityId) {
        String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number.toString())
                .processDefinitionKey("overseas-listing").singleResult().getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activityId).count();
    }

    /** How many cases (main processes) were started for the number. */
    public long started(ApplicationNumber number) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number.toString())
                .processDefinitionKey("overseas-listing").count();
    }

    public long auditEntries(long applicationId, String eventType) {
        return audit.of(applicationId).stream().filter(e -> eventType.equals(e.eventType())).count();
    }

    public long auditEntries(long applicationId, String eventType, String stage) {
        return audit.of(applicationId).stream().filter(e -> eventType.equals(e.eventType()) && stage.equals(e.stage())).count();
    }

    public long applicationId(ApplicationNumber number) {
        return cases.application(COMPANY_USER, number).id();
    }

    private long draft() {
        LocalDate today = LocalDate.now(Deadlines.BEIJING);
        var facts = PlatformFacts.platform().asOf(today).issuer("Example Data Holdings Ltd. (Cayman Islands)")
                .appliedAbroadOn(null).users(800_000L).exported(5_000L).build();
        long id = cases.createDraft(COMPANY_USER, new ApplicationDraft(facts, List.of())).id();
        cases.upload(COMPANY_USER, id, DocumentKind.FILING_REPORT, new Upload("filing-report.pdf", PDF));
        cases.upload(COMPANY_USER, id, DocumentKind.PRC_LEGAL_OPINION, new Upload("legal-opinion.pdf", PDF));
        cases.upload(COMPANY_USER, id, DocumentKind.PROSPECTUS, new Upload("prospectus.pdf", PDF));
        return id;
    }

    private static <T, R> List<R> each(List<T> items, Function<T, R> step) {
        return inParallel(items.stream().<Callable<R>>map(item -> () -> step.apply(item)).toList());
    }

    private static <R> List<R> inParallel(List<Callable<R>> work) {
        ExecutorService threads = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<R> results = new ArrayList<>();
            for (Future<R> done : threads.invokeAll(work)) {
                results.add(done.get());
            }
            return results;
        } catch (ExecutionException failed) {
            throw new IllegalStateException("Preparing the cases failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } finally {
            threads.shutdownNow();
        }
    }
}
