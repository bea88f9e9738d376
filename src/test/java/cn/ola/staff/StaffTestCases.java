package cn.ola.staff;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.StateAssets;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplications;
import cn.ola.support.Html;
import cn.ola.support.NewCompanies;
import cn.ola.support.PlatformFacts;
import cn.ola.support.StaffTasks;
import cn.ola.workflow.CaseWorkflow;

/**
 * Cases for the staff pages' tests, driven the way the portal and Tasklist drive them: companies
 * register, file and submit through the services; staff complete tasks as themselves.
 */
final class StaffTestCases {

    static final String DEMO_COMPANY = "91110000MA01ABCD2Q";

    private final Companies companies;
    private final ListingApplications applications;
    private final CaseWorkflow workflow;
    private final TaskService tasks;
    private final IdentityService identity;

    StaffTestCases(Companies companies, ListingApplications applications, CaseWorkflow workflow, TaskService tasks,
            IdentityService identity) {
        this.companies = companies;
        this.applications = applications;
        this.workflow = workflow;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** A company with a fresh, valid credit code. */
    Company register(String nameZh, String nameEn) {
        return NewCompanies.register(companies, nameZh, nameEn);
    }

    Company demoCompany() {
        return companies.findByCreditCode(UnifiedSocialCreditCode.parse(DEMO_COMPANY)).orElseThrow();
    }

    /** A large network platform listing on the NYSE: a cybersecurity review is mandatory. */
    static ApplicationFacts largePlatformOnNyse(long users) {
        return PlatformFacts.platform().users(users).build();
    }

    /** The same under a state-owned assets supervisor, with its third-party cloud migration under way. */
    static ApplicationFacts stateOwnedPlatformOnNyse(long users, String supervisor) {
        return largePlatformOnNyse(users).with(StateAssets.STATE_ASSETS_SUPERVISOR, supervisor)
                .with(StateAssets.STATE_CLOUD_MIGRATION_STATUS, "IN_PROGRESS");
    }

    ApplicationNumber submit(Company company, ApplicationFacts facts, List<ListingApplications.CloudContract> contracts) {
        return workflow.submit(applications.createDraft(company.id(), facts, contracts), "compliance");
    }

    ApplicationNumber submit(Company company, long users) {
        return submit(company, largePlatformOnNyse(users), List.of());
    }

    /** Claims and completes the one open task with this key as the named user, member of the group. */
    void completeAs(String user, String group, ApplicationNumber number, String taskKey, Map<String, Object> variables) {
        new StaffTasks(tasks, identity).completeAs(user, group, number.toString(), taskKey, variables);
    }

    Task openTask(ApplicationNumber number, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).taskDefinitionKey(taskKey).singleResult();
    }

    static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L));
    }

    /** The rows of the table with this id, each as the text of its cells joined by " | ", tags removed. */
    static List<String> rows(String html, String tableId) {
        return Html.rows(html, tableId);
    }

    /** Visible text of an HTML snippet: tags removed, entities of our templates decoded, blanks collapsed. */
    static String text(String html) {
        return Html.text(html);
    }

    /** The element with this id, up to its closing tag: for assertions about one part of a page. */
    static String section(String html, String id) {
        return Html.section(html, id);
    }
}
