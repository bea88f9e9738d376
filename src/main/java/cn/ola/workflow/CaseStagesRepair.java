package cn.ola.workflow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import cn.ola.filing.CaseProgress;
import cn.ola.filing.Stages;
import cn.ola.ops.StartupLock;

/**
 * At every start, sets right the stages of running cases inside the regulatory checks from the
 * check processes that run now. Cases carried over from the single stage column stood only in the
 * check entered last; check processes started before their end listener existed do not take their
 * stage away when they end. Cases whose stages agree with the engine are left alone, so a second
 * start changes nothing.
 */
@Component
class CaseStagesRepair implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CaseStagesRepair.class);

    private final RuntimeService runtime;
    private final CaseProgress progress;
    private final CaseRecord caseRecord;
    private final StartupLock startupLock;

    CaseStagesRepair(RuntimeService runtime, CaseProgress progress, CaseRecord caseRecord, StartupLock startupLock) {
        this.runtime = runtime;
        this.progress = progress;
        this.caseRecord = caseRecord;
        this.startupLock = startupLock;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.inTurn(this::repair);
    }

    /** The number of cases whose stages were set right. */
    int repair() {
        Map<String, Set<String>> checksByCase = new HashMap<>();
        for (CaseModel model : CaseModel.values()) {
            if (!model.isParallelCheck()) {
                continue;
            }
            String stage = model.stage().orElseThrow().name();
            for (ProcessInstance check : runtime.createProcessInstanceQuery().processDefinitionKey(model.key()).list()) {
                if (check.getBusinessKey() != null) {
                    checksByCase.computeIfAbsent(check.getBusinessKey(), number -> new HashSet<>()).add(stage);
                }
            }
        }
        if (checksByCase.isEmpty()) {
            return 0;
        }
        // The open cases' stages in one read: a start where every case agrees issues no query per case.
        Map<String, CaseProgress.OpenCase> open = progress.openCases();
        int repaired = 0;
        for (Map.Entry<String, Set<String>> theCase : checksByCase.entrySet()) {
            CaseProgress.OpenCase openCase = open.get(theCase.getKey());
            if (openCase != null && !Stages.withChecksUnderWay(openCase.stages(), theCase.getValue()).equals(openCase.stages())
                    && caseRecord.correctChecks(openCase.id(), theCase.getValue())) {
                repaired++;
            }
        }
        if (repaired > 0) {
            log.info("Set right the stages of {} running cases from the regulatory checks under way", repaired);
        }
        return repaired;
    }
}
