package cn.ola.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.ola.security.Roles;
import cn.ola.workflow.AgencyOpinionDefinitions;
import cn.ola.workflow.MemberAgencies.Agency;

/**
 * The pooling table held against the models in {@code bpmn/} and the agencies' opinions made from
 * one of them: a pooled definition offers its tasks only to groups pooled on it, so that a
 * definition grant never exposes a need-to-know group's task (an agency's opinion, a regulator's
 * approval, a company's step) to anyone else.
 */
class TaskPoolsTest {

    /** Process key → the candidate groups of each of its user tasks, as written in the model. */
    static final Map<String, List<String>> CANDIDATES = new HashMap<>();

    @BeforeAll
    static void readModels() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (Process process : model.getModelElementsByType(Process.class)) {
                    List<String> groups = CANDIDATES.computeIfAbsent(process.getId(), key -> new ArrayList<>());
                    for (UserTask task : process.getChildElementsByType(UserTask.class)) {
                        groups.add(task.getId() + "=" + task.getCamundaCandidateGroups());
                    }
                    collectNested(process, groups);
                }
            }
        }
        AgencyOpinionDefinitions.models().forEach((key, model) -> {
            List<String> groups = CANDIDATES.computeIfAbsent(key, k -> new ArrayList<>());
            model.getModelElementsByType(UserTask.class).forEach(task -> groups.add(task.getId() + "=" + task.getCamundaCandidateGroups()));
        });
    }

    private static void collectNested(org.camunda.bpm.model.bpmn.instance.BaseElement scope, List<String> groups) {
        for (var sub : scope.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.SubProcess.class)) {
            for (UserTask task : sub.getChildElementsByType(UserTask.class)) {
                groups.add(task.getId() + "=" + task.getCamundaCandidateGroups());
            }
            collectNested(sub, groups);
        }
    }

    @Test
    void everyPooledDefinitionIsAModelOfOurs() {
        assertThat(CANDIDATES.keySet()).containsAll(TaskPools.pooledDefinitions());
    }

    @Test
    void aPooledDefinitionOffersItsTasksOnlyToGroupsPooledOnIt() {
        for (String key : TaskPools.pooledDefinitions()) {
            for (String task : CANDIDATES.get(key)) {
                String[] groups = task.substring(task.indexOf('=') + 1).split(",");
                for (String group : groups) {
                    assertThat(group.trim()).as("candidate group of %s in %s", task, key).doesNotContain("${", "#{");
                    assertThat(TaskPools.POOLED.getOrDefault(group.trim(), java.util.Set.of()))
                            .as("%s in %s: its group must be pooled on the definition", task, key).contains(key);
                }
            }
        }
    }

    @Test
    void industryRegulatorsAndCompaniesAreNeverPooledAndEachAgencyOnlyOnItsOwnOpinion() {
        assertThat(TaskPools.POOLED).allSatisfy((group, definitions) -> {
            assertThat(group).doesNotStartWith(Roles.INDUSTRY_REGULATOR_PREFIX).doesNotStartWith(Roles.COMPANY_PREFIX);
            assertThat(Roles.isStaffGroup(group)).isTrue();
            if (group.startsWith(Roles.MEMBER_AGENCY_PREFIX)) {
                Agency agency = Agency.valueOf(group.substring(Roles.MEMBER_AGENCY_PREFIX.length()).toUpperCase(Locale.ROOT));
                assertThat(definitions).as("what %s is pooled on", group).containsExactly(agency.opinionProcess());
            }
        });
        for (Agency agency : Agency.values()) {
            assertThat(TaskPools.POOLED).containsKey(Roles.MEMBER_AGENCY_PREFIX + agency.code());
        }
    }

    @Test
    void theNeedToKnowWorkLivesInDefinitionsOfItsOwn() {
        assertThat(CANDIDATES.get("member-agency-opinion")).containsExactly("Task_AgencyOpinion=review-member-agency-${memberAgency}");
        assertThat(CANDIDATES.get("member-agency-opinion-ndrc")).containsExactly("Task_AgencyOpinion=review-member-agency-ndrc");
        assertThat(CANDIDATES.get("member-agency-opinion-miit")).containsExactly("Task_AgencyOpinion=review-member-agency-miit");
        assertThat(CANDIDATES.get("company-report")).allMatch(task -> task.endsWith("=${companyGroup}"));
        assertThat(CANDIDATES.get("supplementary-materials")).allMatch(task -> task.endsWith("=${companyGroup}"));
        assertThat(TaskPools.pooledDefinitions()).doesNotContain("member-agency-opinion", "company-report",
                "supplementary-materials", "industry-approval");
    }
}
