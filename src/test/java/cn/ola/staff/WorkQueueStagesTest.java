package cn.ola.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.ola.filing.Stage;
import cn.ola.workflow.CalledModels;
import cn.ola.workflow.CaseModel;

/**
 * The work queue names a task's stage by the model it runs in ({@link CaseModel#stage()}); the
 * models name the stages they enter with {@code caseRecord.stage(...)}. This keeps the two in step:
 * a model that enters a stage of its own is listed with that stage, and every model with staff tasks
 * is either listed or called only from listed models.
 */
class WorkQueueStagesTest {

    private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
    private static final Pattern ENTERS = Pattern.compile("caseRecord\\.stage\\(execution, '([A-Z_]+)'\\)");
    private static final Pattern CALLS = Pattern.compile("calledElement=\"([^\"]+)\"");
    private static final Pattern STAFF_TASK = Pattern.compile("<bpmn:userTask [^>]*camunda:candidateGroups=\"(?!\\$\\{companyGroup\\})");

    @Test
    void everyStaffTaskHasTheStageItsModelOrItsCallerEnters() throws IOException {
        Map<String, Set<String>> entered = new HashMap<>();
        Map<String, Set<String>> callers = new HashMap<>();
        Set<String> withStaffTasks = new HashSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                String xml = Files.readString(model);
                Matcher id = PROCESS_ID.matcher(xml);
                assertThat(id.find()).as(model.toString()).isTrue();
                String key = id.group(1);
                entered.put(key, matches(ENTERS, xml));
                matches(CALLS, xml).forEach(called -> callers.computeIfAbsent(CalledModels.model(called), k -> new HashSet<>()).add(key));
                if (STAFF_TASK.matcher(xml).find()) {
                    withStaffTasks.add(key);
                }
            }
        }
        Map<String, String> stageOfModel = new HashMap<>();
        for (CaseModel model : CaseModel.values()) {
            model.stage().ifPresent(stage -> stageOfModel.put(model.key(), stage.name()));
        }
        stageOfModel.forEach((key, stage) -> {
            assertThat(entered).as("a model named " + key).containsKey(key);
            if (Stage.valueOf(stage).entered()) {
                assertThat(entered.get(key)).as("the stages " + key + " enters").contains(stage);
            } else {
                // Work beside the case (after the listing, an ex-officio review) leaves the case's stages alone.
                assertThat(entered.get(key)).as("the stages " + key + " enters, running beside the case").isEmpty();
            }
        });
        for (String key : withStaffTasks) {
            if (!stageOfModel.containsKey(key)) {
                assertThat(callers.get(key)).as("the models calling " + key).isNotEmpty()
                        .allSatisfy(caller -> assertThat(stageOfModel).containsKey(caller));
            }
        }
        assertThat(withStaffTasks).contains("overseas-listing", "cybersecurity-review", "member-agency-opinion");
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new HashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
