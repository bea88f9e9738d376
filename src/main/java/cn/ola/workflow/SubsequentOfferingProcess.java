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
 * The door to the engine for a listed company's later offerings on its market
 * ({@code subsequent-offering}): starts one from its listed case, and tells which of the case's open
 * requests are the supplements of an offering. The offering's process carries the case's application
 * number as its business key, so its tasks, history, letters and audit entries are the case's; the
 * case's main process has ended with the listing and is left alone.
 */
@Service
public class SubsequentOfferingProcess {

    public static final String PROCESS_KEY = CaseModel.SUBSEQUENT_OFFERING.key();

    private final RuntimeService runtime;
    private final TaskService tasks;

    SubsequentOfferingProcess(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** What the company filed, as the process needs it. */
    public record Filing(long offeringId, LocalDate completedOn, LocalDate filedOn, String description) {
    }

    /** Starts the offering's process in the caller's transaction; its process instance id. */
    public String start(ApplicationNumber number, Company company, Filing filing) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICATION_NUMBER, number.toString());
        variables.put(ProcessVariables.COMPANY_GROUP, company.groupId());
        variables.put(ProcessVariables.COMPANY_NAME, company.nameZh());
        variables.put(SubsequentOfferingVariables.OFFERING_ID, filing.offeringId());
        variables.put(SubsequentOfferingVariables.COMPLETED_ON, filing.completedOn().toString());
        variables.put(SubsequentOfferingVariables.FILED_ON, filing.filedOn().toString());
        variables.put(SubsequentOfferingVariables.DESCRIPTION, filing.description());
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, number.toString(), variables);
        return instance.getId();
    }

    /**
     * The ids of the open requests of the case that are supplements of the offering run by this
     * process instance (its calls of {@code supplementary-materials}).
     */
    public Set<String> openSupplementTaskIds(String processInstanceId) {
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
