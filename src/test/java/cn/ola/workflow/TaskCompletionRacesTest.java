package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A completion of a task that another completion ended first is a lost race, not an error; a
 * task that never existed, or a stranger to the task, gets the engine's own answer as before.
 * On an engine of its own, with authorizations on as in the application.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskCompletionRacesTest {

    private ProcessEngine engine;
    private String taskId;

    @BeforeAll
    void engineWithTheInterceptor() {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("task-completion-races");
        configuration.setJdbcUrl("jdbc:h2:mem:task-completion-races;DB_CLOSE_DELAY=-1");
        configuration.setHistory("full");
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
        configuration.setCustomPostCommandInterceptorsTxRequired(List.of(new TaskCompletionRaces()));
        configuration.setCommandContextFactory(new DeadlockVictims(configuration));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("intake.bpmn",
                Bpmn.createExecutableProcess("intake").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_IntakeCheck").camundaCandidateGroups("csrc-officer").endEvent().done())
                .deploy();
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @BeforeEach
    void aTaskCompletedByAnOfficer() {
        engine.getIdentityService().clearAuthentication();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("intake").getId();
        taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        as("csrc", "csrc-officer", () -> engine.getTaskService().complete(taskId, Map.of("intakeOutcome", "COMPLETE")));
    }

    @Test
    void theSecondCompletionOfItsCandidateIsALostRace() {
        assertThatThrownBy(() -> as("csrc-2", "csrc-officer", () -> engine.getTaskService().complete(taskId)))
                .isInstanceOf(OptimisticLockingException.class)
                .hasMessageContaining("Task " + taskId + " was completed or ended by another transaction");
    }

    @Test
    void theSecondCompletionThroughTasklistsFormIsALostRaceToo() {
        assertThatThrownBy(() -> as("csrc", "csrc-officer",
                () -> engine.getFormService().submitTaskForm(taskId, Map.of("intakeOutcome", "COMPLETE"))))
                .isInstanceOf(OptimisticLockingException.class);
    }

    @Test
    void theFacadeWithoutAnEngineUserLearnsItIsDone() {
        assertThatThrownBy(() -> engine.getTaskService().complete(taskId)).isInstanceOf(OptimisticLockingException.class);
    }

    @Test
    void aStrangerToTheTaskLearnsNothingNew() {
        assertThatThrownBy(() -> as("ndrc", "review-member-agency-ndrc", () -> engine.getTaskService().complete(taskId)))
                .isInstanceOf(ProcessEngineException.class)
                .isNotInstanceOf(OptimisticLockingException.class)
                .hasMessageContaining("Cannot find task");
    }

    @Test
    void aTaskThatNeverExistedIsNotARace() {
        assertThatThrownBy(() -> engine.getTaskService().complete("no-such-task"))
                .isInstanceOf(ProcessEngineException.class)
                .isNotInstanceOf(OptimisticLockingException.class);
    }

    @Test
    void everyCommandThatCompletesATaskNamesItsTask() {
        assertThat(TaskCompletionRaces.TASK_IDS).hasSize(2).allSatisfy((command, field) ->
                assertThat(field.getType()).as(command.getSimpleName()).isEqualTo(String.class));
    }

    private void as(String user, String group, Runnable action) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            action.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
