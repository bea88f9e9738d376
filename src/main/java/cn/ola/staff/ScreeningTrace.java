package cn.ola.staff;

import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;

import cn.ola.workflow.ProcessVariables;
import cn.ola.workflow.ScreeningDecision;

/**
 * Why the screening decided as it did: Camunda's decision history of the case's main process
 * instance, with the inputs each decision saw, its outputs and the rule that fired (its id,
 * its row in the table and the description the table gives it).
 */
@Service
class ScreeningTrace {

    /** A decision's output that says why ends in this (negativeListReason, …), like the process variable. */
    static final String REASON_SUFFIX = ProcessVariables.REASON_SUFFIX;

    private final HistoryService history;
    private final RepositoryService repository;
    /** An input expression that is a variable as it is (venueRegion), not a computation on it. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Deployed decision tables never change, so their rules and inputs are read once per definition. */
    private final Map<String, Table> tablesByDefinition = new ConcurrentHashMap<>();

    ScreeningTrace(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    /** What a decision saw; {@code wordsKey} words its code, if it is one the bundles know. */
    record Input(String clauseId, String label, Object value, String wordsKey) {

        public Shown shown() {
            return Shown.of(value, wordsKey);
        }
    }

    /** What a decision gave; {@code wordsKey} words its code, if it is one the bundles know. */
    record Output(String clauseId, String label, String name, Object value, String wordsKey) {

        public Shown shown() {
            return Shown.ofOutput(value, wordsKey);
        }
    }

    /**
     * One decision as taken. {@code ruleOrder} is the rule's row in its table (1 = first); Camunda's own
     * rule order counts only among the rules that matched, which under hit policy FIRST is always 1.
     */
    record Decision(String key, String name, Instant evaluatedAt, Output result, String reason, List<Output> otherOutputs,
            String ruleId, Integer ruleOrder, String ruleDescription, List<Input> inputs) {

        public boolean ruleMatched() {
            return ruleId != null;
        }
    }

    List<Decision> of(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        List<HistoricDecisionInstance> instances = history.createHistoricDecisionInstanceQuery()
                .processInstanceId(processInstanceId).includeInputs().includeOutputs().list();
        List<Decision> decisions = new ArrayList<>();
        for (HistoricDecisionInstance instance : instances) {
            // The decision that only gathers the six results repeats them: the six themselves are shown.
            if (!ScreeningDecision.RESULTS_DECISION.equals(instance.getDecisionDefinitionKey())) {
                decisions.add(decision(instance));
            }
        }
        decisions.sort(Comparator.comparingInt((Decision d) -> screeningOrder(d.key())).thenComparing(Decision::evaluatedAt));
        return decisions;
    }

    private Decision decision(HistoricDecisionInstance instance) {
        Table table = table(instance.getDecisionDefinitionId());
        List<Input> inputs = new ArrayList<>();
        for (HistoricDecisionInputInstance input : instance.getInputs()) {
            Object value = valueOf(input::getValue, input::getTypedValue);
            inputs.add(new Input(input.getClauseId(), input.getClauseName(), value,
                    CodeWords.key(table.inputVariables().get(input.getClauseId()), value)));
        }
        // The history gives a decision's inputs in no particular order: they are shown in the table's.
        inputs.sort(Comparator.comparingInt((Input input) -> table.inputColumns().getOrDefault(input.clauseId(), Integer.MAX_VALUE)));
        Output result = null;
        String reason = null;
        String ruleId = null;
        List<Output> others = new ArrayList<>();
        for (HistoricDecisionOutputInstance output : instance.getOutputs()) {
            ruleId = output.getRuleId();
            Object value = valueOf(output::getValue, output::getTypedValue);
            Output shown = new Output(output.getClauseId(), output.getClauseName(), output.getVariableName(), value,
                    wordsOf(output.getVariableName(), value, instance.getOutputs()));
            if (output.getVariableName() != null && output.getVariableName().endsWith(REASON_SUFFIX)) {
                reason = output.getValue() == null ? null : output.getValue().toString();
            } else if (result == null) {
                result = shown;
            } else {
                others.add(shown);
            }
        }
        Optional<RuleInfo> rule = ruleId == null ? Optional.empty() : Optional.ofNullable(table.rules().get(ruleId));
        return new Decision(instance.getDecisionDefinitionKey(), instance.getDecisionDefinitionName(),
                instance.getEvaluationTime().toInstant(), result, reason, others, ruleId,
                rule.map(RuleInfo::position).orElse(null), rule.map(RuleInfo::description).orElse(null), inputs);
    }

    /**
     * The words of an output's code. The regulator's name the table gives is English: it reads as the
     * words of the regulator's group, given beside it.
     */
    private static String wordsOf(String variable, Object value, List<HistoricDecisionOutputInstance> outputs) {
        if (ProcessVariables.INDUSTRY_REGULATOR_NAME.equals(variable) && value != null) {
            for (HistoricDecisionOutputInstance output : outputs) {
                if (ProcessVariables.INDUSTRY_REGULATOR_GROUP.equals(output.getVariableName())) {
                    return CodeWords.key(ProcessVariables.INDUSTRY_REGULATOR_GROUP, output.getValue());
                }
            }
        }
        return CodeWords.key(variable, value);
    }

    /** Where a rule stands in its decision table (1 = first row) and what the table says it is for. */
    private record RuleInfo(int position, String description) {
    }

    /**
     * A decision table's rules by id, its inputs' columns (by clause id, 0 = first) and the variable each
     * input reads when it reads one as it is.
     */
    private record Table(Map<String, RuleInfo> rules, Map<String, Integer> inputColumns, Map<String, String> inputVariables) {
    }

    private Table table(String decisionDefinitionId) {
        return tablesByDefinition.computeIfAbsent(decisionDefinitionId, id -> {
            DmnModelInstance model = repository.getDmnModelInstance(id);
            Map<String, RuleInfo> rules = new HashMap<>();
            Map<String, Integer> columns = new HashMap<>();
            Map<String, String> variables = new HashMap<>();
            for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
                int position = 0;
                for (Rule rule : table.getRules()) {
                    position++;
                    String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
                    rules.put(rule.getId(), new RuleInfo(position, description == null ? null : description.strip()));
                }
                for (org.camunda.bpm.model.dmn.instance.Input input : table.getInputs()) {
                    columns.put(input.getId(), columns.size());
                    String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null
                            ? null : input.getInputExpression().getText().getTextContent();
                    if (expression != null && VARIABLE.matcher(expression.strip()).matches()) {
                        variables.put(input.getId(), expression.strip());
                    }
                }
            }
            return new Table(Map.copyOf(rules), Map.copyOf(columns), Map.copyOf(variables));
        });
    }

    /**
     * A decision's value. FEEL dates (a deadline computed in the table) are kept as objects; one
     * that cannot be read back is named by its type rather than failing the whole view.
     */
    private static Object valueOf(Supplier<Object> value, Supplier<TypedValue> typed) {
        try {
            Object plain = value.get();
            return plain instanceof TemporalAccessor ? plain.toString() : plain;
        } catch (RuntimeException unreadable) {
            try {
                return typed.get() instanceof ObjectValue object ? object.getObjectTypeName() : null;
            } catch (RuntimeException alsoUnreadable) {
                return null;
            }
        }
    }

    private static int screeningOrder(String decisionKey) {
        for (ScreeningDecision decision : ScreeningDecision.values()) {
            if (decision.decisionKey().equals(decisionKey)) {
                return decision.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }
}
