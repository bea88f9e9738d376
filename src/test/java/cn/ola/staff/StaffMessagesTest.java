package cn.ola.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.Test;

import cn.ola.filing.CaseStatus;
import cn.ola.filing.Stage;
import cn.ola.workflow.ScreeningDecision;

/** The staff pages speak Chinese and English everywhere: no text left out of either bundle. */
class StaffMessagesTest {

    @Test
    void bothLanguagesHaveTheSameTexts() throws IOException {
        assertThat(bundle("messages-staff_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages-staff.properties").stringPropertyNames());
    }

    @Test
    void everyTextTheStaffPagesAskForExists() throws IOException {
        Set<String> keys = bundle("messages-staff.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern message = Pattern.compile("#\\{(staff\\.[A-Za-z0-9_.-]+)");
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/staff"))) {
            for (Path template : templates.toList()) {
                Matcher matcher = message.matcher(Files.readString(template));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyStatusStageAndScreeningDecisionHasAName() throws IOException {
        Set<String> keys = bundle("messages-staff.properties").stringPropertyNames();
        CaseStatus.ofSubmittedCases().forEach(status -> assertThat(keys).contains("staff.status." + status));
        Stage.names().forEach(stage -> assertThat(keys).contains("staff.stage." + stage));
        for (ScreeningDecision decision : ScreeningDecision.values()) {
            assertThat(keys).contains("staff.dmn.decision." + decision.decisionKey());
        }
    }

    @Test
    void everyInputOutputAndDescribedRuleOfTheScreeningTablesHasWordsInBothLanguages() throws IOException {
        Set<String> wanted = new TreeSet<>();
        DmnModelInstance model = Dmn.readModelFromFile(Path.of("bpmn/listing-screening.dmn").toFile());
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            table.getInputs().forEach(input -> wanted.add("staff.dmn.input." + input.getId()));
            table.getOutputs().stream().map(Output::getName).filter(name -> !name.endsWith(ScreeningTrace.REASON_SUFFIX))
                    .forEach(name -> wanted.add("staff.dmn.output." + name));
            table.getRules().stream().filter(rule -> rule.getDescription() != null)
                    .forEach(rule -> wanted.add("staff.dmn.rule." + rule.getId()));
        }
        assertThat(wanted).isNotEmpty();
        assertThat(bundle("messages-staff.properties").stringPropertyNames()).containsAll(wanted);
        assertThat(bundle("messages-staff_zh_CN.properties").stringPropertyNames()).containsAll(wanted);
    }

    @Test
    void everyProcessAndEveryEventOrCallTheTimelineShowsHasWordsInBothLanguages() throws IOException {
        Set<String> wanted = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path file : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                model.getModelElementsByType(Process.class).forEach(process -> wanted.add("staff.process." + process.getId()));
                for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                    boolean startedByEvent = node instanceof StartEvent start && !start.getEventDefinitions().isEmpty();
                    if (node instanceof CallActivity || node instanceof EndEvent || node instanceof BoundaryEvent
                            || node instanceof IntermediateCatchEvent || node instanceof ReceiveTask || startedByEvent) {
                        wanted.add("staff.activity." + node.getId());
                    }
                }
            }
        }
        assertThat(wanted).isNotEmpty();
        assertThat(bundle("messages-staff.properties").stringPropertyNames()).containsAll(wanted);
        assertThat(bundle("messages-staff_zh_CN.properties").stringPropertyNames()).containsAll(wanted);
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = StaffMessagesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
