package cn.ola.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.ola.security.Roles;

/**
 * The pooling table held against the models in {@code bpmn/}: a pooled definition offers its tasks
 * only to groups pooled on it, so that a definition grant never exposes a need-to-know group's
 * task (an agency's opinion, a regulator's approval, a company's step) to anyone else.
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
    void needToKnowGroupsAreNeverPooled() {
        assertThat(TaskPools.POOLED.keySet()).allSatisfy(group -> {
            assertThat(group).doesNotStartWith(Roles.MEMBER_AGENCY_PREFIX).doesNotStartWith(Roles.INDUSTRY_REGULATOR_PREFIX)
                    .doesNotStartWith(Roles.COMPANY_PREFIX);
            assertThat(Roles.isStaffGroup(group)).isTrue();
        });
    }

    @Test
    void theNeedToKnowWorkLivesInDefinitionsOfItsOwn() {
        assertThat(CANDIDATES.get("member-agency-opinion")).containsExactly("Task_AgencyOpinion=review-member-agency-${memberAgency}");
        assertThat(CANDIDATES.get("company-report")).allMatch(task -> task.endsWith("=${companyGroup}"));
        assertThat(CANDIDATES.get("supplementary-materials")).allMatch(task -> task.endsWith("=${companyGroup}"));
        assertThat(TaskPools.pooledDefinitions()).doesNotContain("member-agency-opinion", "company-report",
                "supplementary-materials", "industry-approval");
    }
}
