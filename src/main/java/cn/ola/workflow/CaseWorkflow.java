package cn.ola.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.ola.audit.AuditEventType;
import cn.ola.audit.AuditTrail;
import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.CaseStatus;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;

/**
 * The one door between the portal (and API) and the process engine: it starts a case when an
 * application is submitted and passes on what the company does next. Every method either does
 * its work once or says clearly why the case is not waiting for it.
 */
@Service
public class CaseWorkflow {

    public static final String PROCESS_KEY = CaseModel.OVERSEAS_LISTING.key();
    public static final String WITHDRAWAL_MESSAGE = "ApplicationWithdrawn";
    static final String SUPPLY_MATERIALS_TASK = ApplicantAction.SUPPLY_MATERIALS.taskKey();
    static final String REPORT_OVERSEAS_SUBMISSION_TASK = ApplicantAction.REPORT_OVERSEAS_SUBMISSION.taskKey();
    static final String REPORT_LISTING_TASK = ApplicantAction.REPORT_LISTING.taskKey();

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ListingApplications applications;
    private final Companies companies;
    private final AuditTrail audit;
    private final Deadlines deadlines;
    private final IdentityService identity;
    private final TransactionTemplate transaction;

    CaseWorkflow(RuntimeService runtime, TaskService tasks, ListingApplications applications, Companies companies,
            AuditTrail audit, Deadlines deadlines, IdentityService identity, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.applications = applications;
        this.companies = companies;
        this.audit = audit;
        this.deadlines = deadlines;
        this.identity = identity;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Submits a draft: gives it its number and starts the case. A second submission changes nothing.
     * The number is taken first, in a transaction of its own (see {@link ListingApplications#nextNumber()}),
     * and only then the transaction that marks the draft submitted and starts the case begins: so
     * concurrent submissions do not queue on the number counter, and a submission holds one
     * database connection at a time. Only a draft is marked submitted, so of two clicks racing
     * each other one starts the case and the other is told it was submitted already.
     */
    public ApplicationNumber submit(long applicationId, String actor) {
        ListingApplication application = applications.find(applicationId)
                .orElseThrow(() -> new ApplicationNotFoundException("with id " + applicationId));
        if (application.submitted()) {
            throw new AlreadySubmittedException(application.number());
        }
        Company company = companies.findById(application.companyId()).orElseThrow();
        ApplicationNumber number = applications.nextNumber();
        return transaction.execute(status -> {
            if (!applications.markSubmitted(applicationId, number)) {
                // Submitted meanwhile (a double click), or deleted meanwhile: then it is not found. Read under
                // the row's lock, so that a submission still starting its case is waited for, with its number.
                ApplicationNumber taken = applications.findForUpdate(applicationId)
                        .orElseThrow(() -> new ApplicationNotFoundException("with id " + applicationId)).number();
                if (taken == null) {
                    throw new CaseChangedMeanwhileException("Application " + applicationId + " changed at the same moment "
                            + "as this submission; nothing was submitted. Reload it and submit again.");
                }
                throw new AlreadySubmittedException(taken);
            }
            // Read again under the row lock the update took: the facts as submitted, not as first read.
            ListingApplication submitted = applications.find(applicationId).orElseThrow();
            audit.record(applicationId, actor, AuditEventType.SUBMITTED, null, CaseStatus.SUBMITTED.name(), null);
            Map<String, Object> variables = CaseVariables.of(number, company, submitted.facts(), deadlines.today());
            ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, number.toString(), variables);
            applications.linkProcessInstance(applicationId, instance.getId());
            return number;
        });
    }

    /**
     * The company withdraws: every open task and sub-process of the case ends. The message goes to
     * the case's main process only, and finding no one waiting for it is an answer, not an error:
     * the case has ended (or was withdrawn a moment ago).
     */
    @Transactional
    public void withdraw(ApplicationNumber number, String actor, String reason) {
        inTurn(number, "the withdrawal", application -> {
            ProcessInstance main = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .processInstanceBusinessKey(number.toString()).singleResult();
            boolean withdrawn = main != null && !runtime.createMessageCorrelation(WITHDRAWAL_MESSAGE)
                    .processInstanceId(main.getId()).correlateAllWithResult().isEmpty();
            if (!withdrawn) {
                throw new CaseNotWaitingException("Application " + number + " cannot be withdrawn: it has already ended ("
                        + application.status() + ").");
            }
            audit.record(application.id(), actor, AuditEventType.WITHDRAWAL_REQUESTED, null, null, reason);
        });
    }

    /** The company answers a request for materials (the only one open, or the one named by its task id). */
    @Transactional
    public void supplyMaterials(ApplicationNumber number, String answer, String actor) {
        supplyMaterials(number, null, answer, actor);
    }

    /**
     * The company answers one request for materials. Several may be open at once (the review
     * office and the CSRC ask in parallel), so the caller names the request by its task id.
     */
    @Transactional
    public void supplyMaterials(ApplicationNumber number, String taskId, String answer, String actor) {
        inTurn(number, "your answer", application -> {
            complete(number, SUPPLY_MATERIALS_TASK, taskId, Map.of(ProcessVariables.MATERIALS_ANSWER, answer),
                    "Application " + number + " is not waiting for these materials: the request was answered already, "
                            + "its deadline has passed, or the case has moved on.");
            audit.record(application.id(), actor, AuditEventType.MATERIALS_SUPPLIED, null, null, answer);
        });
    }

    /**
     * What the case waits for now, in every process of the case: the applicant's own steps
     * (with the request text where staff asked for materials) and the regulators' steps, each
     * with its due date. Read without authorization checks: callers show a case only to those
     * allowed to see it.
     */
    public List<OpenStep> openSteps(ApplicationNumber number) {
        List<OpenStep> steps = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(number.toString())
                .orderByTaskCreateTime().asc().list()) {
            steps.add(openStep(task));
        }
        return steps;
    }

    /**
     * The requests for materials the case waits for now, read whoever is signed in to the engine
     * (a reviewer who just asked for materials may not see the company's task).
     */
    public List<OpenStep> materialsRequests(ApplicationNumber number) {
        return withoutEngineUser(() -> tasks.createTaskQuery().processInstanceBusinessKey(number.toString())
                .taskDefinitionKey(SUPPLY_MATERIALS_TASK).orderByTaskCreateTime().asc().list()
                .stream().map(this::openStep).toList());
    }

    /**
     * The applicant's open steps, in every case, whose due date lies at most {@code workingDays}
     * working days ahead (and has not passed), for reminders.
     */
    public List<DueStep> applicantStepsDueWithin(int workingDays) {
        Date limit = new Date(deadlines.workingDaysFromNow(workingDays).getTime() + 1);
        List<String> keys = Arrays.stream(ApplicantAction.values()).map(ApplicantAction::taskKey).toList();
        return withoutEngineUser(() -> {
            List<DueStep> due = new ArrayList<>();
            for (Task task : tasks.createTaskQuery().taskDefinitionKeyIn(keys.toArray(String[]::new)).dueBefore(limit)
                    .orderByDueDate().asc().list()) {
                OpenStep step = openStep(task);
                if (step.workingDaysLeft() == null || step.workingDaysLeft() < 0) {
                    continue;
                }
                ProcessInstance instance = runtime.createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId()).singleResult();
                if (instance != null && instance.getBusinessKey() != null) {
                    due.add(new DueStep(ApplicationNumber.parse(instance.getBusinessKey()), step));
                }
            }
            return due;
        });
    }

