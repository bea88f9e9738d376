package cn.ola.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Camunda's full history, minus the detail rows ({@code ACT_HI_DETAIL}) of the variables given to a
 * process instance's own scope from outside its activities: the values a called process receives from
 * its caller, and those a case starts with. Each such value is kept in the variable's own history
 * ({@code ACT_HI_VARINST}) and, for a called process, in its caller's; a detail row would only repeat
 * it. They were about 110 of the 1,720 statements a case costs (docs/benchmarks.md).
 *
 * <p>Every detail written by an activity is kept: a task's completion, a decision, a message caught,
 * an officer's or a company's answer, a change made while the process waits in a task. The staff
 * timeline reads those (by the task's activity instance).
 */
@Component
class LeanVariableHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new Handler());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** Camunda's database history writer, with the detail rows of a process instance's given values left out. */
    static final class Handler extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return !givenToTheProcessInstance(event) && super.shouldWriteHistoricDetail(event);
        }

        /** Set in the process instance's own scope and by none of its activities (no activity instance, or its own). */
        static boolean givenToTheProcessInstance(HistoricVariableUpdateEventEntity event) {
            String processInstance = event.getProcessInstanceId();
            return processInstance != null && processInstance.equals(event.getExecutionId()) && event.getTaskId() == null
                    && (event.getActivityInstanceId() == null || processInstance.equals(event.getActivityInstanceId()));
        }
    }
}
