package cn.ola.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import cn.ola.company.Company;
import cn.ola.filing.ApplicationNumber;

/**
 * The door to the engine for a listed company's material events ({@code material-event}): starts
 * one from its listed case, and tells which of the case's open requests are the questions of an
 * event. The event's process carries the case's application number as its business key, so its
 * tasks, history and audit entries are the case's; the case's main process has ended with the
 * listing and is left alone.
 */
@Service
public class MaterialEventProcess {

    public static final String PROCESS_KEY = CaseModel.MATERIAL_EVENT.key();

    private final RuntimeService runtime;
    private final TaskService tasks;

    MaterialEventProcess(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** What the company reported, as the process needs it. */
    public record Report(long eventId, String kind, LocalDate announcedOn, LocalDate reportedOn, String description) {
    }

    /** Starts the event's process in the caller's transaction; its process instance id. */
    public String start(ApplicationNumber number, Company company, Report report) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICATION_NUMBER, number.toString());
        variables.put(ProcessVariables.COMPANY_GROUP, company.groupId());
        variables.put(ProcessVariables.COMPANY_NAME, company.nameZh());
        variables.put(MaterialEventVariables.MATERIAL_EVENT_ID, report.eventId());
        variables.put(MaterialEventVariables.EVENT_KIND, report.kind());
        variables.put(MaterialEventVariables.ANNOUNCED_ON, report.announcedOn().toString());
        variables.put(MaterialEventVariables.REPORTED_ON, report.reportedOn().toString());
        variables.put(MaterialEventVariables.EVENT_DESCRIPTION, report.description());
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, number.toString(), variables);
        return instance.getId();
    }

    /**
     * The ids of the open requests of the case that are questions of the event run by this process
     * instance (its calls of {@code supplementary-materials}).
     */
    public Set<String> openQuestionTaskIds(String processInstanceId) {
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
