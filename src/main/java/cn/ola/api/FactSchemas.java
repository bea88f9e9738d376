package cn.ola.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.ola.applicant.ApplicationRules;
import cn.ola.filing.Fact;
import cn.ola.filing.FactSection;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * The filed facts in the OpenAPI document, made from the questions themselves ({@link FactSection#allFacts()}):
 * the schema of {@link ApplicationInput} and the facts of an application as answered. A new question
 * appears here by itself, with its kind, its codes, its limits and its description.
 */
@Configuration(proxyBeanMethods = false)
class FactSchemas {

    private static final String VIEW = "ApplicationView";

    @Bean
    OpenApiCustomizer filedFactsInTheDocument() {
        return document -> {
            Map<String, Schema> schemas = document.getComponents().getSchemas();
            if (schemas == null) {
                return;
            }
            Schema<?> input = new ObjectSchema().description("The filed facts of an application. Every field is "
                    + "optional while the application is a draft; submission needs them all (the state-cloud migration "
                    + "status only under a state-assets supervisor). Unknown fields are refused, so that a misspelt "
                    + "field is not silently lost.");
            facts().forEach(input::addProperty);
            input.addProperty(ApplicationInput.CLOUD_CONTRACTS, new ArraySchema()
                    .items(new Schema<>().$ref("#/components/schemas/CloudContractInput")));
            schemas.put(ApplicationInput.SCHEMA, input);
            Schema<?> view = schemas.get(VIEW);
            if (view != null) {
                Map<String, Schema> properties = new LinkedHashMap<>(view.getProperties() == null ? Map.of()
                        : view.getProperties());
                properties.remove("facts");
                facts().forEach(properties::putIfAbsent);
                view.setProperties(properties);
            }
        };
    }

    private static Map<String, Schema<?>> facts() {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        for (Fact<?> fact : FactSection.allFacts()) {
            properties.put(fact.name(), schema(fact));
        }
        return properties;
    }

    private static Schema<?> schema(Fact<?> fact) {
        Schema<?> schema = switch (fact.kind()) {
            case TEXT -> new StringSchema().maxLength(fact.maxLength());
            case CODE, EXCHANGE -> new StringSchema()._enum(fact.codes());
            case REGION -> new StringSchema().pattern("^[A-Z]{2}$");
            case YES_NO -> new BooleanSchema();
            case PEOPLE -> new IntegerSchema().format("int64").minimum(BigDecimal.ZERO);
            case PERCENT -> new NumberSchema().minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(100));
            case DATE -> new DateSchema();
        };
        if (fact.kind() == Fact.Kind.REGION && fact.mustBeOverseas()) {
            schema.description("Not " + ApplicationRules.MAINLAND + ": mainland China is no overseas venue");
        }
        if (fact.description() != null) {
            schema.description(fact.description());
        }
        if (fact.example() != null) {
            schema.example(fact.example());
        }
        return schema;
    }
}
