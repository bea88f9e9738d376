package cn.ola.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.filing.StateAssets;
import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ListingApplications;
import cn.ola.identity.TasklistFilters.DefaultFilter;
import cn.ola.security.Roles;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.NewCompanies;
import cn.ola.support.PlatformFacts;
import cn.ola.support.StaffTasks;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.MemberAgencies.Agency;
import cn.ola.workflow.ProcessVariables;

/**
 * Tasklist's list as the engine's REST API gives it (a filter's list, HAL), for every staff group:
 * each task says which case and which company it is for. The default filters: the group's tasks
 * and the user's own by due date, the overdue ones longest overdue first; named in Chinese and
 * English, made once at every start (also by two nodes at once), restored as defined. Open tasks
 * of an earlier version get their cases' names at start.
 */
@DevSystemTest
class TasklistFiltersIT {

    static final String HAL = "application/hal+json";
    static final String INTAKE_CHECK = "Task_IntakeCheck";

    @LocalServerPort
    int port;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    ListingApplications applications;
    @Autowired
    Companies companies;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    FilterService filters;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TasklistFilters tasklistFilters;
    @Autowired
    ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyStaffGroupsTaskListSaysWhichCaseAndCompanyEachTaskIsFor() throws Exception {
        Company company = registerCompany();
        String large = submit(company, largeStateOwnedTobaccoPlatform());
        completeAs("csrc", Roles.CSRC_OFFICER, large, INTAKE_CHECK, Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        fireDeadline(large, "Timer_ReviewDecisionDeadline");
        fireDeadline(large, "Timer_PriorApprovalDeadline");
        String consulted = submit(company, largeStateOwnedTobaccoPlatform());
        completeAs("csrc", Roles.CSRC_OFFICER, consulted, INTAKE_CHECK, Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        completeAs("cro", Roles.CRO_REVIEWER, consulted, "Task_CheckMaterials",
                Map.of(ProcessVariables.MATERIALS_OUTCOME, "REVIEW_NEEDED", ProcessVariables.REVIEW_COMPLEX, false));
        completeAs("cro", Roles.CRO_REVIEWER, consulted, "Task_InitialReview", Map.of(ProcessVariables.INITIAL_OPINION,
                "NO_CONCERN", Agency.NDRC.consultVariable(), true, Agency.MIIT.consultVariable(), true,
                ProcessVariables.REASONS, "No national-security effect."));
        String atIntake = submit(company, smallPlatform());
        fireDeadline(atIntake, "Timer_IntakeCheckDeadline");
        String atFiling = submit(company, smallPlatform());
        completeAs("csrc", Roles.CSRC_OFFICER, atFiling, INTAKE_CHECK, Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        completeAs("cro", Roles.CRO_REVIEWER, atFiling, "Task_ReviewPiSelfAssessment",
                Map.of("selfAssessmentOutcome", "ACCEPTED"));
        List<String> cases = List.of(large, consulted, atIntake, atFiling);

        Map<String, Set<String>> atLeast = Map.of(
                "csrc", Set.of(INTAKE_CHECK, "Task_CompletenessCheck"),
                "cro", Set.of("Task_CheckMaterials", "Task_ReviewPiSelfAssessment", "Task_CheckExportEvidence",
                        "Task_CheckMigrationEvidence"),
                "ndrc", Set.of("Task_AgencyOpinion"),
                "miit", Set.of("Task_AgencyOpinion"),
                "tobacco", Set.of("Task_PriorApproval"),
                "supervisor", Set.of("Task_FollowUpIntakeCheck", "Task_FollowUpReviewDecision",
                        "Task_FollowUpOverduePriorApproval"));
        for (Map.Entry<String, Set<String>> person : atLeast.entrySet()) {
            Set<String> kindsOfOurCases = new TreeSet<>();
            for (JsonNode task : list(DefaultFilter.MY_GROUP_TASKS, person.getKey())) {
                String processInstance = task.get("processInstanceId").asText();
                String number = businessKeyOf(processInstance);
                assertThat(task.get("name").asText()).as("%s's list: %s", person.getKey(), task.get("taskDefinitionKey"))
                        .isEqualTo(stepOf(task) + " · " + number + " · "
                                + runtime.getVariable(processInstance, ProcessVariables.COMPANY_NAME));
                if (cases.contains(number)) {
                    assertThat(task.get("name").asText()).endsWith(" · " + company.nameZh());
                    kindsOfOurCases.add(task.get("taskDefinitionKey").asText());
                }
            }
            assertThat(kindsOfOurCases).as("the kinds of task in %s's list", person.getKey()).containsAll(person.getValue());
        }
    }

    @Test
    void myTasksAreTheOnesIClaimedAndTheOverdueOnesComeLongestOverdueFirst() throws Exception {
        Company company = registerCompany();
        List<String> cases = List.of(submit(company, smallPlatform()), submit(company, smallPlatform()),
                submit(company, smallPlatform()));
        Task first = intakeOf(cases.get(0));
        Task second = intakeOf(cases.get(1));
        Task third = intakeOf(cases.get(2));
        tasks.claim(second.getId(), "csrc");
        // As an officer may set a due date in Tasklist.
        dueOn(first, Date.from(new Date().toInstant().minus(2, ChronoUnit.DAYS)));
        dueOn(third, Date.from(new Date().toInstant().minus(1, ChronoUnit.DAYS)));

        List<String> ours = List.of(first.getId(), second.getId(), third.getId());
        assertThat(ids(list(DefaultFilter.MY_TASKS, "csrc"))).filteredOn(ours::contains).containsExactly(second.getId());
        assertThat(ids(list(DefaultFilter.OVERDUE, "csrc"))).filteredOn(ours::contains)
                .containsExactly(first.getId(), third.getId());
        assertThat(ids(list(DefaultFilter.MY_GROUP_TASKS, "csrc"))).filteredOn(ours::contains)
                .containsExactly(first.getId(), third.getId(), second.getId());

        HttpResponse<String> offered = new Browserless(port).getWithBasic("/engine-rest/filter", "csrc", "demo");
        assertThat(StreamSupport.stream(json.readTree(offered.body()).spliterator(), false).map(f -> f.get("name").asText()))
                .as("the filters Tasklist offers an officer").contains("我的组任务 · Tasks of my groups", "我的任务 · My tasks",
                        "逾期任务 · Overdue tasks");
    }

    @Test
    void theListNamesEachTasksProcessAndWhoTookItAlsoWhenItComesFromTheRelationCache() throws Exception {
        Company company = registerCompany();
        Task intake = intakeOf(submit(company, smallPlatform()));
        tasks.claim(intake.getId(), "csrc");
        String definition = intake.getProcessDefinitionId();

        for (int call = 1; call <= 2; call++) {
            HttpResponse<String> response = new Browserless(port).postWithBasic("/engine-rest/filter/"
                    + filters.createFilterQuery().filterName(DefaultFilter.MY_TASKS.name).singleResult().getId()
                    + "/list?firstResult=0&maxResults=1000", "csrc", "demo", "{}", "Accept", HAL);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode embedded = json.readTree(response.body()).path("_embedded");
            assertThat(StreamSupport.stream(embedded.path("processDefinition").spliterator(), false)
                    .filter(d -> d.get("id").asText().equals(definition)).map(d -> d.get("name").asText()))
                    .as("call %d: the process of the claimed task", call)
                    .containsExactly(repository.getProcessDefinition(definition).getName());
            assertThat(StreamSupport.stream(embedded.path("assignee").spliterator(), false).map(u -> u.get("id").asText()))
                    .as("call %d: who took it", call).contains("csrc");
        }
        // The second call found both in Camunda's relation cache instead of asking the database again.
        assertThat(Hal.getInstance().getHalRelationCache(HalProcessDefinition.class).get(definition)).isNotNull();
        assertThat(Hal.getInstance().getHalRelationCache(HalUser.class).get("csrc")).isNotNull();
    }

    @Test
    void theDefaultFiltersAreMadeOnceAndAsDefinedWhateverHappensAtStart() throws Exception {
        Map<DefaultFilter, Filter> made = ours();
        tasklistFilters.run(null);
        Map<DefaultFilter, Filter> again = ours();
        for (DefaultFilter filter : DefaultFilter.values()) {
            assertThat(again.get(filter).getId()).as("%s after a restart", filter).isEqualTo(made.get(filter).getId());
            assertThat(revision(again.get(filter))).as("%s unchanged by a restart", filter)
                    .isEqualTo(revision(made.get(filter)));
        }

        // What an earlier version left: its "My tasks" without our key, a double of its "Tasks of my groups"
        // made by a second node; an administrator's edit in Tasklist; a filter deleted by hand.
        filters.deleteFilter(made.get(DefaultFilter.MY_TASKS).getId());
        filters.saveFilter(filters.newTaskFilter("My tasks").setProperties(Map.of("priority", -5, "variables",
                List.of(Map.of("name", ProcessVariables.APPLICATION_NUMBER, "label", "Application"))))
                .setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        filters.saveFilter(filters.newTaskFilter("Tasks of my groups").setProperties(Map.of("priority", -10))
                .setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")));
        Filter edited = made.get(DefaultFilter.MY_GROUP_TASKS);
        filters.saveFilter(edited.setProperties(Map.of("priority", 3, "description", "edited"))
                .setQuery(tasks.createTaskQuery().taskCandidateGroup("csrc-officer").orderByTaskCreateTime().desc()));
        filters.deleteFilter(made.get(DefaultFilter.OVERDUE).getId());

        tasklistFilters.run(null);
        Map<DefaultFilter, Filter> restored = ours();
        assertThat(restored.get(DefaultFilter.MY_GROUP_TASKS).getId()).as("the edited filter, restored")
                .isEqualTo(edited.getId());
        assertThat(filters.createFilterQuery().filterName("Tasks of my groups").count()
                + filters.createFilterQuery().filterName("My tasks").count()).as("filters under former names").isZero();

        // Two nodes starting at the same moment on a database without the filters.
        restored.values().forEach(filter -> filters.deleteFilter(filter.getId()));
        atOnce(2, () -> {
            tasklistFilters.run(null);
            return null;
        });
        ours();
    }

    @Test
    void openTasksOfAnEarlierVersionGetTheirCasesNamesAtStartOnce() throws Exception {
        Company company = registerCompany();
        List<String> cases = List.of(submit(company, smallPlatform()), submit(company, smallPlatform()),
                submit(company, smallPlatform()));
        for (String number : cases) {
            Task intake = intakeOf(number);
            assertThat(intake.getName()).isEqualTo("Check the application at intake · " + number + " · " + company.nameZh());
            // As an earlier version named it.
            intake.setName("Check the application at intake");
            tasks.saveTask(intake);
        }

        ApplicationRunner upgrade = context.getBean("caseTaskNamesUpgrade", ApplicationRunner.class);
        atOnce(2, () -> {
            upgrade.run(null);
            return null;
        });
        Map<String, Integer> revisions = new HashMap<>();
        for (String number : cases) {
            Task intake = intakeOf(number);
            assertThat(intake.getName()).isEqualTo("Check the application at intake · " + number + " · " + company.nameZh());
            revisions.put(number, ((TaskEntity) intake).getRevision());
        }
        upgrade.run(null);
        for (String number : cases) {
            assertThat(((TaskEntity) intakeOf(number)).getRevision()).as("%s after another start", number)
                    .isEqualTo(revisions.get(number));
        }
    }

    /** Each default filter, exactly once, as defined and readable by every signed-in user. */
    private Map<DefaultFilter, Filter> ours() throws Exception {
        Map<DefaultFilter, Filter> ours = new EnumMap<>(DefaultFilter.class);
        for (DefaultFilter definition : DefaultFilter.values()) {
            List<Filter> found = filters.createFilterQuery().filterResourceType(EntityTypes.TASK).list().stream()
                    .filter(f -> f.getProperties() != null
                            && definition.key.equals(f.getProperties().get(TasklistFilters.KEY)))
                    .toList();
            assertThat(found).as("filters %s", definition).hasSize(1);
            Filter filter = found.get(0);
            Filter wanted = filters.newTaskFilter(definition.name).setProperties(definition.properties())
                    .setQuery(definition.query(tasks));
            assertThat(filter.getName()).isEqualTo(definition.name);
            assertThat(json.readTree(((FilterEntity) filter).getPropertiesInternal())).as("properties of %s", definition)
                    .isEqualTo(json.readTree(((FilterEntity) wanted).getPropertiesInternal()));
            assertThat(json.readTree(((FilterEntity) filter).getQueryInternal())).as("query of %s", definition)
                    .isEqualTo(json.readTree(((FilterEntity) wanted).getQueryInternal()));
            assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                    .resourceType(Resources.FILTER).resourceId(filter.getId()).hasPermission(Permissions.READ).count())
                    .as("everyone may read %s", definition).isOne();
            ours.put(definition, filter);
        }
        return ours;
    }

    /** The filter's list as Tasklist asks for it (HAL), as the user: every task of the system the filter shows the user. */
    private List<JsonNode> list(DefaultFilter filter, String user) throws Exception {
        String id = filters.createFilterQuery().filterName(filter.name).singleResult().getId();
        HttpResponse<String> response = new Browserless(port).postWithBasic("/engine-rest/filter/" + id
                + "/list?firstResult=0&maxResults=1000", user, "demo", "{}", "Accept", HAL);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(HAL));
        List<JsonNode> listed = new ArrayList<>();
        json.readTree(response.body()).path("_embedded").path("task").forEach(listed::add);
        return listed;
    }

    private static List<String> ids(List<JsonNode> tasks) {
        return tasks.stream().map(task -> task.get("id").asText()).toList();
    }

    /** The task's name in its model. */
    private String stepOf(JsonNode task) {
        return repository.getBpmnModelInstance(task.get("processDefinitionId").asText())
                .getModelElementById(task.get("taskDefinitionKey").asText()).getAttributeValue("name");
    }

    private String businessKeyOf(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getBusinessKey();
    }

    private Task intakeOf(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(INTAKE_CHECK).singleResult();
    }

    private void dueOn(Task task, Date due) {
        task.setDueDate(due);
        tasks.saveTask(task);
    }

    private static int revision(Filter filter) {
        return ((FilterEntity) filter).getRevision();
    }

    /** Runs the action in so many threads at the same moment and waits for all of them. */
    private static void atOnce(int threads, Callable<Void> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
            for (Future<Void> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private Company registerCompany() {
        String unique = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L));
        return NewCompanies.register(companies, "行列测试" + unique + "数据股份有限公司", "Rows Test " + unique + " Data Co., Ltd.");
    }

    private String submit(Company company, ApplicationFacts facts) {
        List<ListingApplications.CloudContract> contracts = facts.get(StateAssets.STATE_ASSETS_SUPERVISOR) == null ? List.of()
                : List.of(new ListingApplications.CloudContract("Example Cloud", LocalDate.now().plusYears(1)));
        return workflow.submit(applications.createDraft(company.id(), facts, contracts), "compliance").toString();
    }

    private void completeAs(String user, String group, String number, String taskKey, Map<String, Object> variables) {
        new StaffTasks(tasks, identity).completeAs(user, group, number, taskKey, variables);
    }

    private void fireDeadline(String number, String timerId) {
        List<Job> timers = management.createJobQuery().processInstanceId(tasks.createTaskQuery()
                .processInstanceBusinessKey(number).list().stream().map(Task::getProcessInstanceId)
                .filter(id -> management.createJobQuery().processInstanceId(id).activityId(timerId).count() > 0)
                .findFirst().orElseThrow(() -> new AssertionError("no timer " + timerId + " in " + number)))
                .activityId(timerId).list();
        assertThat(timers).as(timerId).hasSize(1);
        management.executeJob(timers.get(0).getId());
    }

    private static ApplicationFacts largeStateOwnedTobaccoPlatform() {
        return PlatformFacts.platform().industry("TOBACCO").stateOwned("SASAC", "IN_PROGRESS").build();
    }

    private static ApplicationFacts smallPlatform() {
        return PlatformFacts.platform().users(500_000L).exported(0L).build();
    }
}