    private <T> T withoutEngineUser(Supplier<T> read) {
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    private OpenStep openStep(Task task) {
        ApplicantAction action = ApplicantAction.ofTask(task.getTaskDefinitionKey());
        String request = null;
        String requestedBy = null;
        if (action == ApplicantAction.SUPPLY_MATERIALS) {
            Map<String, Object> asked = visibleVariables(task, ProcessVariables.MATERIALS_REQUEST, ProcessVariables.REQUESTED_BY);
            Object text = asked.get(ProcessVariables.MATERIALS_REQUEST);
            Object by = asked.get(ProcessVariables.REQUESTED_BY);
            request = text == null ? null : text.toString();
            requestedBy = by == null ? null : by.toString();
        }
        return new OpenStep(task.getId(), task.getTaskDefinitionKey(), CaseTaskNames.step(task.getName()), action,
                task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getDueDate() == null ? null : deadlines.workingDaysLeft(task.getDueDate()), request, requestedBy);
    }

    /**
     * The task's variables of these names, the task's own scope before its process's. Read by a
     * query rather than {@code getVariable}: a case that moves on while its page is read (the
     * request answered in another window a moment ago) then yields nothing instead of a failed
     * engine command that the engine would log as an error.
     */
    private Map<String, Object> visibleVariables(Task task, String... names) {
        Map<String, Object> found = new HashMap<>();
        for (VariableInstance variable : runtime.createVariableInstanceQuery().processInstanceIdIn(task.getProcessInstanceId())
                .variableNameIn(names).list()) {
            boolean own = task.getExecutionId().equals(variable.getExecutionId());
            boolean processWide = task.getProcessInstanceId().equals(variable.getExecutionId());
            if (own || processWide && !found.containsKey(variable.getName())) {
                found.put(variable.getName(), variable.getValue());
            }
        }
        return found;
    }

    /** The company reports the day it submitted its overseas listing application. */
    @Transactional
    public void reportOverseasSubmission(ApplicationNumber number, LocalDate submittedOn, String actor) {
        inTurn(number, "your report", application -> {
            complete(number, REPORT_OVERSEAS_SUBMISSION_TASK, null,
                    Map.of(ProcessVariables.OVERSEAS_SUBMISSION_DATE, submittedOn.toString()),
                    "Application " + number + " is not waiting for the date of the overseas application.");
            audit.record(application.id(), actor, AuditEventType.OVERSEAS_SUBMISSION_REPORTED, null, submittedOn.toString(), null);
        });
    }

    /** The company reports that the listing took place. */
    @Transactional
    public void reportListing(ApplicationNumber number, LocalDate listedOn, String actor) {
        inTurn(number, "your report", application -> {
            complete(number, REPORT_LISTING_TASK, null, Map.of(ProcessVariables.LISTING_DATE, listedOn.toString()),
                    "Application " + number + " is not waiting for a listing report: no filing notice is open for it.");
            audit.record(application.id(), actor, AuditEventType.LISTING_REPORTED, null, listedOn.toString(), null);
        });
    }

    /**
     * The company confirms that it complies with the interim measures of an ex-officio review, with
     * what it did (its statement goes to the review office).
     */
    @Transactional
    public void confirmCompliance(ApplicationNumber number, String statement, String actor) {
        inTurn(number, "your confirmation", application -> {
            complete(number, ApplicantAction.CONFIRM_COMPLIANCE.taskKey(), null,
                    Map.of(ProcessVariables.COMPLIANCE_STATEMENT, statement),
                    "Application " + number + " is not waiting for a confirmation of compliance with interim measures.");
            audit.record(application.id(), actor, AuditEventType.INTERIM_MEASURES_CONFIRMED, ExOfficioReviews.STEP, null,
                    statement);
        });
    }

    /**
     * Runs a company action on its case, one at a time per case: the case's row stays locked until
     * the action's transaction ends, so a second click waits for the first and then finds the step
     * done. What may still collide with it (a regulator's step, a deadline job on another node)
     * surfaces as the engine's optimistic locking or the database's lock and deadlock refusals:
     * the action is undone and the company told the case changed at the same moment.
     */
    private void inTurn(ApplicationNumber number, String what, Consumer<ListingApplication> action) {
        try {
            action.accept(applications.findForUpdate(number)
                    .orElseThrow(() -> new ApplicationNotFoundException(number.toString())));
        } catch (OptimisticLockingException | ConcurrencyFailureException collided) {
            throw new CaseChangedMeanwhileException("Application " + number + " changed at the same moment as " + what
                    + " (a regulator's step, a deadline or a colleague's action), so nothing was changed. Look at the "
                    + "case and try again if it still waits for you.");
        }
    }

    private void complete(ApplicationNumber number, String taskKey, String taskId, Map<String, Object> variables,
            String notWaiting) {
        var query = tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).taskDefinitionKey(taskKey);
        if (taskId != null) {
            query = query.taskId(taskId);
        }
        List<Task> open = query.orderByTaskCreateTime().asc().list();
        if (open.isEmpty()) {
            throw new CaseNotWaitingException(notWaiting);
        }
        Task task = open.get(0);
        try {
            tasks.complete(task.getId(), variables);
        } catch (ProcessEngineException failed) {
            // Completed or ended meanwhile (a deadline, a regulator): the step is done, whatever the failure said.
            if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
                throw new CaseNotWaitingException(notWaiting);
            }
            throw failed;
        }
    }
}
