package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;

import cn.ola.company.Companies;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplications;
import cn.ola.support.DevSystemTest;
import cn.ola.support.PlatformFacts;

/**
 * A case screened before the staff forms read their texts (an upgrade): at the next start its
 * running processes — the case's own and a check's — get the exchange and the reasons in words,
 * and a second start changes nothing.
 */
@DevSystemTest
class StaffFormTextsUpgradeIT {

    private static final List<String> TEXTS = List.of("venueExchangeText", "cybersecurityReviewReasonText");

    @Autowired
    CaseWorkflow workflow;
    @Autowired
    ListingApplications applications;
    @Autowired
    Companies companies;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ApplicationContext context;

    @Test
    void runningProcessesScreenedBeforeGetTheTextsOfTheFormsAtStartOnce() throws Exception {
        long company = companies.findByCreditCode(UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q")).orElseThrow().id();
        ApplicationNumber number = workflow.submit(applications.createDraft(company, largePlatform(), List.of()), "compliance");
        Task intake = tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).taskDefinitionKey("Task_IntakeCheck")
                .singleResult();
        tasks.complete(intake.getId(), java.util.Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        Task materials = tasks.createTaskQuery().processInstanceBusinessKey(number.toString())
                .taskDefinitionKey("Task_CheckMaterials").singleResult();
        String review = materials.getProcessInstanceId();
        String main = intake.getProcessInstanceId();
        String expected = (String) runtime.getVariable(review, "cybersecurityReviewReasonText");
        assertThat(expected).contains("必须申报网络安全审查").contains("a cybersecurity review is mandatory");

        // As an earlier version left them: no texts, in the case's process nor in the review's, and the review
        // holding the codes, which the models then passed on to it as well.
        runtime.setVariablesLocal(review, java.util.Map.of(
                ProcessVariables.VENUE_EXCHANGE, runtime.getVariable(main, ProcessVariables.VENUE_EXCHANGE),
                ScreeningDecision.CYBERSECURITY_REVIEW.reasonVariable(),
                runtime.getVariable(main, ScreeningDecision.CYBERSECURITY_REVIEW.reasonVariable())));
        for (String process : List.of(main, review)) {
            runtime.removeVariablesLocal(process, TEXTS);
        }
        ApplicationRunner upgrade = context.getBean("staffFormTextsUpgrade", ApplicationRunner.class);
        upgrade.run(null);

        for (String process : List.of(main, review)) {
            assertThat(runtime.getVariableLocal(process, "venueExchangeText")).as(process)
                    .isEqualTo("纽约证券交易所 / New York Stock Exchange");
            assertThat(runtime.getVariableLocal(process, "cybersecurityReviewReasonText")).as(process).isEqualTo(expected);
        }
        long revisions = runtime.createVariableInstanceQuery().processInstanceIdIn(main, review).count();
        upgrade.run(null);
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(main, review).count()).isEqualTo(revisions);
    }

    /** A network platform of 3.2 million users listing in New York: the cybersecurity review is mandatory. */
    private static ApplicationFacts largePlatform() {
        return PlatformFacts.platform().exported(0L).build();
    }
}
