package cn.ola.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import cn.ola.support.Browser;
import cn.ola.support.Chromium;
import cn.ola.support.DevSystemTest;
import cn.ola.workflow.CaseWorkflow;

/**
 * A process administrator watches the running cases in the real Camunda Cockpit: one sign-in at
 * the portal, the overseas-listing definition with its diagram and running instances, and one
 * case showing where it waits.
 */
@DevSystemTest
@ExtendWith(Chromium.class)
class CockpitIT {

    static final String INTAKE_CHECK = "Task_IntakeCheck";

    @Autowired
    RuntimeService runtime;

    @Test
    void anAdministratorSeesTheDiagramTheRunningCasesAndWhereOneWaits(Browser browser) {
        List<ProcessInstance> waitingAtIntake = runtime.createProcessInstanceQuery()
                .processDefinitionKey(CaseWorkflow.PROCESS_KEY).activityIdIn(INTAKE_CHECK).list().stream()
                .sorted(Comparator.comparing(ProcessInstance::getBusinessKey)).toList();
        assertThat(waitingAtIntake).as("the demo cases").hasSizeGreaterThanOrEqualTo(2);
        List<String> running = runtime.createProcessInstanceQuery().processDefinitionKey(CaseWorkflow.PROCESS_KEY).list()
                .stream().map(ProcessInstance::getBusinessKey).toList();
        ProcessInstance demoCase = waitingAtIntake.get(0);

        Cockpit cockpit = Cockpit.open(browser.signIn("admin", "demo"));
        assertThat(cockpit.greets("Ada Admin")).as("the header greets Ada Admin").isTrue();

        cockpit.openProcesses().openProcessDefinition("Overseas listing");
        assertThat(cockpit.diagramElement(INTAKE_CHECK).isDisplayed()).isTrue();
        assertThat(cockpit.waitingAt(INTAKE_CHECK)).isEqualTo(String.valueOf(waitingAtIntake.size()));
        assertThat(cockpit.listedBusinessKeys(demoCase.getBusinessKey())).containsExactlyInAnyOrderElementsOf(running);

        cockpit.openInstance(demoCase.getBusinessKey());
        assertThat(browser.driver().getCurrentUrl()).contains("#/process-instance/" + demoCase.getId());
        assertThat(cockpit.information("Business Key")).isEqualTo(demoCase.getBusinessKey());
        assertThat(cockpit.diagramElement(INTAKE_CHECK).isDisplayed()).isTrue();
        assertThat(cockpit.waitingAt(INTAKE_CHECK)).isEqualTo("1");
        browser.screenshot("cockpit-case");
    }
}
