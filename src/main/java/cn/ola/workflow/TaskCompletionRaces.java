package cn.ola.workflow;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.HistoricIdentityLinkLogQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Tells a task completion that lost a race from a real failure. Of two completions of one task
 * at the same moment (a double click, two colleagues, a boundary timer) only one can commit; the
 * engine's optimistic locking refuses the other when it writes. But under READ COMMITTED the
 * other often fails before it gets there: it finds the task gone already, or reads a mix of the
 * states before and after the winner's commit (a variable the winner moved on, an execution it
 * ended). The engine would log that as an error (ENGINE-16004) and its REST API answer 500.
 *
 * <p>So when a completion fails and a fresh look (in a transaction of its own) shows the task
 * completed, cancelled or changed by another transaction since this one read it, the failure is
 * reported as the {@link OptimisticLockingException} it is: the engine logs those at DEBUG, its
 * REST API answers 409 (see {@code EngineRestConflicts}), our facade says the case has moved on.
 * Any other failure, and every failure of a task that stands unchanged, passes as it was.
 */
class TaskCompletionRaces extends CommandInterceptor {

    /** The commands that complete a task, and where each keeps the task's id (they have no getter). */
    static final Map<Class<?>, Field> TASK_IDS = Map.of(
            CompleteTaskCmd.class, taskIdField(CompleteTaskCmd.class),
            SubmitTaskFormCmd.class, taskIdField(SubmitTaskFormCmd.class));

    @Override
    public <T> T execute(Command<T> command) {
        Field taskIdField = TASK_IDS.get(command.getClass());
        if (taskIdField == null) {
            return next.execute(command);
        }
        try {
            return next.execute(command);
        } catch (OptimisticLockingException | BadUserRequestException notAnError) {
            throw notAnError;
        } catch (RuntimeException failed) {
            String taskId = taskIdOf(command, taskIdField);
            // The winner also removes the task's own grants: the loser may be refused for want of them.
            boolean refused = failed instanceof AuthorizationException;
            if (taskId != null && changedMeanwhile(taskId, refused)) {
                throw new OptimisticLockingException("Task " + taskId + " was completed or ended by another transaction "
                        + "at the same moment (a second click, a colleague, or the case moving on); nothing was changed.",
                        failed);
            }
            throw failed;
        }
    }

    /**
     * Whether the task is gone and ended in the history, or has another revision than this command
     * read. Where the engine checks authorizations, a task gone counts only for a user who was its
     * assignee or candidate (by user or group) while it was open, so that the answer tells nobody
     * else that it existed; a refusal of a task still there stays a refusal.
     */
    private static boolean changedMeanwhile(String taskId, boolean refused) {
        CommandContext current = Context.getCommandContext();
        TaskEntity read = current == null ? null : current.getDbEntityManager().getCachedEntity(TaskEntity.class, taskId);
        Integer readRevision = read == null ? null : read.getRevision();
        Authentication user = current == null || !current.isAuthorizationCheckEnabled() ? null : current.getAuthentication();
        ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
        TaskNow now = engine.getCommandExecutorTxRequiresNew().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task != null) {
                return new TaskNow(task.getRevision(), false, false);
            }
            HistoricTaskInstanceEntity past = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
            boolean ended = past != null && past.getEndTime() != null;
            return new TaskNow(null, ended, ended && (user == null || involved(context, taskId, user)));
        });
        if (now.revision() == null) {
            return now.ended() && now.mayKnow();
        }
        return !refused && readRevision != null && !readRevision.equals(now.revision());
    }

    private static boolean involved(CommandContext context, String taskId, Authentication user) {
        if (user.getUserId() == null) {
            return false;
        }
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        context.disableAuthorizationCheck();
        try {
            return context.getHistoricIdentityLinkManager()
                    .findHistoricIdentityLinkLogByQueryCriteria(
                            (HistoricIdentityLinkLogQueryImpl) new HistoricIdentityLinkLogQueryImpl().taskId(taskId), null)
                    .stream().anyMatch(link -> user.getUserId().equals(link.getUserId())
                            || link.getGroupId() != null && groups.contains(link.getGroupId()));
        } finally {
            context.enableAuthorizationCheck();
        }
    }

    /** The task as it stands now: its revision if open, else whether it ended and the user may learn so. */
    private record TaskNow(Integer revision, boolean ended, boolean mayKnow) {
    }

    private static String taskIdOf(Command<?> command, Field field) {
        try {
            return (String) field.get(command);
        } catch (IllegalAccessException unreadable) {
            return null;
        }
    }

    private static Field taskIdField(Class<?> command) {
        try {
            Field field = command.getDeclaredField("taskId");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException renamed) {
            throw new IllegalStateException(command.getName() + " no longer keeps a taskId field: "
                    + "TaskCompletionRaces must be adapted to this Camunda version", renamed);
        }
    }
}
