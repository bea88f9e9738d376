package cn.ola.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At every start, names the open tasks created before {@link CaseTaskNamesPlugin} with their cases.
 * Only names that do not say their case yet are touched, so a second start changes nothing; of two
 * nodes starting at once, the second to rename a task finds it renamed (or completed) meanwhile.
 */
@Component
class CaseTaskNamesUpgrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CaseTaskNamesUpgrade.class);

    private final TaskService tasks;

    CaseTaskNamesUpgrade(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        int renamed = 0;
        for (Task task : tasks.createTaskQuery().taskNameNotLike("%" + CaseTaskNames.SEPARATOR + "%").list()) {
            try {
                Map<String, Object> theCase = tasks.getVariables(task.getId(),
                        List.of(ProcessVariables.APPLICATION_NUMBER, ProcessVariables.COMPANY_NAME));
                Object number = theCase.get(ProcessVariables.APPLICATION_NUMBER);
                if (number == null) {
                    continue;
                }
                Object company = theCase.get(ProcessVariables.COMPANY_NAME);
                task.setName(CaseTaskNames.of(task.getName(), number.toString(),
                        company == null ? null : company.toString()));
                tasks.saveTask(task);
                renamed++;
            } catch (OptimisticLockingException | NullValueException movedOn) {
                // Completed, or renamed by another node, since the query.
            }
        }
        if (renamed > 0) {
            log.info("Named {} open tasks created before this version with their cases", renamed);
        }
    }
}
