package cn.ola.api;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import cn.ola.api.Problems.FieldError;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.Fact;
import cn.ola.filing.FactSection;
import cn.ola.filing.ListingApplications.CloudContract;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An application as a company system sends it: every filed field of DESIGN §5 under its question's name
 * ({@link FactSection#allFacts()}), each optional while it is a draft, and the cloud contracts. Codes are
 * upper case; dates ISO (YYYY-MM-DD); regions ISO 3166 alpha-2. Each value is read as its question's kind,
 * so that a value of the wrong kind is reported at its field; the OpenAPI schema is made from the same
 * questions ({@link FactSchemas}).
 */
@JsonDeserialize(using = ApplicationInput.Reader.class)
@Schema(name = ApplicationInput.SCHEMA)
record ApplicationInput(@JsonIgnore ApplicationFacts facts, List<CloudContractInput> cloudContracts,
        List<String> unknownFields) {

    static final String SCHEMA = "ApplicationInput";
    static final String CLOUD_CONTRACTS = "cloudContracts";

    /** A third-party cloud contract of a company under a state-assets supervisor. */
    record CloudContractInput(@Schema(example = "Example Cloud Co., Ltd.") String provider,
            @Schema(example = "2026-12-31") LocalDate endDate) {
    }

    ApplicationInput {
        unknownFields = List.copyOf(unknownFields);
    }

    /** The facts as they were sent, by name: written back (with the contracts) when a request is remembered. */
    @JsonAnyGetter
    Map<String, Object> sentFacts() {
        return facts.byName();
    }

    ApplicationDraft toDraft() {
        List<FieldError> unknown = unknownFields.stream()
                .map(name -> new FieldError(name, "UNKNOWN_FIELD", "No such field in an application.")).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("The body has fields an application does not have.", unknown);
        }
        List<CloudContract> contracts = new ArrayList<>();
        if (cloudContracts != null) {
            for (CloudContractInput contract : cloudContracts) {
                contracts.add(contract == null ? new CloudContract(null, null)
                        : new CloudContract(contract.provider(), contract.endDate()));
            }
        }
        return new ApplicationDraft(facts, contracts);
    }

    /** Reads the body field by field: a question's value as its kind, the contracts as a list, any other name noted. */
    static final class Reader extends StdDeserializer<ApplicationInput> {

        Reader() {
            super(ApplicationInput.class);
        }

        @Override
        public ApplicationInput deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (!json.isExpectedStartObjectToken()) {
                return (ApplicationInput) context.handleUnexpectedToken(ApplicationInput.class, json);
            }
            ApplicationFacts facts = ApplicationFacts.NONE;
            List<CloudContractInput> contracts = null;
            List<String> unknown = new ArrayList<>();
            JavaType contractList = context.getTypeFactory().constructCollectionType(List.class, CloudContractInput.class);
            for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
                JsonToken token = json.nextToken();
                Optional<Fact<?>> fact = FactSection.named(name);
                try {
                    if (CLOUD_CONTRACTS.equals(name)) {
                        contracts = token == JsonToken.VALUE_NULL ? null : context.readValue(json, contractList);
                    } else if (fact.isPresent()) {
                        facts = facts.withValue(fact.get(),
                                token == JsonToken.VALUE_NULL ? null : context.readValue(json, fact.get().type()));
                    } else {
                        unknown.add(name);
                        json.skipChildren();
                    }
                } catch (JacksonException | RuntimeException wrong) {
                    // As a bean's property would be: the field named, whatever went wrong reading its value
                    // (a date out of range as a number of days is a DateTimeException of java.time, say).
                    throw JsonMappingException.wrapWithPath(wrong, ApplicationInput.class, name);
                }
            }
            return new ApplicationInput(facts, contracts, unknown);
        }
    }
}
