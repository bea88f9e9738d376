package cn.ola.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations for tasks, minus the rows a definition grant already covers.
 * By default the engine writes one authorization row per task for each candidate group and for
 * the assignee, and its task query joins them with an OR that no index serves: a group's task
 * list then costs about the square of its open tasks. A group that holds a grant on the task's
 * process definition key (or on every definition) with the rights such a row would give it sees
 * and works the task through that grant, so no row is written for it; the same holds for an
 * assignee or candidate user who has such a grant directly or through one of their groups.
 *
 * <p>Fails closed: whenever the grant is not there (a new model, a group named by an expression,
 * a need-to-know group, a grant an administrator removed), the task gets its row as before, so a
 * task is never hidden from the group it is offered to. Which groups get grants is decided in
 * {@link TaskPools}, not here.
 */
final class PooledTaskAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (groupId != null && grantCovers(task, null, groupId)) {
            return null;
        }
        return super.newTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        if (userId != null && userCovered(task, userId)) {
            return null;
        }
        return super.newTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        if (newAssignee != null && userCovered(task, newAssignee)) {
            return null;
        }
        return super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        if (newOwner != null && userCovered(task, newOwner)) {
            return null;
        }
        return super.newTaskOwner(task, oldOwner, newOwner);
    }

    private boolean userCovered(Task task, String userId) {
        if (definitionKey(task) == null) {
            return false;
        }
        if (grantCovers(task, userId, null)) {
            return true;
        }
        CommandContext command = Context.getCommandContext();
        List<Group> groups = command.runWithoutAuthorization(
                () -> command.getReadOnlyIdentityProvider().createGroupQuery().groupMember(userId).list());
        return groups.stream().anyMatch(group -> grantCovers(task, null, group.getId()));
    }

    /** Whether the user's or group's grant on the task's definition gives what a row per task would. */
    private boolean grantCovers(Task task, String userId, String groupId) {
        String key = definitionKey(task);
        if (key == null) {
            return false;
        }
        return covers(grant(userId, groupId, key)) || covers(grant(userId, groupId, Authorization.ANY));
    }

    private AuthorizationEntity grant(String userId, String groupId, String definitionKey) {
        return getAuthorizationManager().findAuthorization(AUTH_TYPE_GRANT, userId, groupId, Resources.PROCESS_DEFINITION,
                definitionKey);
    }

    private boolean covers(AuthorizationEntity grant) {
        return grant != null && grant.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK)
                && grant.isPermissionGranted(taskWorkOnDefinition());
    }

    /** The definition-level twin of the right a task row gives besides reading (update by default, or task work). */
    private Permission taskWorkOnDefinition() {
        Permission onTask = getDefaultUserPermissionForTask();
        return TaskPermissions.TASK_WORK.equals(onTask) ? ProcessDefinitionPermissions.TASK_WORK
                : Permissions.UPDATE.equals(onTask) ? ProcessDefinitionPermissions.UPDATE_TASK : Permissions.ALL;
    }

    private static String definitionKey(Task task) {
        if (task.getProcessDefinitionId() == null) {
            return null;
        }
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        ProcessDefinitionEntity definition = configuration.getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
        return definition == null ? null : definition.getKey();
    }
}
