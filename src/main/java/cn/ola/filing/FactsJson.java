package cn.ola.filing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The facts of an application as they are stored: one JSON object, each answered question under its
 * name (dates as ISO strings, percentages and counts as numbers). A name no question has any more is
 * left out when read, so that a question can be retired without a migration.
 */
final class FactsJson {

    /** Decimals as written, not as doubles: 92.5 stays 92.5. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private FactsJson() {
    }

    static String write(ApplicationFacts facts) {
        ObjectNode object = JSON.createObjectNode();
        for (Fact<?> fact : FactSection.allFacts()) {
            Object value = facts.get(fact);
            if (value instanceof String text) {
                object.put(fact.name(), text);
            } else if (value instanceof Boolean yes) {
                object.put(fact.name(), yes);
            } else if (value instanceof Long number) {
                object.put(fact.name(), number);
            } else if (value instanceof BigDecimal number) {
                object.put(fact.name(), number);
            } else if (value instanceof LocalDate day) {
                object.put(fact.name(), day.toString());
            }
        }
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Facts cannot be written as JSON", e);
        }
    }

    static ApplicationFacts read(String json) {
        if (json == null || json.isBlank()) {
            return ApplicationFacts.NONE;
        }
        JsonNode object;
        try {
            object = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored facts are not JSON", e);
        }
        Map<Fact<?>, Object> answers = new LinkedHashMap<>();
        for (Fact<?> fact : FactSection.allFacts()) {
            JsonNode node = object.get(fact.name());
            if (node != null && !node.isNull()) {
                answers.put(fact, value(fact, node));
            }
        }
        return ApplicationFacts.NONE.withValues(answers);
    }

    private static Object value(Fact<?> fact, JsonNode node) {
        return switch (fact.kind()) {
            case TEXT, CODE, REGION, EXCHANGE -> node.asText();
            case YES_NO -> node.asBoolean();
            case PEOPLE -> node.asLong();
            // Two decimals, as the percentage columns of earlier versions gave them.
            case PERCENT -> node.decimalValue().setScale(2, RoundingMode.HALF_UP);
            case DATE -> LocalDate.parse(node.asText());
        };
    }
}
