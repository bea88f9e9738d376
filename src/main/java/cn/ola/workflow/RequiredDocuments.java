package cn.ola.workflow;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

import cn.ola.filing.ApplicationFacts;

/**
 * The documents the screening calls for before a company may submit (decision
 * {@value #DECISION} in {@code bpmn/listing-screening.dmn}): for the facts of a draft as they stand,
 * which documents beyond the three every application needs, and because of which decision.
 */
@Service
public class RequiredDocuments {

    static final String DECISION = "required-documents";

    /** A document the screening calls for: its kind, and {@code CYBERSECURITY_REVIEW} or {@code PI_EXPORT}. */
    public record Required(String kind, String because) {
    }

    private final DecisionService decisions;

    RequiredDocuments(DecisionService decisions) {
        this.decisions = decisions;
    }

    public List<Required> of(ApplicationFacts facts, LocalDate earliestCloudContractEnd) {
        return decisions.evaluateDecisionByKey(DECISION).variables(CaseVariables.screeningInputs(facts, earliestCloudContractEnd))
                .evaluate().getResultList().stream()
                .map(result -> new Required((String) result.get("document"), (String) result.get("because"))).toList();
    }
}
