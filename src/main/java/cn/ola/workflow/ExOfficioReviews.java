package cn.ola.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ola.audit.AuditEventType;
import cn.ola.audit.AuditTrail;
import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.CaseStatus;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;

/**
 * The review office opens a cybersecurity review of a company on its own initiative
 * ({@code ex-officio-review}), from the staff case view. The review runs beside the case under the
 * case's number: it is recorded in the case's audit trail and never changes the case's status or stage.
 */
@Service
public class ExOfficioReviews {

    public static final String PROCESS_KEY = CaseModel.EX_OFFICIO_REVIEW.key();
    /** The step under which the audit trail records the review's opening and conclusion. */
    public static final String STEP = "EX_OFFICIO_REVIEW";
    public static final String OPENED = "OPENED";
    /** The longest grounds kept: the audit trail's text column. */
    public static final int MAX_GROUNDS = AuditTrail.MAX_DETAILS;

    /**
     * The cases the office may review ex officio: listed, or with a listing still under way (an
     * application being checked, or filed and not yet listed). Not a draft, which is no case yet; not a
     * case that ended without a listing (rejected, withdrawn, terminated, expired), whose company is not
     * listing abroad on it: the Measures' review of a listing has nothing left to act on there.
     */
    static final Set<CaseStatus> REVIEWABLE = Set.of(CaseStatus.SUBMITTED, CaseStatus.FILED, CaseStatus.LISTED);

    /** What the member agencies' forms show of the case: its filing and what the screening made of it. */
    public static final List<String> CASE_FACTS = List.of(ProcessVariables.VENUE_EXCHANGE, ProcessVariables.VENUE_EXCHANGE + StaffFormTexts.TEXT_SUFFIX,
            ProcessVariables.VENUE_REGION, ProcessVariables.PERSONAL_INFO_USERS, ProcessVariables.NETWORK_PLATFORM_OPERATOR,
            ProcessVariables.CIIO, ProcessVariables.CYBERSECURITY_REVIEW,
            ProcessVariables.CYBERSECURITY_REVIEW + ProcessVariables.REASON_SUFFIX + StaffFormTexts.TEXT_SUFFIX);

    private final RuntimeService runtime;
    private final HistoryService history;
    private final ListingApplications applications;
    private final Companies companies;
    private final AuditTrail audit;

    ExOfficioReviews(RuntimeService runtime, HistoryService history, ListingApplications applications, Companies companies,
            AuditTrail audit) {
        this.runtime = runtime;
        this.history = history;
        this.applications = applications;
        this.companies = companies;
        this.audit = audit;
    }

    /** Why a review cannot be opened. */
    public static class CannotOpenException extends RuntimeException {
        private final String reason;

        CannotOpenException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** ALREADY_OPEN or NOT_REVIEWABLE. */
        public String reason() {
            return reason;
        }
    }

    /** Whether the office may open a review of this case now (its status allows it and none is open). */
    public boolean mayOpen(ListingApplication application) {
        return reviewable(application) && !open(application.number());
    }

    /** How many ex-officio reviews are open, for the supervisors' dashboard. */
    public long openCount() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
    }

    /** Whether an ex-officio review of the case is running. */
    public boolean open(ApplicationNumber number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(number.toString()).count() > 0;
    }

    /**
     * Opens the review with the office's grounds. The case's row stays locked until the transaction
     * ends, so of two clicks the second waits and then finds the review open.
     */
    @Transactional
    public void open(ApplicationNumber number, String grounds, String actor) {
        ListingApplication application = applications.findForUpdate(number)
                .orElseThrow(() -> new ApplicationNotFoundException(number.toString()));
        if (!reviewable(application)) {
            throw new CannotOpenException("NOT_REVIEWABLE", "Application " + number + " is " + application.status()
                    + ": an ex-officio review needs a case that is listed or under way.");
        }
        if (open(number)) {
            throw new CannotOpenException("ALREADY_OPEN", "An ex-officio review of application " + number + " is open already.");
        }
        Company company = companies.findById(application.companyId()).orElseThrow();
        Map<String, Object> variables = new HashMap<>(caseFacts(application));
        variables.put(ProcessVariables.APPLICATION_NUMBER, number.toString());
        variables.put(ProcessVariables.COMPANY_GROUP, company.groupId());
        variables.put(ProcessVariables.COMPANY_NAME, company.nameZh());
        variables.put(ProcessVariables.EX_OFFICIO_GROUNDS, grounds);
        audit.record(application.id(), actor, AuditEventType.OUTCOME, STEP, OPENED, grounds);
        runtime.startProcessInstanceByKey(PROCESS_KEY, number.toString(), variables);
    }

    private static boolean reviewable(ListingApplication application) {
        return application.submitted() && CaseStatus.of(application.status()).filter(REVIEWABLE::contains).isPresent();
    }

    /**
     * What the forms show of the case (ended or running): what its screening made of the filing and any value
     * changed since it started, from the case's own history, and the rest as filed, as the case keeps it
     * ({@link CaseVariables#filedFacts}: the history does not repeat a case's start values).
     */
    private Map<String, Object> caseFacts(ListingApplication application) {
        Map<String, Object> facts = new HashMap<>();
        List<HistoricProcessInstance> main = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CaseWorkflow.PROCESS_KEY).processInstanceBusinessKey(application.number().toString()).list();
        if (!main.isEmpty()) {
            for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                    .processInstanceId(main.get(0).getId()).variableNameIn(CASE_FACTS.toArray(String[]::new)).list()) {
                if (variable.getValue() != null) {
                    facts.putIfAbsent(variable.getName(), variable.getValue());
                }
            }
        }
        CaseVariables.filedFacts(application.facts()).forEach((name, value) -> {
            if (value != null && CASE_FACTS.contains(name)) {
                facts.putIfAbsent(name, value);
            }
        });
        return facts;
    }
}
