package cn.ola.staff;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import cn.ola.security.Roles;
import cn.ola.workflow.CaseTaskNames;
import cn.ola.workflow.Deadlines;

/** The tasks a case waits for, in every process of the case, with the groups that may take them. */
@Service
class OpenTasks {

    private final TaskService tasks;

    OpenTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    record OpenTask(String id, String name, String taskDefinitionKey, String processInstanceId, ZonedDateTime created,
            ZonedDateTime due, String assignee, List<String> candidateGroups) {

        /** Tasks of the applicant company are answered in the portal, not in Tasklist. */
        public boolean forApplicant() {
            return !candidateGroups.isEmpty() && candidateGroups.stream().allMatch(Roles::isCompanyGroup);
        }
    }

    List<OpenTask> of(String number) {
        List<OpenTask> open = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(number).orderByTaskCreateTime().asc().list()) {
            List<String> groups = new ArrayList<>();
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
            open.add(new OpenTask(task.getId(), CaseTaskNames.step(task.getName()), task.getTaskDefinitionKey(),
                    task.getProcessInstanceId(), task.getCreateTime().toInstant().atZone(Deadlines.BEIJING),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant().atZone(Deadlines.BEIJING),
                    task.getAssignee(), groups));
        }
        return open;
    }
}
