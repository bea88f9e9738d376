package cn.ola.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Creates users and groups in Camunda's identity store, leaving existing ones as they are. */
@Service
public class Accounts {

    public static final String STAFF_GROUP_TYPE = "WORKFLOW";
    public static final String SYSTEM_GROUP_TYPE = "SYSTEM";

    private final IdentityService identity;

    Accounts(IdentityService identity) {
        this.identity = identity;
    }

    public void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /** Creates the user if it does not exist yet (the password is hashed by Camunda) and adds it to the group. */
    public void ensureUser(String id, String firstName, String lastName, String email, String password, String groupId) {
        if (identity.createUserQuery().userId(id).singleResult() == null) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(id, groupId);
        }
    }

    public boolean anyMemberOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).count() > 0;
    }
}
