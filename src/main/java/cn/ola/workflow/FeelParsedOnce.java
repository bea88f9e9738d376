package cn.ola.workflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * The decisions' FEEL expressions are parsed once, not at every evaluation. Camunda's FEEL engine
 * parses each input entry, input expression and output entry of a decision table anew every
 * time the table is evaluated; a flight recording of the end-to-end benchmark put two thirds of
 * all decision evaluation there (the screening decisions of every case, the draft's document
 * checklist at every look at the form). Here the engine keeps each expression's parse (or its
 * parse error) by its text and evaluates that: the same FEEL engine, configured as Camunda
 * configures it (its value mappers, the custom functions of the engine configuration), the same
 * results and the same errors.
 *
 * <p>The texts are those of the deployed decisions, so the cache stays small; past
 * {@link #EXPRESSIONS_KEPT} texts (many versions deployed without a restart) further ones are
 * parsed each time, as before.
 */
@Component
class FeelParsedOnce extends AbstractProcessEnginePlugin {

    static final int EXPRESSIONS_KEPT = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            return; // the legacy FEEL of JUEL expressions keeps its own cache of parsed expressions
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // Created when the DMN engine is built, after Camunda has handed the configuration its custom functions.
        dmn.setFeelEngineFactory(() -> new Engine(dmn.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** Camunda's Scala FEEL engine, evaluating kept parses. */
    static final class Engine extends ScalaFeelEngine {

        private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
        private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

        Engine(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
            VariableProvider variables = new ContextVariableWrapper(variableContext);
            return (T) evaluate(parsed(expressions, expression, feelEngine::parseExpression), variables);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
            // The tested value is named to the engine as Camunda names it (see ScalaFeelEngine).
            VariableProvider variables = new CompositeVariableProvider(toScalaList(
                    new StaticVariableProvider(new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME,
                            inputVariable)),
                    new ContextVariableWrapper(variableContext)));
            return BoxesRunTime.unboxToBoolean(
                    evaluate(parsed(unaryTests, expression, feelEngine::parseUnaryTests), variables));
        }

        int expressionsKept() {
            return expressions.size() + unaryTests.size();
        }

        private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> kept,
                String text, Function<String, Either<Failure, ParsedExpression>> parse) {
            Either<Failure, ParsedExpression> parsed = kept.get(text);
            if (parsed == null) {
                parsed = parse.apply(text);
                if (kept.size() < EXPRESSIONS_KEPT) {
                    kept.putIfAbsent(text, parsed);
                }
            }
            return parsed;
        }

        private Object evaluate(Either<Failure, ParsedExpression> parsed, VariableProvider variables) {
            Either<Failure, Object> result = parsed instanceof Right<Failure, ParsedExpression> right
                    ? feelEngine.eval(right.value(), new CustomContext() {
                        @Override
                        public VariableProvider variableProvider() {
                            return variables;
                        }
                    })
                    : new Left<>(((Left<Failure, ParsedExpression>) parsed).value());
            if (result instanceof Right<Failure, Object> value) {
                return value.value();
            }
            throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
        }
    }
}
