package cn.ola.bench;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The bare engine: the same number of user and service tasks per case as our average case, in
 * a model with no application logic, on the same engine, database and driver; its users also
 * work with authorization checks on.
 */
final class BaselineScript implements CaseDriver.Script {

    static final String PROCESS_KEY = "bench-bare-case";
    static final BenchPeople.Staff WORKER = new BenchPeople.Staff(BenchPeople.BASELINE_USER, BenchPeople.BASELINE_GROUP);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;

    BaselineScript(RunningSystem system) {
        this.tasks = system.bean(TaskService.class);
        this.runtime = system.bean(RuntimeService.class);
        this.identity = system.bean(IdentityService.class);
        system.bean(RepositoryService.class).createDeployment().name("benchmark baseline")
                .addClasspathResource("bench/bare-case.bpmn").enableDuplicateFiltering(true).deploy();
    }

    @Override
    public void start(CaseDriver.DrivenCase driven, Latency submission) {
        String key = "BARE-" + driven.index;
        submission.time(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, key));
        driven.businessKey = key;
    }

    @Override
    public boolean initiative(CaseDriver.DrivenCase driven, Latency taskCompletion) {
        return false;
    }

    @Override
    public List<Task> openTasks(CaseDriver.DrivenCase driven) {
        return tasks.createTaskQuery().processInstanceBusinessKey(driven.businessKey).list();
    }

    @Override
    public boolean complete(CaseDriver.DrivenCase driven, Task task) {
        return CaseDriver.completeAsStaff(tasks, identity, WORKER, task.getId(), Map.of());
    }

    @Override
    public boolean ended(CaseDriver.DrivenCase driven) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(driven.businessKey).count() == 0;
    }
}
