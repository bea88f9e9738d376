package cn.ola.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.company.Companies;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ListingApplications;
import cn.ola.security.Roles;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.PlatformFacts;
import cn.ola.support.StaffTasks;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.MemberAgencies.Agency;
import cn.ola.workflow.ProcessVariables;

/**
 * Who sees and works which staff task, through every door Camunda opens: Tasklist's engine API
 * (session of the single sign-on) and its "Tasks of my groups" filter, and {@code /engine-rest}
 * (list, count, by id, variables, claim, complete, history), before and after the task is claimed.
 * One task of every kind, each from a real case, against every role. Pooled groups see every task
 * of their definitions through one grant; member agencies and industry regulators see only the
 * tasks offered to them; the company sees none; administrators all. The matrix is printed.
 */
@DevSystemTest
class TaskVisibilityIT {

    static final UnifiedSocialCreditCode DEMO_COMPANY = UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q");

    /** The demo accounts and their groups (password {@code demo}). */
    enum Person {
        CRO("cro", Roles.CRO_REVIEWER), NDRC("ndrc", Roles.MEMBER_AGENCY_PREFIX + "ndrc"),
        MIIT("miit", Roles.MEMBER_AGENCY_PREFIX + "miit"), CSRC("csrc", Roles.CSRC_OFFICER),
        TOBACCO("tobacco", "industry-regulator-tobacco"), SUPERVISOR("supervisor", Roles.SUPERVISOR),
        ADMIN("admin", Roles.CAMUNDA_ADMIN), COMPANY("compliance", Roles.COMPANY_PREFIX + DEMO_COMPANY);

        final String user;
        final String group;

        Person(String user, String group) {
            this.user = user;
            this.group = group;
        }
    }

    /**
     * A kind of staff task: where it lives, who works it, who else may see and work it, what completes
     * it, and whether its groups see it through a grant on its definition (pooled: no row per task).
     */
    record Kind(String label, String taskKey, Person worker, Set<Person> alsoSee, Map<String, Object> completion,
            boolean pooled) {
        Kind(String label, String taskKey, Person worker, Set<Person> alsoSee, Map<String, Object> completion) {
            this(label, taskKey, worker, alsoSee, completion, !alsoSee.isEmpty());
        }

        boolean seenBy(Person person) {
            return person == worker || person == Person.ADMIN || alsoSee.contains(person);
        }
    }

