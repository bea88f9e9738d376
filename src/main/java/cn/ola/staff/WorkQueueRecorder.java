package cn.ola.staff;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ola.ops.StartupLock;
import cn.ola.security.Roles;

/**
 * Keeps the {@link WorkQueue} in step with the engine: a built-in listener on every user task of
 * every model writes the task's rows when it is created and whenever it changes (claimed, delegated,
 * a candidate group added or removed, a new due date: the engine's {@code assignment} and
 * {@code update} events), and removes them when it is completed or deleted (also when a case is
 * withdrawn or a process instance is cancelled in Cockpit: built-in listeners are never skipped).
 * All of it in the transaction of the engine's command, so the queue never shows a task the engine
 * has not committed.
 *
 * <p>At every start, the tasks the listeners could not have seen are caught up: tasks opened before
 * this version, and tasks whose step or assignee changed without an event (a process instance
 * migrated in Cockpit to a model version where the task has another id); rows of tasks that are
 * gone are removed.
 */
@Component
class WorkQueueRecorder extends AbstractProcessEnginePlugin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorkQueueRecorder.class);

    private final ObjectProvider<WorkQueue> queue;
    private final ObjectProvider<ProcessEngine> engine;
    private final ObjectProvider<JdbcClient> jdbc;
    private final ObjectProvider<StartupLock> startupLock;

    WorkQueueRecorder(ObjectProvider<WorkQueue> queue, ObjectProvider<ProcessEngine> engine, ObjectProvider<JdbcClient> jdbc,
            ObjectProvider<StartupLock> startupLock) {
        this.queue = queue;
        this.engine = engine;
        this.jdbc = jdbc;
        this.startupLock = startupLock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener recordNew = task -> queue.getObject().recordNew(task);
        TaskListener record = task -> queue.getObject().record(task);
        TaskListener forget = task -> queue.getObject().forget(task.getId());
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, recordNew);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, record);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, record);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, forget);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, forget);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.getObject().inTurn(this::catchUp);
    }

    /** Records the open tasks the queue misses or has out of date, and forgets those that are gone. */
    void catchUp() {
        JdbcClient sql = jdbc.getObject();
        int gone = sql.sql("DELETE FROM work_queue WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t WHERE t.ID_ = work_queue.task_id)")
                .update();
        // Missing: a case's task someone on the staff may see (a company's task has no rows, and stays out).
        List<String> stale = sql.sql("""
                SELECT t.ID_ FROM ACT_RU_TASK t
                WHERE t.PROC_INST_ID_ IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM work_queue q WHERE q.task_id = t.ID_)
                  AND (t.ASSIGNEE_ IS NOT NULL OR EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK i
                      WHERE i.TASK_ID_ = t.ID_ AND i.TYPE_ = 'candidate'
                        AND (i.USER_ID_ IS NOT NULL OR i.GROUP_ID_ NOT LIKE ?)))
                UNION
                SELECT q.task_id FROM work_queue q JOIN ACT_RU_TASK t ON t.ID_ = q.task_id
                WHERE t.TASK_DEF_KEY_ <> q.task_key OR COALESCE(t.ASSIGNEE_, '') <> COALESCE(q.assignee, '')""")
                .param(Roles.COMPANY_PREFIX + "%").query(String.class).list();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getObject()
                .getProcessEngineConfiguration();
        int recorded = 0;
        for (String taskId : stale) {
            Boolean done = configuration.getCommandExecutorTxRequired().execute(context -> {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task == null) {
                    queue.getObject().forget(taskId);
                    return false;
                }
                return queue.getObject().record(task);
            });
            recorded += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        if (gone > 0 || recorded > 0) {
            log.info("Work queue caught up with the engine: {} rows of closed tasks removed, {} open tasks recorded",
                    gone, recorded);
        }
    }
}
