package cn.ola.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    StaffFormTextsUpgrade(RuntimeService runtime, StaffFormTexts texts, JdbcClient jdbc) {
        this.runtime = runtime;
        this.texts = texts;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        int written = 0;
        // Found by one query, so that a start with every process up to date reads no process's variables.
        List<String> withoutTexts = jdbc.sql("""
                SELECT v.EXECUTION_ID_ FROM ACT_RU_VARIABLE v
                WHERE v.NAME_ = ? AND v.EXECUTION_ID_ IS NOT NULL AND v.TASK_ID_ IS NULL
                  AND NOT EXISTS (SELECT 1 FROM ACT_RU_VARIABLE t WHERE t.EXECUTION_ID_ = v.EXECUTION_ID_ AND t.NAME_ = ?)""")
                .params(ProcessVariables.VENUE_EXCHANGE, ProcessVariables.VENUE_EXCHANGE + StaffFormTexts.TEXT_SUFFIX)
                .query(String.class).list();
        for (String scope : withoutTexts) {
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
            } catch (OptimisticLockingException | NullValueException | NotFoundException movedOn) {
                // Ended, or written by another node, since the query.
            }
        }
        if (written > 0) {
            log.info("Gave {} running processes screened before this version the texts of the staff forms", written);
        }
    }
}
