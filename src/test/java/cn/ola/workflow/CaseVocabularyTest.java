package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.ola.filing.CaseStatus;
import cn.ola.filing.Stage;

/**
 * The models speak the case's vocabulary: each model is a {@link CaseModel}, and every stage and status
 * its listeners record ({@code caseRecord.stage/stageEnded/status/close}) is a {@link Stage} or a
 * {@link CaseStatus} of the right kind. A misspelt name would otherwise reach the database unnoticed.
 */
class CaseVocabularyTest {

    private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

    @Test
    void everyModelIsACaseModelAndEveryCaseModelHasAModel() throws IOException {
        Set<String> processIds = new HashSet<>();
        for (String xml : models()) {
            processIds.addAll(matches(PROCESS_ID, xml));
        }
        assertThat(processIds).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CaseModel.values()).map(CaseModel::key).toList());
        for (CaseModel model : CaseModel.values()) {
            assertThat(Path.of("bpmn", model.key() + ".bpmn")).as(model.name()).exists();
        }
    }

    @Test
    void theModelsRecordOnlyKnownStagesAndStatuses() throws IOException {
        Set<String> stages = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        Set<String> closings = new HashSet<>();
        for (String xml : models()) {
            stages.addAll(matches(recorded("stage"), xml));
            stages.addAll(matches(recorded("stageEnded"), xml));
            statuses.addAll(matches(recorded("status"), xml));
            closings.addAll(matches(recorded("close"), xml));
        }
        assertThat(stages).as("stages the models enter or end").isNotEmpty()
                .allSatisfy(stage -> assertThat(Stage.of(stage)).as(stage).isPresent());
        assertThat(statuses).as("statuses the models set on the way").isNotEmpty()
                .allSatisfy(status -> assertThat(CaseStatus.ofSubmittedCases()).contains(CaseStatus.valueOf(status)))
                .noneSatisfy(status -> assertThat(CaseStatus.valueOf(status).isFinal()).isTrue());
        assertThat(closings).as("statuses the models close a case with")
                .containsExactlyInAnyOrderElementsOf(CaseStatus.names(CaseStatus.finals()));
    }

    private static Pattern recorded(String method) {
        return Pattern.compile("caseRecord\\." + method + "\\(execution, '([A-Z_]+)'\\)");
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new HashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<String> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            List<String> texts = new ArrayList<>();
            for (Path model : files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
                texts.add(Files.readString(model));
            }
            return texts;
        }
    }
}
