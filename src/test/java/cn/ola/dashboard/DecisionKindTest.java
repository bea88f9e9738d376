package cn.ola.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every decision a staff form offers falls into one of the kinds the dashboard counts. */
class DecisionKindTest {

    @ParameterizedTest
    @CsvSource({
            "COMPLETE, FAVOURABLE", "NOTICE_ISSUED, FAVOURABLE", "CLEARED, FAVOURABLE", "REVIEW_NOT_NEEDED, FAVOURABLE",
            "REJECTED, ADVERSE", "REFUSED, ADVERSE", "PROHIBITED, ADVERSE",
            "CORRECTIONS_NEEDED, REQUEST", "MATERIALS_REQUESTED, REQUEST", "SUPPLEMENT_REQUESTED, REQUEST",
            "REVIEW_NEEDED, FURTHER_REVIEW", "DISAGREE, FURTHER_REVIEW", "CONSULT_DEPARTMENTS, FURTHER_REVIEW",
            "SOMETHING_NEW, OTHER"})
    void outcomesFallIntoKinds(String outcome, DecisionKind kind) {
        assertThat(DecisionKind.of(outcome)).isEqualTo(kind);
    }

    @Test
    void everyOutcomeOfferedByAStaffDecisionFormHasAKind() throws IOException {
        List<String> offered = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
                collectDecisionValues(new ObjectMapper().readTree(form.toFile()), offered);
            }
        }

        assertThat(offered).as("decision values offered by the forms").hasSizeGreaterThan(20);
        assertThat(offered).filteredOn(outcome -> DecisionKind.of(outcome) == DecisionKind.OTHER).isEmpty();
    }

    /**
     * Radio and select fields whose key names an outcome or an opinion and that the officer fills
     * in: the decisions themselves (a read-only field shows an earlier step's outcome in words).
     */
    private static void collectDecisionValues(JsonNode node, List<String> values) {
        String key = node.path("key").asText("");
        boolean readOnly = node.path("disabled").asBoolean(false) || node.path("readonly").asBoolean(false);
        if ((key.endsWith("Outcome") || key.endsWith("Opinion")) && node.has("values") && !readOnly) {
            node.get("values").forEach(option -> values.add(option.path("value").asText()));
        }
        node.path("components").forEach(child -> collectDecisionValues(child, values));
    }
}
