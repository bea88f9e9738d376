package cn.ola.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.ola.applicant.ApplicantCases;
import cn.ola.company.Companies;
import cn.ola.events.MaterialEventKind;
import cn.ola.events.MaterialEvents;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.BusinessFacts;
import cn.ola.filing.DataFacts;
import cn.ola.filing.Declarations;
import cn.ola.filing.ListingApplications;
import cn.ola.filing.ListingFacts;
import cn.ola.ops.StartupLock;
import cn.ola.security.Roles;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.ExOfficioReviews;
import cn.ola.workflow.InterimMeasures;
import cn.ola.workflow.ProcessVariables;

/**
 * Development only ({@code ola.demo.after-listing}, on in the {@code dev} profile): the demo company's
 * listed case, so that a newcomer sees what happens after the listing at once — a ride-hailing platform
 * listed on the NYSE that has reported a material event (an inquiry of the U.S. SEC, in time) and that
 * the review office reviews on its own initiative, with interim measures in force. The event waits for
 * the CSRC's acknowledgement, the review for the office, and the company for its confirmation of the
 * measures.
 * <p>
 * The case is carried there through the services as the demo users would: the company files, the staff
 * complete their tasks as themselves (with the engine's authorizations), the filing notice is printed by
 * running its job here rather than waiting for the job executor (which starts only once the application
 * is ready). It all happens in one start-up turn, one transaction: another node sees the whole case or
 * none of it (so none runs the letter's job), a failure leaves nothing half made, and the next start
 * tries again. A case of the demo company with this issuer already there (a restart, a second node) is
 * not filed again.
 */
