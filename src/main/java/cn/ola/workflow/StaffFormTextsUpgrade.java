package cn.ola.workflow;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At every start, gives the running process instances screened before {@link StaffFormTexts} their
 * texts for the staff forms: wherever a process holds the exchange or a screening reason but not its
 * text, the text is set beside it. A second start finds nothing to do; of two nodes starting at once,
 * the second to write a process finds it written (or ended) meanwhile.
 */
@Component
class StaffFormTextsUpgrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaffFormTextsUpgrade.class);

    private final RuntimeService runtime;
    private final StaffFormTexts texts;

    StaffFormTextsUpgrade(RuntimeService runtime, StaffFormTexts texts) {
        this.runtime = runtime;
        this.texts = texts;
    }

    @Override
    public void run(ApplicationArguments args) {
        int written = 0;
        for (VariableInstance exchange : runtime.createVariableInstanceQuery()
                .variableName(ProcessVariables.VENUE_EXCHANGE).list()) {
            String scope = exchange.getExecutionId();
            try {
                Map<String, Object> held = runtime.getVariablesLocal(scope);
                Map<String, Object> missing = new HashMap<>();
                texts.textsFor(held).forEach((name, text) -> {
                    if (!held.containsKey(name)) {
                        missing.put(name, text);
                    }
                });
                if (!missing.isEmpty()) {
                    runtime.setVariablesLocal(scope, missing);
                    written++;
                }
            } catch (OptimisticLockingException | NullValueException | org.camunda.bpm.engine.exception.NotFoundException movedOn) {
                // Ended, or written by another node, since the query.
            }
        }
        if (written > 0) {
            log.info("Gave {} running processes screened before this version the texts of the staff forms", written);
        }
    }
}
