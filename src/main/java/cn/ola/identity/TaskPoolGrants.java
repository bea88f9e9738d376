package cn.ola.identity;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ola.ops.StartupLock;

/**
 * At every start: the grant of each pooled group on each of its definitions ({@link TaskPools}),
 * then the removal of the rows per task those grants now cover: rows written before the grants
 * existed, by an earlier version, for tasks still open. Both steps can run again, and on two
 * nodes at once, without changing anything the second time.
 *
 * <p>Only rows exactly as Camunda's default provider writes them are removed (read and the
 * default task right, nothing an administrator added): a candidate group's rows on the tasks of
 * its pooled definitions, and the rows of assignees and candidate users who belong to such a
 * group.
 */
@Component
@Order(2)
class TaskPoolGrants implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskPoolGrants.class);

    /** Camunda's numbers for a grant and for the task resource in ACT_RU_AUTHORIZATION. */
    private static final int GRANT = Authorization.AUTH_TYPE_GRANT;
    private static final int TASK = Resources.TASK.resourceType();

    private static final String TASKS_OF_DEFINITION = "SELECT T.ID_ FROM ACT_RU_TASK T "
            + "INNER JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_ WHERE D.KEY_ = ?";

    private final AuthorizationService authorizations;
    private final JdbcClient jdbc;
    private final int defaultTaskRow;
    private final boolean enabled;
    private final StartupLock startupLock;

    TaskPoolGrants(AuthorizationService authorizations, JdbcClient jdbc, ProcessEngine engine,
            @Value("${ola.authorization.task-pools:true}") boolean enabled, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.authorizations = authorizations;
        this.jdbc = jdbc;
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.defaultTaskRow = Permissions.READ.getValue() | configuration.getDefaultUserPermissionForTask().getValue();
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.inTurn(this::poolAll);
    }

    private void poolAll() {
        if (!enabled) {
            return;
        }
        int removed = 0;
        for (Map.Entry<String, Set<String>> pool : TaskPools.POOLED.entrySet()) {
            for (String definitionKey : pool.getValue()) {
                ensureGrant(pool.getKey(), definitionKey);
                removed += removeCoveredRows(pool.getKey(), definitionKey);
            }
        }
        if (removed > 0) {
            log.info("Removed {} task authorization rows that the pooled groups' definition grants cover", removed);
        }
    }

    int removeCoveredRows(String groupId, String definitionKey) {
        int groupRows = jdbc.sql("DELETE FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = ? AND RESOURCE_TYPE_ = ? AND GROUP_ID_ = ? "
                + "AND PERMS_ = ? AND RESOURCE_ID_ IN (" + TASKS_OF_DEFINITION + ")")
                .params(GRANT, TASK, groupId, defaultTaskRow, definitionKey).update();
        int userRows = jdbc.sql("DELETE FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = ? AND RESOURCE_TYPE_ = ? AND USER_ID_ IS NOT NULL "
                + "AND PERMS_ = ? AND RESOURCE_ID_ IN (" + TASKS_OF_DEFINITION + ") "
                + "AND USER_ID_ IN (SELECT M.USER_ID_ FROM ACT_ID_MEMBERSHIP M WHERE M.GROUP_ID_ = ?)")
                .params(GRANT, TASK, defaultTaskRow, definitionKey, groupId).update();
        return groupRows + userRows;
    }

    private void ensureGrant(String groupId, String definitionKey) {
        Authorization grant = existing(groupId, definitionKey);
        boolean complete = grant != null && java.util.Arrays.stream(TaskPools.PERMISSIONS).allMatch(grant::isPermissionGranted);
        if (complete) {
            return;
        }
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId(definitionKey);
        }
        for (Permission permission : TaskPools.PERMISSIONS) {
            grant.addPermission(permission);
        }
        try {
            authorizations.saveAuthorization(grant);
        } catch (ProcessEngineException raced) {
            // Another node starting at the same moment saved the same grant first.
            if (existing(groupId, definitionKey) == null) {
                throw raced;
            }
        }
    }

    private Authorization existing(String groupId, String definitionKey) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(definitionKey).singleResult();
    }
}
