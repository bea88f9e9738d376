package cn.ola.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import cn.ola.support.Browser;
import cn.ola.support.Chromium;
import cn.ola.support.DevSystemTest;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.ProcessVariables;

/**
 * A CSRC officer does the intake check of a demo case in the real Camunda Tasklist: one sign-in
 * at the portal, the group filter, claiming, the Camunda Form with the screening results and
 * why, its validation, and the completion that moves the case on.
 */
@DevSystemTest
@ExtendWith(Chromium.class)
class TasklistIT {

    static final String INTAKE_CHECK = "Task_IntakeCheck";

    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    @Test
    void aCsrcOfficerClaimsChecksAndCompletesTheIntakeOfADemoCase(Browser browser) {
        ProcessInstance demoCase = firstDemoCase();
        String number = demoCase.getBusinessKey();
        String taskId = intakeTaskOf(number).getId();

        Tasklist tasklist = Tasklist.open(browser.signIn("csrc", "demo"));
        assertThat(tasklist.greets("Cao Shan")).as("the header greets Cao Shan").isTrue();
        tasklist.chooseFilter("Tasks of my groups").openTask(taskId);
        assertThat(tasklist.taskTitle()).isEqualTo("Check the application at intake · " + number + " · 示例数据科技股份有限公司");

        tasklist.claim();
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("csrc");

        // The facts and the screening results with their reasons, read-only, as the engine holds them.
        assertThat(tasklist.field("Application number")).isEqualTo(number);
        assertThat(tasklist.isEditable("Application number")).isFalse();
        assertThat(tasklist.field("Exchange")).isEqualTo(variable(demoCase, ProcessVariables.VENUE_EXCHANGE));
        assertThat(tasklist.field("Negative list (Art. 8)")).isEqualTo("CLEAR");
        assertThat(tasklist.field("Negative-list screening"))
                .isEqualTo(variable(demoCase, ProcessVariables.NEGATIVE_LIST + ProcessVariables.REASON_SUFFIX)).isNotBlank();
        assertThat(tasklist.field("Cybersecurity review")).isEqualTo(variable(demoCase, ProcessVariables.CYBERSECURITY_REVIEW));
        assertThat(tasklist.field("Why"))
                .isEqualTo(variable(demoCase, ProcessVariables.CYBERSECURITY_REVIEW + ProcessVariables.REASON_SUFFIX))
                .contains("1,000,000");
        assertThat(tasklist.field("Listing type")).isEqualTo("INDIRECT");
        assertThat(tasklist.field("Why this listing type"))
                .isEqualTo(variable(demoCase, ProcessVariables.LISTING_TYPE + ProcessVariables.REASON_SUFFIX));
        assertThat(tasklist.isEditable("Why")).isFalse();
        assertThat(tasklist.link("Open the case file")).endsWith("/staff/applications/" + number);
        browser.screenshot("tasklist-form", 1400, 1500);

        // No outcome chosen: the form says so and the task stays open.
        tasklist.complete();
        assertThat(tasklist.errorOf("Outcome")).isEqualTo("Field is required.");
        assertThat(tasklist.notification()).isEqualTo("An error happened while submitting the task form");
        tasklist.dismissNotifications();
        assertThat(intakeTaskOf(number)).extracting(Task::getId, Task::getAssignee).containsExactly(taskId, "csrc");

        tasklist.choose("Complete: continue to the regulatory checks").complete();
        tasklist.waitUntilGone(taskId);

        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the intake task").isZero();
        assertThat(runtime.getVariable(demoCase.getId(), ProcessVariables.INTAKE_OUTCOME)).isEqualTo("COMPLETE");
        List<Task> next = tasks.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup("cro-reviewer").list();
        assertThat(next).extracting(Task::getTaskDefinitionKey).contains("Task_ReviewPiSelfAssessment");
    }

    /** The demo data's first case, waiting for its intake check since the system started. */
    private ProcessInstance firstDemoCase() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CaseWorkflow.PROCESS_KEY).activityIdIn(INTAKE_CHECK)
                .list().stream().min(Comparator.comparing(ProcessInstance::getBusinessKey))
                .orElseThrow(() -> new AssertionError("The dev profile should have seeded cases waiting at intake"));
    }

    private Task intakeTaskOf(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(INTAKE_CHECK).singleResult();
    }

    private Object variable(ProcessInstance instance, String name) {
        return runtime.getVariable(instance.getId(), name);
    }
}