    static final List<Kind> KINDS = List.of(
            new Kind("overseas-listing: intake check", "Task_IntakeCheck", Person.CSRC, Set.of(Person.SUPERVISOR),
                    Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE")),
            new Kind("overseas-listing: supervisor's follow-up", "Task_FollowUpIntakeCheck", Person.SUPERVISOR,
                    Set.of(Person.CSRC), Map.of()),
            new Kind("cybersecurity-review: materials check", "Task_CheckMaterials", Person.CRO, Set.of(Person.SUPERVISOR),
                    Map.of(ProcessVariables.MATERIALS_OUTCOME, "REVIEW_NEEDED", ProcessVariables.REVIEW_COMPLEX, false)),
            new Kind("cybersecurity-review: supervisor's follow-up", "Task_FollowUpReviewDecision", Person.SUPERVISOR,
                    Set.of(Person.CRO), Map.of()),
            // Each agency's opinion lives in the agency's own definition, pooled for that agency alone.
            new Kind("member-agency-opinion-ndrc", "Task_AgencyOpinion", Person.NDRC, Set.of(),
                    Map.of(ProcessVariables.AGENCY_OPINION, "AGREE"), true),
            new Kind("member-agency-opinion-miit", "Task_AgencyOpinion", Person.MIIT, Set.of(),
                    Map.of(ProcessVariables.AGENCY_OPINION, "AGREE"), true),
            new Kind("data-protection-checks: export evidence", "Task_CheckExportEvidence", Person.CRO,
                    Set.of(Person.SUPERVISOR), Map.of("exportEvidenceOutcome", "ACCEPTED")),
            new Kind("data-protection-checks: migration evidence", "Task_CheckMigrationEvidence", Person.CRO,
                    Set.of(Person.SUPERVISOR), Map.of("migrationEvidenceOutcome", "ACCEPTED")),
            new Kind("data-protection-checks: PI self-assessment", "Task_ReviewPiSelfAssessment", Person.CRO,
                    Set.of(Person.SUPERVISOR), Map.of("selfAssessmentOutcome", "ACCEPTED")),
            new Kind("industry-approval: prior approval", "Task_PriorApproval", Person.TOBACCO, Set.of(),
                    Map.of(ProcessVariables.INDUSTRY_OUTCOME, "APPROVED")),
            new Kind("industry-approval: supervisor's follow-up", "Task_FollowUpOverduePriorApproval", Person.SUPERVISOR,
                    Set.of(), Map.of()),
            new Kind("csrc-filing: completeness check", "Task_CompletenessCheck", Person.CSRC, Set.of(Person.SUPERVISOR),
                    Map.of("completenessOutcome", "COMPLETE")));

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
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Person, Browserless> sessions = new LinkedHashMap<>();
    private final List<String> matrix = new ArrayList<>();
    private final Map<String, String> businessKeys = new java.util.HashMap<>();

    @Test
    void everyRoleSeesAndWorksExactlyTheStaffTasksItMayBeforeAndAfterAClaim() throws Exception {
        Map<Kind, Task> open = openOneTaskOfEveryKind();
        Browserless basic = new Browserless(port);
        for (Person person : Person.values()) {
            Browserless session = new Browserless(port);
            assertThat(session.login(person.user, "demo").statusCode()).as("sign-in of " + person.user).isEqualTo(302);
            sessions.put(person, session);
        }

        for (Map.Entry<Kind, Task> entry : open.entrySet()) {
            for (Person person : Person.values()) {
                assertVisibility(basic, entry.getKey(), entry.getValue(), person, "before a claim");
                assertClaimable(basic, entry.getKey(), entry.getValue(), person);
            }
        }

        for (Map.Entry<Kind, Task> entry : open.entrySet()) {
            Kind kind = entry.getKey();
            Task task = entry.getValue();
            // The worker claims it: the claim adds no row where the worker's group is pooled on the definition.
            assertThat(basic.postWithBasic("/engine-rest/task/" + task.getId() + "/claim", kind.worker.user, "demo",
                    "{\"userId\": \"" + kind.worker.user + "\"}").statusCode()).as("claim by " + kind.worker.user).isEqualTo(204);
            long rows = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).count();
            if (kind.pooled()) {
                assertThat(rows).as("task rows of pooled %s after a claim", kind.label).isZero();
            } else {
                assertThat(rows).as("task rows of need-to-know %s after a claim: its group's and its assignee's", kind.label)
                        .isEqualTo(2);
            }
            for (Person person : Person.values()) {
                assertVisibility(basic, kind, task, person, "after " + kind.worker.user + " claimed it");
            }
        }

        // Follow-ups first: a regulator's completed step ends the follow-up of its passed deadline.
        List<Kind> completionOrder = new ArrayList<>(open.keySet());
        completionOrder.sort(java.util.Comparator.comparing((Kind kind) -> !kind.taskKey.startsWith("Task_FollowUp")));
        for (Kind kind : completionOrder) {
            Task task = open.get(kind);
            for (Person person : Person.values()) {
                if (!kind.seenBy(person)) {
                    HttpResponse<String> refused = basic.postWithBasic("/engine-rest/task/" + task.getId() + "/complete",
                            person.user, "demo", variablesJson(kind.completion));
                    assertThat(refused.statusCode()).as("%s completing %s", person.user, kind.label).isIn(403, 404);
                }
            }
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as(kind.label + " after refused completions").isOne();
            HttpResponse<String> done = basic.postWithBasic("/engine-rest/task/" + task.getId() + "/complete",
                    kind.worker.user, "demo", variablesJson(kind.completion));
            assertThat(done.statusCode()).as("%s completing %s: %s", kind.worker.user, kind.label, done.body()).isEqualTo(204);
        }
        for (Kind kind : open.keySet()) {
            matrix.add(String.format("%-46s %s", kind.label,
                    String.join(" ", java.util.Arrays.stream(Person.values())
                            .map(p -> String.format("%-10s", kind.seenBy(p) ? "sees+works" : "-")).toList())));
        }
        System.out.printf("%nStaff task visibility (Tasklist API, /engine-rest list, count, by id, variables, claim, complete)%n"
                + "%-46s %s%n%s%n", "task", String.join(" ", java.util.Arrays.stream(Person.values())
                        .map(p -> String.format("%-10s", p.user)).toList()), String.join("\n", matrix));
    }

