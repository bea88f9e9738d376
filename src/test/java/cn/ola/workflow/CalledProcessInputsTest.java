package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A called process gets only the variables its caller names (copying every variable of the case
 * into each sub-process cost a third of the engine's rows per case). So every value a form of the
 * called process shows must be named by each of its callers, or come about inside the called
 * process itself: a decision taken in one of its forms, an answer its own call activities bring
 * back, or one of the few values its listeners set.
 */
class CalledProcessInputsTest {

    /** Set inside a process by its listeners, not passed in. */
    static final Set<String> SET_BY_LISTENERS = Set.of(ProcessVariables.AGENCIES_DISAGREEING,
            ProcessVariables.AGENCY_DISAGREEMENTS, ProcessVariables.LATE_FILING);

    static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_]\\w*)");
    static final Map<String, BpmnModelInstance> PROCESSES = new HashMap<>();
    static final Map<String, JsonNode> FORMS = new HashMap<>();

    @BeforeAll
    static void readModelsAndForms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                model.getModelElementsByType(Process.class).forEach(p -> PROCESSES.put(p.getId(), model));
            }
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                JsonNode form = json.readTree(file.toFile());
                FORMS.put(form.get("id").asText(), form);
            }
        }
    }

    @Test
    void everyValueACalledProcessShowsIsPassedInOrComesAboutInside() {
        int checked = 0;
        for (BpmnModelInstance model : Set.copyOf(PROCESSES.values())) {
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                String called = CalledModels.model(call.getCalledElement());
                assertThat(PROCESSES).as("the process %s calls", call.getId()).containsKey(called);
                Set<String> passed = new HashSet<>();
                for (CamundaIn in : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
                    assertThat(in.getCamundaVariables()).as("%s passes every variable", call.getId()).isNull();
                    if (in.getCamundaTarget() != null) {
                        passed.add(in.getCamundaTarget());
                    }
                }
                Set<String> missing = new TreeSet<>(shown(called));
                missing.removeAll(passed);
                missing.removeAll(comesAboutInside(called));
                assertThat(missing).as("shown by the forms of %s but not passed by %s", called, call.getId()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).as("call activities checked").isGreaterThanOrEqualTo(10);
    }

    /**
     * Every task is named with its case when it is created ({@link CaseTaskNamesPlugin}), so a
     * called process with user tasks gets the case's number and company from every caller.
     */
    @Test
    void everyCalledProcessWithUserTasksIsToldWhichCaseItIsFor() {
        int checked = 0;
        for (BpmnModelInstance model : Set.copyOf(PROCESSES.values())) {
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                String called = CalledModels.model(call.getCalledElement());
                BpmnModelInstance calledModel = PROCESSES.get(called);
                boolean hasUserTasks = calledModel.getModelElementsByType(UserTask.class).stream()
                        .anyMatch(task -> called.equals(enclosingProcess(task).getId()));
                if (!hasUserTasks) {
                    continue;
                }
                Set<String> passed = new HashSet<>();
                call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()
                        .forEach(in -> passed.add(in.getCamundaTarget()));
                assertThat(passed).as("what %s tells %s", call.getId(), called)
                        .contains(ProcessVariables.APPLICATION_NUMBER, ProcessVariables.COMPANY_NAME);
                checked++;
            }
        }
        assertThat(checked).as("call activities of processes with user tasks").isGreaterThanOrEqualTo(10);
    }

    /** The values the forms of a process show read-only (fields it disables, and {{…}} in texts). */
    private static Set<String> shown(String processId) {
        Set<String> shown = new TreeSet<>();
        for (JsonNode form : formsOf(processId)) {
            form.findParents("type").forEach(component -> {
                if (component.path("disabled").asBoolean(false) && component.has("key")) {
                    shown.add(component.get("key").asText());
                }
                Matcher template = TEMPLATE.matcher(component.path("text").asText(""));
                while (template.find()) {
                    shown.add(template.group(1));
                }
            });
        }
        return shown;
    }

    /** Decisions its forms take, answers its own call activities bring back, values its listeners set. */
    private static Set<String> comesAboutInside(String processId) {
        Set<String> inside = new HashSet<>(SET_BY_LISTENERS);
        for (JsonNode form : formsOf(processId)) {
            form.findParents("type").forEach(component -> {
                if (!component.path("disabled").asBoolean(false) && component.has("key")) {
                    inside.add(component.get("key").asText());
                }
            });
        }
        BpmnModelInstance model = PROCESSES.get(processId);
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list()
                    .forEach(out -> inside.add(out.getCamundaTarget()));
        }
        return inside;
    }

    private static List<JsonNode> formsOf(String processId) {
        BpmnModelInstance model = PROCESSES.get(processId);
        Process process = model.getModelElementById(processId);
        return model.getModelElementsByType(UserTask.class).stream()
                .filter(task -> process.equals(enclosingProcess(task)))
                .map(UserTask::getCamundaFormRef).filter(ref -> ref != null)
                .map(ref -> {
                    assertThat(FORMS).as("form %s of %s", ref, processId).containsKey(ref);
                    return FORMS.get(ref);
                }).toList();
    }

    private static Process enclosingProcess(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
        var parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }
}
