package cn.ola.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Completes a staff task of a case as the named user would in Tasklist: signed in as that user
 * with Camunda authorizations, the task offered to the user's group, claimed, then completed.
 */
public final class StaffTasks {

    private final TaskService tasks;
    private final IdentityService identity;

    public StaffTasks(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    public void completeAs(String user, String group, String businessKey, String taskKey, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                    .taskDefinitionKey(taskKey).taskCandidateGroup(group).list();
            assertThat(open).as(taskKey + " for " + group).hasSize(1);
            tasks.claim(open.get(0).getId(), user);
            tasks.complete(open.get(0).getId(), new HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
    }
}