    private void assertVisibility(Browserless basic, Kind kind, Task task, Person person, String when) throws Exception {
        String as = person.user + " " + when + ": " + kind.label;
        String byCase = "processInstanceBusinessKey=" + businessKeyOf(task);
        if (person == Person.COMPANY) {
            assertThat(basic.getWithBasic("/engine-rest/task?" + byCase, person.user, "demo").statusCode()).as(as).isEqualTo(403);
            assertThat(sessions.get(person).get("/camunda/api/engine/engine/default/task?" + byCase).statusCode()).as(as)
                    .isIn(401, 403);
            return;
        }
        boolean sees = kind.seenBy(person);
        List<String> listed = ids(basic.getWithBasic("/engine-rest/task?" + byCase, person.user, "demo"));
        assertThat(listed.contains(task.getId())).as(as + " in /engine-rest/task").isEqualTo(sees);
        HttpResponse<String> count = basic.getWithBasic("/engine-rest/task/count?" + byCase, person.user, "demo");
        assertThat(json.readTree(count.body()).get("count").asInt()).as(as + " count").isEqualTo(listed.size());

        HttpResponse<String> byId = basic.getWithBasic("/engine-rest/task/" + task.getId(), person.user, "demo");
        HttpResponse<String> variables = basic.getWithBasic("/engine-rest/task/" + task.getId() + "/variables", person.user, "demo");
        if (sees) {
            assertThat(byId.statusCode()).as(as + " by id").isEqualTo(200);
            assertThat(variables.statusCode()).as(as + " variables").isEqualTo(200);
            assertThat(variables.body()).as(as + " variables").contains(businessKeyOf(task));
        } else {
            assertThat(byId.statusCode()).as(as + " by id").isIn(403, 404);
            assertThat(variables.statusCode()).as(as + " variables").isIn(403, 404);
            assertThat(variables.body()).as(as + " variables").doesNotContain(businessKeyOf(task));
        }

        Browserless tasklist = sessions.get(person);
        List<String> inTasklist = ids(tasklist.get("/camunda/api/engine/engine/default/task?" + byCase));
        assertThat(inTasklist.contains(task.getId())).as(as + " through Tasklist's engine API").isEqualTo(sees);
        String groupTasks = TasklistFilters.DefaultFilter.MY_GROUP_TASKS.name;
        String myGroups = filters.createFilterQuery().filterName(groupTasks).singleResult().getId();
        HttpResponse<String> filtered = tasklist.postJsonAsWebapp("/camunda/api/engine/engine/default/filter/" + myGroups
                + "/list?firstResult=0&maxResults=1000", "{\"processInstanceBusinessKey\": \"" + businessKeyOf(task) + "\"}");
        assertThat(filtered.statusCode()).as(as + " Tasklist filter: " + filtered.body()).isEqualTo(200);
        boolean offered = person == kind.worker;
        assertThat(ids(filtered).contains(task.getId())).as(as + " in Tasklist's \"" + groupTasks + "\"")
                .isEqualTo(offered);

        List<String> history = ids(basic.getWithBasic("/engine-rest/history/task?taskId=" + task.getId(), person.user, "demo"));
        assertThat(history.contains(task.getId())).as(as + " in the engine's history").isEqualTo(person == Person.ADMIN);
    }