@Component
@Order(11)
@ConditionalOnProperty(prefix = "ola.demo", name = {"enabled", "after-listing"}, havingValue = "true")
class DemoListedCase implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoListedCase.class);

    static final String ISSUER = "Example Mobility Holdings Ltd. (Cayman Islands)";
    static final String COMPANY_USER = "compliance";
    static final String CSRC_USER = "csrc";
    static final String REVIEW_OFFICE_USER = "cro";
    static final String MATERIAL_EVENT = "The U.S. Securities and Exchange Commission has opened an inquiry into the "
            + "disclosure of PRC regulatory risks in the prospectus of our NYSE listing; we announced it today and "
            + "cooperate with the inquiry.";
    static final String GROUNDS = "The platform holds the trip and location records of 950,000 riders and drivers, "
            + "including trips near government and military sites; now that it is listed abroad, such data may be "
            + "accessed or used from abroad (Measures for Cybersecurity Review, Art. 16).";

    private final Companies companies;
    private final ListingApplications applications;
    private final CaseWorkflow workflow;
    private final ApplicantCases cases;
    private final MaterialEvents materialEvents;
    private final ExOfficioReviews reviews;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;
    private final Deadlines deadlines;
    private final StartupLock startupLock;

    DemoListedCase(Companies companies, ListingApplications applications, CaseWorkflow workflow, ApplicantCases cases,
            MaterialEvents materialEvents, ExOfficioReviews reviews, TaskService tasks, RuntimeService runtime,
            ManagementService management, IdentityService identity, Deadlines deadlines, StartupLock startupLock) {
        this.companies = companies;
        this.applications = applications;
        this.workflow = workflow;
        this.cases = cases;
        this.materialEvents = materialEvents;
        this.reviews = reviews;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
        this.deadlines = deadlines;
        this.startupLock = startupLock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            startupLock.inTurn(this::fileListedCase);
        } catch (RuntimeException failed) {
            // Demo data is no reason to refuse to start: the system works without it, and the next start tries again.
            log.warn("The demo listed case could not be made; the next start tries again", failed);
        }
    }

    private void fileListedCase() {
        long company = companies.findByCreditCode(DemoCases.DEMO_COMPANY).orElseThrow().id();
        if (applications.ofCompany(company).stream().anyMatch(a -> ISSUER.equals(a.facts().get(ListingFacts.OFFSHORE_ISSUER)))) {
            return;
        }
        LocalDate today = deadlines.today();
        ApplicationNumber number = workflow.submit(applications.createDraft(company, facts(today), List.of()), COMPANY_USER);
        completeAs(CSRC_USER, Roles.CSRC_OFFICER, number, "Task_IntakeCheck", Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        completeAs(REVIEW_OFFICE_USER, Roles.CRO_REVIEWER, number, "Task_ReviewPiSelfAssessment",
                Map.of(ProcessVariables.SELF_ASSESSMENT_OUTCOME, "ACCEPTED"));
        completeAs(CSRC_USER, Roles.CSRC_OFFICER, number, "Task_CompletenessCheck",
                Map.of(ProcessVariables.COMPLETENESS_OUTCOME, "COMPLETE"));
        completeAs(CSRC_USER, Roles.CSRC_OFFICER, number, "Task_ConcludeFiling",
                Map.of(ProcessVariables.FILING_OUTCOME, "NOTICE_ISSUED"));
        printLetters(number);
        cases.reportListing(COMPANY_USER, number, today);

        materialEvents.report(COMPANY_USER, number, new MaterialEvents.Report(MaterialEventKind.OVERSEAS_INVESTIGATION.name(),
                today.toString(), MATERIAL_EVENT));

        reviews.open(number, GROUNDS, REVIEW_OFFICE_USER);
        Map<String, Object> measures = new HashMap<>();
        measures.put(InterimMeasures.Measure.SUSPEND_NEW_USER_REGISTRATIONS.variable(), true);
        measures.put(InterimMeasures.Measure.REMOVE_APPS_FROM_STORES.variable(), true);
        measures.put(InterimMeasures.Measure.SUSPEND_DATA_EXPORT.variable(), false);
        measures.put(ProcessVariables.INTERIM_MEASURES_FROM, today.toString());
        measures.put(ProcessVariables.REVIEW_COMPLEX, false);
        completeAs(REVIEW_OFFICE_USER, Roles.CRO_REVIEWER, number, "Task_DecideInterimMeasures", measures);

        log.info("Demo case {} (a ride-hailing platform listed on the NYSE) has a material event waiting for the CSRC and "
                + "an open ex-officio cybersecurity review with interim measures", number);
    }

    /** A regional ride-hailing platform just under the review's 1,000,000 users: filed without a cybersecurity review. */
    private static ApplicationFacts facts(LocalDate today) {
        return ApplicationFacts.NONE.with(ListingFacts.LISTING_TYPE, "INDIRECT").with(ListingFacts.ISSUER_TYPE, "OFFSHORE")
                .with(ListingFacts.OFFSHORE_ISSUER, ISSUER)
                .with(ListingFacts.VENUE_EXCHANGE, "NYSE").with(ListingFacts.VENUE_REGION, "US")
                .with(ListingFacts.OFFERING_TYPE, "IPO").with(ListingFacts.PLANNED_LISTING_DATE, today)
                .with(ListingFacts.OVERSEAS_SUBMISSION_DATE, today.minusDays(1))
                .with(DataFacts.NETWORK_PLATFORM_OPERATOR, true).with(DataFacts.CIIO, false)
                .with(DataFacts.IMPORTANT_DATA, false).with(DataFacts.PERSONAL_INFO_USERS, 950_000L)
                .with(DataFacts.PI_EXPORTED_NON_SENSITIVE, 20_000L).with(DataFacts.PI_EXPORTED_SENSITIVE, 0L)
                .with(DataFacts.CONSENT_OBTAINED, true).with(DataFacts.SENSITIVE_DATA_MINIMISED, true)
                .with(BusinessFacts.INDUSTRY, "INTERNET").with(BusinessFacts.DOMESTIC_REVENUE_PCT, new BigDecimal("99.0"))
                .with(BusinessFacts.DOMESTIC_PROFIT_PCT, new BigDecimal("97.5"))
                .with(BusinessFacts.DOMESTIC_ASSETS_PCT, new BigDecimal("94.0"))
                .with(BusinessFacts.DOMESTIC_NET_ASSETS_PCT, new BigDecimal("91.0"))
                .with(BusinessFacts.MANAGEMENT_MOSTLY_PRC, true).with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, "CN")
                .with(Declarations.PROHIBITED_BY_LAW, false).with(Declarations.NATIONAL_SECURITY_THREAT, false)
                .with(Declarations.RECENT_CRIMINAL_OFFENCE, false).with(Declarations.UNDER_INVESTIGATION, false)
                .with(Declarations.OWNERSHIP_DISPUTE, false);
    }

    /** Claims and completes the case's one task of this kind as the staff user, as Tasklist would. */
    private void completeAs(String user, String group, ApplicationNumber number, String taskKey, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).taskDefinitionKey(taskKey)
                    .taskCandidateGroup(group).singleResult();
            if (task == null) {
                throw new IllegalStateException("Demo case " + number + " has no task " + taskKey + " for " + group);
            }
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), new HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Runs the case's jobs that are due now (the letters; deadline timers lie ahead), as the job executor would. */
    private void printLetters(ApplicationNumber number) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(number.toString()).list()) {
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
                management.executeJob(job.getId());
            }
        }
    }
}
