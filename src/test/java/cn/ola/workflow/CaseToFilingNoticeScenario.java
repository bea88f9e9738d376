package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditTrail;
import cn.ola.company.Companies;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;
import cn.ola.support.PlatformFacts;
import cn.ola.support.StaffTasks;

/**
 * A case from submission to the filing notice and the listing report, on the running system:
 * the company acts through the workflow facade, staff complete their tasks as themselves with
 * Camunda authorizations on. Run on H2 and on MySQL by the subclasses.
 */
abstract class CaseToFilingNoticeScenario {

    static final UnifiedSocialCreditCode DEMO_COMPANY = UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q");
    /** How long the job executor may take to print a letter; the first one in a fresh JVM takes seconds. */
    static final Duration LETTER_JOB = Duration.ofSeconds(90);

    @Autowired
    CaseWorkflow workflow;
    @Autowired
    ListingApplications applications;
    @Autowired
    Companies companies;
    @Autowired
    AuditTrail audit;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    CaseStagesRepair stagesRepair;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @Test
    void aLargePlatformCaseRunsFromSubmissionThroughReviewAndFilingToListed() {
        long id = draft(3_200_000L);
        ApplicationNumber number = workflow.submit(id, "compliance");
        assertThat(number.toString()).matches("OLA-\\d{4}-\\d{6}");

        ListingApplication submitted = applications.find(number).orElseThrow();
        assertThat(submitted.status()).isEqualTo("SUBMITTED");
        assertThat(submitted.stage()).isEqualTo("INTAKE_CHECK");
        assertThat(audit.of(id)).extracting(AuditEvent::stage, AuditEvent::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("cybersecurity-review-requirement", "MANDATORY"),
                        org.assertj.core.groups.Tuple.tuple("negative-list", "CLEAR"));
        assertThat(audit.of(id)).filteredOn(e -> "cybersecurity-review-requirement".equals(e.stage()))
                .extracting(AuditEvent::details).first().asString().contains("3200000").contains("NYSE");
        // The rule that fired is in Camunda's decision history, linked to the case.
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId(number))
                .decisionDefinitionKey("cybersecurity-review-requirement").includeOutputs().singleResult()
                .getOutputs()).extracting(o -> o.getRuleId()).isNotEmpty();
        // The facts only the screening reads were handed to it from the application as filed, not kept by the case;
        // those it keeps are copies of the application, whose history is the application's own (LeanHistory).
        assertThat(engineConfiguration.getRuntimeService().getVariables(processInstanceId(number)))
                .containsKeys("venueRegion", "personalInfoUsers")
                .doesNotContainKeys("declProhibitedByLaw", "domesticRevenuePct", "issuerType", "usesThirdPartyCloud");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId(number)).list())
                .extracting(variable -> variable.getName()).contains("cybersecurityReview", "intakeCheckDue")
                .doesNotContain("venueRegion", "personalInfoUsers", "applicationNumber", "declProhibitedByLaw",
                        "domesticRevenuePct", "issuerType", "usesThirdPartyCloud");
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId(number))
                .decisionDefinitionKey("negative-list").includeInputs().singleResult().getInputs())
                .extracting(input -> input.getValue()).as("the five declarations as filed").containsExactly(false, false,
                        false, false, false);
        // Evaluated by the FEEL engine that keeps its parses (FeelParsedOnce).
        assertThat(engineConfiguration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOfSatisfying(
                FeelParsedOnce.Engine.class, feel -> assertThat(feel.expressionsKept()).isPositive());

        assertThatThrownBy(() -> workflow.submit(id, "compliance")).isInstanceOf(AlreadySubmittedException.class)
                .hasMessageContaining(number.toString());

        completeAs("csrc", "csrc-officer", number, "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        completeAs("cro", "cro-reviewer", number, "Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));
        // 150,000 people's data exported: the standard-contract route, whose evidence the office checks.
        completeAs("cro", "cro-reviewer", number, "Task_CheckExportEvidence", Map.of("exportEvidenceOutcome", "ACCEPTED"));
        completeAs("cro", "cro-reviewer", number, "Task_CheckMaterials",
                Map.of("materialsOutcome", "REVIEW_NEEDED", "reviewComplex", false));
        completeAs("cro", "cro-reviewer", number, "Task_InitialReview",
                Map.of("initialOpinion", "NO_CONCERN", "consultNdrc", true, "reasons", "No national-security effect."));
        completeAs("ndrc", "review-member-agency-ndrc", number, "Task_AgencyOpinion", Map.of("agencyOpinion", "AGREE"));

        // The review's conclusion letter is printed by a job; the filing starts once it is out.
        await().atMost(LETTER_JOB).untilAsserted(
                () -> assertThat(applications.find(number).orElseThrow().stage()).isEqualTo("CSRC_FILING"));
        completeAs("csrc", "csrc-officer", number, "Task_CompletenessCheck", Map.of("completenessOutcome", "COMPLETE"));
        completeAs("csrc", "csrc-officer", number, "Task_ConcludeFiling", Map.of("filingOutcome", "NOTICE_ISSUED"));

        await().atMost(LETTER_JOB).untilAsserted(
                () -> assertThat(applications.find(number).orElseThrow().status()).isEqualTo("FILED"));
        ListingApplication filed = applications.find(number).orElseThrow();
        assertThat(filed.stage()).isEqualTo("AWAITING_LISTING");

        assertThatThrownBy(() -> workflow.supplyMaterials(number, "late answer", "compliance"))
                .isInstanceOf(CaseNotWaitingException.class).hasMessageContaining("not waiting for these materials");

        workflow.reportListing(number, LocalDate.now(Deadlines.BEIJING), "compliance");
        ListingApplication listed = applications.find(number).orElseThrow();
        assertThat(listed.status()).isEqualTo("LISTED");
        assertThat(listed.closedAt()).isNotNull();
        assertThat(audit.of(id)).extracting(AuditEvent::eventType).contains("SUBMITTED", "SCREENING", "STAGE_ENTERED",
                "OUTCOME", "LISTING_REPORTED", "CLOSED");

        assertThatThrownBy(() -> workflow.withdraw(number, "compliance", "changed our mind"))
                .isInstanceOf(CaseNotWaitingException.class).hasMessageContaining("already ended");
        assertThatThrownBy(() -> workflow.reportListing(number, LocalDate.now(), "compliance"))
                .isInstanceOf(CaseNotWaitingException.class);
    }

    @Test
    void aWithdrawnCaseLeavesNoOpenTask() {
        ApplicationNumber number = workflow.submit(draft(500_000L), "compliance");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).count()).isEqualTo(1);

        workflow.withdraw(number, "compliance", "Listing postponed.");

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).count()).isZero();
        assertThat(applications.find(number).orElseThrow().status()).isEqualTo("WITHDRAWN");
        assertThat(applications.find(number).orElseThrow().stages()).isEmpty();
    }

    @Test
    void aCaseCarriedOverFromTheSingleStageColumnStandsInEveryCheckUnderWayAfterTheNextStart() {
        ApplicationNumber number = workflow.submit(draft(3_200_000L), "compliance");
        completeAs("csrc", "csrc-officer", number, "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
        ListingApplication inChecks = applications.find(number).orElseThrow();
        assertThat(inChecks.stages()).containsExactly("CYBERSECURITY_REVIEW", "DATA_PROTECTION");
        // All that the migration could carry over from the single column: one of the checks.
        jdbc.sql("DELETE FROM case_stages WHERE application_id = ? AND stage = 'CYBERSECURITY_REVIEW'").param(inChecks.id())
                .update();
        assertThat(applications.find(number).orElseThrow().stages()).containsExactly("DATA_PROTECTION");

        stagesRepair.run(null);
        ListingApplication repaired = applications.find(number).orElseThrow();
        assertThat(repaired.stages()).containsExactly("CYBERSECURITY_REVIEW", "DATA_PROTECTION");

        stagesRepair.run(null);
        assertThat(applications.find(number).orElseThrow().version()).as("a second start changes nothing")
                .isEqualTo(repaired.version());
    }

    /**
     * The number is taken in a transaction of its own, so submissions no longer wait for each
     * other: companies submitting at the same moment each get their own number, and a draft
     * submitted twice at once (a double click) starts one case; the other click is told the
     * number the application already has.
     */
    @Test
    void submissionsAtTheSameMomentEachGetTheirOwnNumberAndADraftStartsOneCase() throws Exception {
        List<Long> drafts = java.util.stream.Stream.generate(() -> draft(500_000L)).limit(4).toList();
        long clickedTwice = draft(500_000L);
        List<Long> submissions = new java.util.ArrayList<>(drafts);
        submissions.add(clickedTwice);
        submissions.add(clickedTwice);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(submissions.size());
        try {
            List<java.util.concurrent.Future<String>> outcomes = submissions.stream().map(id -> pool.submit(() -> {
                start.await();
                try {
                    return workflow.submit(id, "compliance").toString();
                } catch (AlreadySubmittedException twice) {
                    return "already " + twice.number();
                }
            })).toList();
            start.countDown();
            List<String> results = new java.util.ArrayList<>();
            for (var outcome : outcomes) {
                results.add(outcome.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }

            List<String> numbers = results.subList(0, 4);
            assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("OLA-\\d{4}-\\d{6}"));
            String number = applications.find(clickedTwice).orElseThrow().number().toString();
            assertThat(results.subList(4, 6)).containsExactlyInAnyOrder(number, "already " + number);
            assertThat(numbers).doesNotContain(number);
            List<String> started = new java.util.ArrayList<>(numbers);
            started.add(number);
            for (String each : started) {
                assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(each).count())
                        .as("cases started for %s", each).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void completeAs(String user, String group, ApplicationNumber number, String taskKey, Map<String, Object> variables) {
        new StaffTasks(tasks, identity).completeAs(user, group, number.toString(), taskKey, variables);
    }

    private String processInstanceId(ApplicationNumber number) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number.toString())
                .processDefinitionKey(CaseWorkflow.PROCESS_KEY).singleResult().getId();
    }

    private long draft(long users) {
        long companyId = companies.findByCreditCode(DEMO_COMPANY).orElseThrow().id();
        var facts = PlatformFacts.platform().users(users).build();
        return applications.createDraft(companyId, facts, List.of());
    }
}
