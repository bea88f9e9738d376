package cn.ola.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda's full history, minus rows that only repeat what the history already holds, or that record no
 * decision on a case:
 * <ul>
 * <li>the detail rows ({@code ACT_HI_DETAIL}) of the variables given to a process instance's own scope
 * from outside its activities: the values a called process receives from its caller, and those a case
 * starts with;</li>
 * <li>the variable history rows ({@code ACT_HI_VARINST}) of the values a called process receives from its
 * caller ({@code camunda:in}): copies of the caller's variables, whose history (with every change an
 * activity made) is the caller's;</li>
 * <li>the variable history rows of the values a case starts with ({@link CaseVariables#NAMES}: its number, its
 * company and the filed facts its models and forms read): copies of the application as filed and of its
 * company, which keep them (a value changed later, by the company's report or in Cockpit, gets its row then,
 * as below). Other processes' start values keep theirs: they may be the only record;</li>
 * <li>the decision history of the draft's document checklist ({@link RequiredDocuments}, evaluated outside
 * any process whenever the portal shows a draft's documents or checks a submission): a preview for the
 * company, seven decision instances with their inputs and outputs each time, which would bury the case's
 * own screening in Cockpit's decision history. The screening that decides a case (the same decisions, in
 * the case's business rule task) keeps its history, as does any other decision evaluated from outside.</li>
 * <li>the activity history ({@code ACT_HI_ACTINST}) of the exclusive, inclusive and parallel gateways a case
 * passes: a gateway decides nothing of its own (the route it sent the case on is the activity history of the
 * activities after it, the data it went by the variables' history) and about 40% of a case's activity rows were
 * gateways. Every other activity keeps its row: tasks, events (a deadline that passed, a message that came,
 * the end a process reached), called processes, sub-processes, decisions, the event-based gateway a case
 * waits in.</li>
 * </ul>
 * The first two were about 170 statements per case, a tenth of what a case cost (docs/benchmarks.md).
 *
 * <p>Every detail written by an activity is kept: a task's completion, a decision, a message caught,
 * an officer's or a company's answer, a change made while the process waits in a task. The staff
 * timeline reads those (by the task's activity instance). A given value that an activity of the called
 * process changes gets its variable history row then, with the new value (Camunda's handler writes the
 * row of an update it finds none for), so the called process's history shows what it changed.
 */
@Component
class LeanHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new Handler());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /**
     * Camunda's database history writer, with the detail rows of a process instance's given values, the
     * variable history rows of a called process's inputs and of a case's start values, the draft checklist's
     * decisions and the activity rows of the gateways a process passes left out.
     */
    static final class Handler extends DbHistoryEventHandler {

        /** The activities a case passes through whose history is not written. */
        static final Set<String> PASSED_THROUGH = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_INCLUSIVE,
                ActivityTypes.GATEWAY_PARALLEL);

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricActivityInstanceEventEntity activity
                    && PASSED_THROUGH.contains(activity.getActivityType())) {
                return;
            }
            super.handleEvent(event);
        }

        @Override
        protected void insertHistoricDecisionEvaluationEvent(HistoricDecisionEvaluationEvent event) {
            if (!draftChecklist(event.getRootHistoricDecisionInstance())) {
                super.insertHistoricDecisionEvaluationEvent(event);
            }
        }

        /** The document checklist, evaluated outside any process or case (the portal's, for a draft). */
        static boolean draftChecklist(HistoricDecisionInstanceEntity root) {
            return RequiredDocuments.DECISION.equals(root.getDecisionDefinitionKey()) && root.getProcessInstanceId() == null
                    && root.getCaseInstanceId() == null;
        }

        @Override
        protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
            if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                    && (givenByTheCaller(event) || filedWithTheCase(event))) {
                return;
            }
            super.insertHistoricVariableUpdateEntity(event);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return !givenToTheProcessInstance(event) && super.shouldWriteHistoricDetail(event);
        }

        /** Given to a called process (one with a root process instance other than itself) by its caller. */
        static boolean givenByTheCaller(HistoricVariableUpdateEventEntity event) {
            String root = event.getRootProcessInstanceId();
            return givenToTheProcessInstance(event) && root != null && !root.equals(event.getProcessInstanceId());
        }

        /**
         * A case's start value ({@link CaseVariables#NAMES}): a copy of what the application and its company hold. The
         * screening's results and everything else the case sets as it starts (its deadlines, the staff forms' texts)
         * keep their rows.
         */
        static boolean filedWithTheCase(HistoricVariableUpdateEventEntity event) {
            return CaseWorkflow.PROCESS_KEY.equals(event.getProcessDefinitionKey())
                    && CaseVariables.NAMES.contains(event.getVariableName()) && givenToTheProcessInstance(event);
        }

        /**
         * Set in the process instance's own scope, by none of its activities (no activity instance, or its own),
         * by the command that starts it. A value set later from outside (in Cockpit, say, while the process waits
         * in a task with a deadline, where the instance itself is in no activity) is not given: it keeps its rows.
         */
        static boolean givenToTheProcessInstance(HistoricVariableUpdateEventEntity event) {
            String processInstance = event.getProcessInstanceId();
            return processInstance != null && processInstance.equals(event.getExecutionId()) && event.getTaskId() == null
                    && (event.getActivityInstanceId() == null || processInstance.equals(event.getActivityInstanceId()))
                    && startedByThisCommand(processInstance);
        }

        /** Whether the process instance is new in this command: not yet written to the database. */
        private static boolean startedByThisCommand(String processInstanceId) {
            CommandContext command = Context.getCommandContext();
            if (command == null) {
                return false;
            }
            DbEntityManager entities = command.getDbEntityManager();
            ExecutionEntity instance = entities.getCachedEntity(ExecutionEntity.class, processInstanceId);
            return instance != null && entities.getDbEntityCache().isTransient(instance);
        }
    }
}
