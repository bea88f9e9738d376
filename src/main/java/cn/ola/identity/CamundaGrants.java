package cn.ola.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.ola.ops.StartupLock;
import cn.ola.security.Roles;
import cn.ola.workflow.MemberAgencies;

/**
 * The Camunda authorizations every installation needs. Staff groups are open-ended (an agency
 * or regulator added in Camunda Admin must work at once), so Tasklist access and read access to
 * the process definitions are granted to every signed-in user; who may open the Camunda apps at
 * all is decided before that by the URL rules (company users never get there), and which tasks a
 * user sees follows from the tasks' candidate groups.
 */
@Component
@Order(1)
class CamundaGrants implements ApplicationRunner {

    static final String TASKLIST = "tasklist";

    private final AuthorizationService authorizations;
    private final Accounts accounts;
    private final StartupLock startupLock;

    CamundaGrants(AuthorizationService authorizations, Accounts accounts, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.authorizations = authorizations;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.inTurn(this::grantAll);
    }

    private void grantAll() {
        ensureStaffGroups();
        for (Resource resource : Resources.values()) {
            grantGroup(Roles.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        grantEveryone(Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grantEveryone(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        grantEveryone(Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
    }

    /** The groups the models address by name, so that tasks never go to a group nobody can join. */
    private void ensureStaffGroups() {
        accounts.ensureGroup(Roles.CAMUNDA_ADMIN, "Process administrators", Accounts.SYSTEM_GROUP_TYPE);
        accounts.ensureGroup(Roles.CRO_REVIEWER, "Cybersecurity Review Office reviewers", Accounts.STAFF_GROUP_TYPE);
        accounts.ensureGroup(Roles.CSRC_OFFICER, "CSRC filing officers", Accounts.STAFF_GROUP_TYPE);
        accounts.ensureGroup(Roles.SUPERVISOR, "Supervisors", Accounts.STAFF_GROUP_TYPE);
        for (MemberAgencies.Agency agency : MemberAgencies.Agency.values()) {
            accounts.ensureGroup(Roles.MEMBER_AGENCY_PREFIX + agency.code(), "Member agency: " + agency.englishName(),
                    Accounts.STAFF_GROUP_TYPE);
        }
    }

    private void grantEveryone(Resource resource, String resourceId, Permission permission) {
        boolean exists = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).hasPermission(permission).count() > 0;
        if (!exists) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            grant.setUserId(Authorization.ANY);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
            grant.addPermission(permission);
            authorizations.saveAuthorization(grant);
        }
    }

    private void grantGroup(String groupId, Resource resource, String resourceId, Permission permission) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).hasPermission(permission).count() > 0;
        if (!exists) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
            grant.addPermission(permission);
            authorizations.saveAuthorization(grant);
        }
    }
}