    /** Whoever may see a task may claim it (and gives it back); nobody else. */
    private void assertClaimable(Browserless basic, Kind kind, Task task, Person person) {
        String as = person.user + " claiming " + kind.label;
        HttpResponse<String> claim = basic.postWithBasic("/engine-rest/task/" + task.getId() + "/claim", person.user, "demo",
                "{\"userId\": \"" + person.user + "\"}");
        if (kind.seenBy(person)) {
            assertThat(claim.statusCode()).as(as + ": " + claim.body()).isEqualTo(204);
            assertThat(basic.postWithBasic("/engine-rest/task/" + task.getId() + "/unclaim", person.user, "demo", "{}")
                    .statusCode()).as(as + ", then giving it back").isEqualTo(204);
        } else {
            assertThat(claim.statusCode()).as(as).isIn(403, 404);
            assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).as(as).isNull();
        }
    }

    /**
     * One open task of every kind, each from a real case: a state-owned large platform in the tobacco
     * industry (review, every data-protection check, prior approval, consultation of NDRC and MIIT,
     * two passed deadlines), a small company at intake with its deadline passed, and one at the filing.
     */
    private Map<Kind, Task> openOneTaskOfEveryKind() {
        long company = companies.findByCreditCode(DEMO_COMPANY).orElseThrow().id();
        String large = workflow.submit(applications.createDraft(company, largeStateOwnedTobaccoPlatform(),
                List.of(new ListingApplications.CloudContract("Example Cloud", LocalDate.now().plusYears(1)))), "compliance")
                .toString();
        completeAs("csrc", Roles.CSRC_OFFICER, large, "Task_IntakeCheck", Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        fireDeadline(large, "Timer_ReviewDecisionDeadline");
        fireDeadline(large, "Timer_PriorApprovalDeadline");
        String consulted = workflow.submit(applications.createDraft(company, largeStateOwnedTobaccoPlatform(),
                List.of(new ListingApplications.CloudContract("Example Cloud", LocalDate.now().plusYears(1)))), "compliance")
                .toString();
        completeAs("csrc", Roles.CSRC_OFFICER, consulted, "Task_IntakeCheck", Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        completeAs("cro", Roles.CRO_REVIEWER, consulted, "Task_CheckMaterials",
                Map.of(ProcessVariables.MATERIALS_OUTCOME, "REVIEW_NEEDED", ProcessVariables.REVIEW_COMPLEX, false));
        completeAs("cro", Roles.CRO_REVIEWER, consulted, "Task_InitialReview", Map.of(ProcessVariables.INITIAL_OPINION,
                "NO_CONCERN", Agency.NDRC.consultVariable(), true, Agency.MIIT.consultVariable(), true,
                ProcessVariables.REASONS, "No national-security effect."));
        String atIntake = workflow.submit(applications.createDraft(company, smallPlatform(), List.of()), "compliance").toString();
        fireDeadline(atIntake, "Timer_IntakeCheckDeadline");
        String atFiling = workflow.submit(applications.createDraft(company, smallPlatform(), List.of()), "compliance").toString();
        completeAs("csrc", Roles.CSRC_OFFICER, atFiling, "Task_IntakeCheck", Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        completeAs("cro", Roles.CRO_REVIEWER, atFiling, "Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));

        Map<Kind, Task> open = new LinkedHashMap<>();
        for (Kind kind : KINDS) {
            String number = switch (kind.taskKey) {
                case "Task_IntakeCheck", "Task_FollowUpIntakeCheck" -> atIntake;
                case "Task_AgencyOpinion" -> consulted;
                case "Task_CompletenessCheck" -> atFiling;
                default -> large;
            };
            List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(kind.taskKey)
                    .taskCandidateGroup(kind.worker.group).list();
            assertThat(found).as("open " + kind.label).hasSize(1);
            open.put(kind, found.get(0));
        }
        return open;
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

    private void completeAs(String user, String group, String number, String taskKey, Map<String, Object> variables) {
        new StaffTasks(tasks, identity).completeAs(user, group, number, taskKey, variables);
    }

    private String businessKeyOf(Task task) {
        return businessKeys.computeIfAbsent(task.getId(),
                id -> String.valueOf(tasks.getVariable(id, ProcessVariables.APPLICATION_NUMBER)));
    }

    private List<String> ids(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        JsonNode list = body.has("_embedded") ? body.get("_embedded").get("task") : body;
        if (list == null) {
            return List.of();
        }
        return StreamSupport.stream(list.spliterator(), false).map(task -> task.get("id").asText()).toList();
    }

    private String variablesJson(Map<String, Object> variables) throws Exception {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return json.writeValueAsString(Map.of("variables", typed));
    }

    private static ApplicationFacts largeStateOwnedTobaccoPlatform() {
        return PlatformFacts.platform().industry("TOBACCO").stateOwned("SASAC", "IN_PROGRESS").build();
    }

    private static ApplicationFacts smallPlatform() {
        return PlatformFacts.platform().users(500_000L).exported(0L).build();
    }
}
