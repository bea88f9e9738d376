package cn.ola.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import cn.ola.company.Company;
import cn.ola.filing.ApplicationNumber;

/**
 * What the processes that run beside a listed case (a material event, a subsequent offering) share:
 * they start under the case's application number with the company's group and name, and ask the
 * company through {@code supplementary-materials}, whose open requests are found by the process
 * that called them.
 */
@Component
class ProcessesBesideTheCase {

    private final RuntimeService runtime;
    private final TaskService tasks;

    ProcessesBesideTheCase(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** Starts the process in the caller's transaction with the case's variables and its own; its process instance id. */
    String start(String processKey, ApplicationNumber number, Company company, Map<String, Object> own) {
        Map<String, Object> variables = new HashMap<>(own);
        variables.put(ProcessVariables.APPLICATION_NUMBER, number.toString());
        variables.put(ProcessVariables.COMPANY_GROUP, company.groupId());
        variables.put(ProcessVariables.COMPANY_NAME, company.nameZh());
        return runtime.startProcessInstanceByKey(processKey, number.toString(), variables).getId();
    }

    /** The ids of the open requests to the company raised by this process instance (its calls of supplementary-materials). */
    Set<String> openRequestTaskIds(String processInstanceId) {
        if (processInstanceId == null) {
            return Set.of();
        }
        List<String> called = runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list().stream()
                .map(ProcessInstance::getId).toList();
        if (called.isEmpty()) {
            return Set.of();
        }
        return tasks.createTaskQuery().processInstanceIdIn(called.toArray(String[]::new))
                .taskDefinitionKey(ApplicantAction.SUPPLY_MATERIALS.taskKey()).list().stream()
                .map(task -> task.getId()).collect(Collectors.toSet());
    }
}
