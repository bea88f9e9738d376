package cn.ola.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model is named with its case when it is created ({@link CaseTaskNames}),
 * so that Tasklist's list says which case a task is for.
 *
 * <p>Why not the variables a Tasklist filter can show: the filter's list embeds a variable only
 * if the user may read it through a variable-instance query, which asks for read access to the
 * process instance (READ on it, or READ_INSTANCE on its definition) or, for a task's own
 * variables, READ on the task. Pooled staff read their tasks through a grant on the definition
 * that gives neither (they do not list process instances), and the case's number and company are
 * process variables, so the filter's list shows them to administrators only.
 *
 * <p>A built-in listener, so it runs before the models' own listeners and also where those are
 * skipped (a process instance modification in Cockpit).
 */
@Component
class CaseTaskNamesPlugin extends AbstractProcessEnginePlugin {

    static final TaskListener SAY_WHICH_CASE = CaseTaskNamesPlugin::sayWhichCase;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, SAY_WHICH_CASE);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Names the task with its case, if the task knows the case's number and is not named with it yet. */
    static void sayWhichCase(DelegateTask task) {
        Object number = task.getVariable(ProcessVariables.APPLICATION_NUMBER);
        if (number == null || task.getName() == null || CaseTaskNames.namesTheCase(task.getName())) {
            return;
        }
        Object company = task.getVariable(ProcessVariables.COMPANY_NAME);
        task.setName(CaseTaskNames.of(task.getName(), number.toString(), company == null ? null : company.toString()));
    }
}
