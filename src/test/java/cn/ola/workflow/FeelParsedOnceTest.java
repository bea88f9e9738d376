package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FEEL engine that keeps each expression's parse gives what Camunda's own gives: every decision of
 * the screening file on every case of its table tests, the first time and again from the kept parses;
 * the same errors for expressions that do not parse or cannot be evaluated; and the process engine
 * evaluates its decisions with it.
 */
class FeelParsedOnceTest {

    private static final String BROKEN = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="broken" name="broken" namespace="test">
              <decision id="unparsable-test" name="unparsable test">
                <decisionTable>
                  <input id="in1"><inputExpression id="ie1" typeRef="integer"><text>x</text></inputExpression></input>
                  <output id="out1" name="size" typeRef="string"/>
                  <rule id="r1"><inputEntry id="e1"><text>&lt; &lt; 10</text></inputEntry>
                    <outputEntry id="o1"><text>"small"</text></outputEntry></rule>
                </decisionTable>
              </decision>
              <decision id="unknown-function" name="unknown function">
                <decisionTable>
                  <input id="in2"><inputExpression id="ie2" typeRef="integer"><text>x</text></inputExpression></input>
                  <output id="out2" name="size" typeRef="string"/>
                  <rule id="r2"><inputEntry id="e2"><text>-</text></inputEntry>
                    <outputEntry id="o2"><text>no such function(x)</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    static DmnEngine camundas;
    static DmnEngine parsedOnce;
    static FeelParsedOnce.Engine feel;

    @BeforeAll
    static void buildBothEngines() {
        camundas = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        feel = new FeelParsedOnce.Engine(null);
        DefaultDmnEngineConfiguration ours = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        ours.setFeelEngineFactory(() -> feel);
        parsedOnce = ours.buildEngine();
    }

    @Test
    void everyScreeningDecisionGivesCamundasResultOnEveryCaseFirstAndFromTheKeptParses() throws Exception {
        List<DmnDecision> ofCamunda = decisions(camundas);
        List<DmnDecision> ofOurs = decisions(parsedOnce);
        List<ListingScreeningDecisionTest.Case> cases = ListingScreeningDecisionTest.allCases().toList();
        assertThat(ofCamunda).hasSize(8);
        assertThat(cases).hasSizeGreaterThan(40);
        for (int round = 1; round <= 2; round++) {
            for (ListingScreeningDecisionTest.Case c : cases) {
                for (int d = 0; d < ofCamunda.size(); d++) {
                    Map<String, Object> facts = c.facts();
                    DmnDecision camundasDecision = ofCamunda.get(d);
                    DmnDecision ourDecision = ofOurs.get(d);
                    Object expected = resultOrError(() -> camundas.evaluateDecision(camundasDecision, Variables.fromMap(facts))
                            .getResultList());
                    Object actual = resultOrError(() -> parsedOnce.evaluateDecision(ourDecision, Variables.fromMap(facts))
                            .getResultList());
                    assertThat(actual).as("round %d, %s, decision %s", round, c, ofCamunda.get(d).getKey()).isEqualTo(expected);
                }
            }
            if (round == 1) {
                assertThat(feel.expressionsKept()).as("the parses kept after the first round").isGreaterThan(50);
            }
        }
        int kept = feel.expressionsKept();
        decisions(parsedOnce).forEach(decision -> parsedOnce.evaluateDecision(decision,
                Variables.fromMap(cases.get(0).facts())));
        assertThat(feel.expressionsKept()).as("a second parse of the file brings no new texts").isEqualTo(kept);
    }

    @Test
    void anExpressionThatDoesNotParseOrCannotBeEvaluatedFailsAsInCamundasEveryTime() {
        for (String key : List.of("unparsable-test", "unknown-function")) {
            Throwable expected = catchThrowable(() -> camundas.evaluateDecision(key, broken(), Variables.putValue("x", 5)));
            assertThat(expected).as(key).isInstanceOf(FeelException.class);
            for (int time = 1; time <= 2; time++) {
                assertThatThrownBy(() -> parsedOnce.evaluateDecision(key, broken(), Variables.putValue("x", 5)))
                        .as("%s, time %d", key, time).isInstanceOf(FeelException.class).hasMessage(expected.getMessage());
            }
        }
    }

    @Test
    void theProcessEngineEvaluatesItsDecisionsWithIt() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration().setJdbcUrl("jdbc:h2:mem:feel-parsed-once;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("feel-parsed-once");
        configuration.setProcessEnginePlugins(List.of(new FeelParsedOnce()));
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addClasspathResource(ListingScreeningDecisionTest.FILE).deploy();
            assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(FeelParsedOnce.Engine.class);
            FeelParsedOnce.Engine inUse = (FeelParsedOnce.Engine) configuration.getDmnEngineConfiguration().getFeelEngine();
            ListingScreeningDecisionTest.Case c = ListingScreeningDecisionTest.allCases().findFirst().orElseThrow();
            Object first = engine.getDecisionService().evaluateDecisionByKey(c.decision()).variables(c.facts()).evaluate()
                    .getResultList();
            int kept = inUse.expressionsKept();
            Object again = engine.getDecisionService().evaluateDecisionByKey(c.decision()).variables(c.facts()).evaluate()
                    .getResultList();
            assertThat(kept).isPositive();
            assertThat(inUse.expressionsKept()).isEqualTo(kept);
            assertThat(again).isEqualTo(first);
        } finally {
            engine.close();
        }
    }

    private static List<DmnDecision> decisions(DmnEngine dmn) throws Exception {
        try (InputStream file = FeelParsedOnceTest.class.getClassLoader().getResourceAsStream(ListingScreeningDecisionTest.FILE)) {
            return dmn.parseDecisions(file);
        }
    }

    private static InputStream broken() {
        return new ByteArrayInputStream(BROKEN.getBytes(StandardCharsets.UTF_8));
    }

    private static Object resultOrError(Supplier<Object> evaluation) {
        try {
            return evaluation.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
