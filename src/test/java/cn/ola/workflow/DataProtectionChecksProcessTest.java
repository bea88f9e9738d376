package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import cn.ola.calendar.WorkingDayCalendar;

/** The office's data-protection checks: only those that apply, in parallel, each until it is accepted. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"bpmn/data-protection-checks.bpmn", "bpmn/supplementary-materials.bpmn",
        "forms/data-export-evidence.form", "forms/state-cloud-migration-evidence.form",
        "forms/pi-self-assessment-review.form"})
class DataProtectionChecksProcessTest {

    private static final String PROCESS = "data-protection-checks";
    private static final String APPLICATION = "OLA-2026-000123";
    private static final String COMPANY = "company-91110000MA01ABCD1X";
    private static final String OFFICE = "cro-reviewer";

    private static final String EXPORT_EVIDENCE = "Task_CheckExportEvidence";
    private static final String MIGRATION_EVIDENCE = "Task_CheckMigrationEvidence";
    private static final String SELF_ASSESSMENT = "Task_ReviewPiSelfAssessment";

    ProcessEngine engine;
    private CaseRecord caseRecord;
    /** The outcomes as the audit trail shows them, with the reasons that went with each. */
    private final List<Audited> auditedOutcomes = new ArrayList<>();

    record Audited(String step, String outcome, Object reasons) {
    }

    @BeforeEach
    void setUp() {
        init(engine);
        caseRecord = Mockito.mock(CaseRecord.class);
        doAnswer(call -> auditedOutcomes.add(new Audited(call.getArgument(1), call.getArgument(2),
                call.<DelegateExecution>getArgument(0).getVariable(ProcessVariables.REASONS))))
                .when(caseRecord).outcome(any(), anyString(), anyString());
        Mocks.register("caseRecord", caseRecord);
        Mocks.register("deadlines", new Deadlines(WorkingDayCalendar.weekendsOnly()));
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(LocalDate.of(2026, 3, 2), LocalTime.of(10, 0))
                .atZone(Deadlines.BEIJING).toInstant()));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void onlyTheSelfAssessmentWhenTheExportIsExemptAndNoMigrationIsRequired() throws IOException {
        ProcessInstance checks = start("EXEMPT", false);

        assertThat(waitingAt(checks)).containsExactlyInAnyOrder(SELF_ASSESSMENT);
        Task review = task(SELF_ASSESSMENT, checks);
        assertThat(review).hasCandidateGroup(OFFICE).hasName("Review the PI protection self-assessment");
        assertThat(deployedForm(review)).contains("\"id\": \"pi-self-assessment-review\"",
                "\"key\": \"selfAssessmentOutcome\"", "\"key\": \"materialsAnswer\"");
        verify(caseRecord).stage(any(), eq("DATA_PROTECTION"));

        complete(review, withVariables(ProcessVariables.SELF_ASSESSMENT_OUTCOME, "ACCEPTED"));

        assertThat(checks).isEnded().hasPassed("End_SelfAssessmentAccepted", "End_DataProtectionChecksPassed")
                .hasNotPassed(EXPORT_EVIDENCE, MIGRATION_EVIDENCE);
        assertThat(auditedOutcomes).containsExactly(new Audited("PI_SELF_ASSESSMENT", "ACCEPTED", null));
    }

    @Test
    void everyCheckThatAppliesRunsInParallelWithTheOffice() throws IOException {
        ProcessInstance checks = start("SECURITY_ASSESSMENT", true);

        assertThat(waitingAt(checks)).containsExactlyInAnyOrder(EXPORT_EVIDENCE, MIGRATION_EVIDENCE, SELF_ASSESSMENT);
        assertThat(task(EXPORT_EVIDENCE, checks)).hasCandidateGroup(OFFICE).hasName("Check the PI export evidence");
        assertThat(deployedForm(task(EXPORT_EVIDENCE, checks)))
                .contains("\"id\": \"data-export-evidence\"", "\"key\": \"exportEvidenceOutcome\"");
        assertThat(task(MIGRATION_EVIDENCE, checks)).hasCandidateGroup(OFFICE)
                .hasName("Check the state-cloud migration evidence");
        assertThat(deployedForm(task(MIGRATION_EVIDENCE, checks)))
                .contains("\"id\": \"state-cloud-migration-evidence\"", "\"key\": \"migrationEvidenceOutcome\"");
        assertThat(task(SELF_ASSESSMENT, checks)).hasCandidateGroup(OFFICE);

        accept(checks, MIGRATION_EVIDENCE, ProcessVariables.MIGRATION_EVIDENCE_OUTCOME);
        assertThat(waitingAt(checks)).containsExactlyInAnyOrder(EXPORT_EVIDENCE, SELF_ASSESSMENT);
        accept(checks, EXPORT_EVIDENCE, ProcessVariables.EXPORT_EVIDENCE_OUTCOME);
        assertThat(waitingAt(checks)).containsExactlyInAnyOrder(SELF_ASSESSMENT);
        accept(checks, SELF_ASSESSMENT, ProcessVariables.SELF_ASSESSMENT_OUTCOME);

        assertThat(checks).isEnded().hasPassed("End_ExportEvidenceAccepted", "End_MigrationEvidenceAccepted",
                "End_SelfAssessmentAccepted", "End_DataProtectionChecksPassed");
        assertThat(auditedOutcomes).extracting(Audited::step).containsExactly(
                "STATE_CLOUD_MIGRATION", "DATA_EXPORT_EVIDENCE", "PI_SELF_ASSESSMENT");
    }

    @Test
    void aRequestForMaterialsHoldsTheCaseWhileTheOtherChecksFinish() {
        ProcessInstance checks = start("STANDARD_CONTRACT", true);

        requestMaterials(checks, EXPORT_EVIDENCE, ProcessVariables.EXPORT_EVIDENCE_OUTCOME,
                "Provide the standard contract as filed with the provincial CAC.");

        assertThat(waitingAt(checks))
                .containsExactlyInAnyOrder("Call_ExportEvidenceMaterials", MIGRATION_EVIDENCE, SELF_ASSESSMENT);
        ProcessInstance request = calledInstance(checks);
        assertThat(request).isWaitingAt("Task_SupplyMaterials").variables()
                .containsEntry(ProcessVariables.MATERIALS_REQUEST,
                        "Provide the standard contract as filed with the provincial CAC.")
                .containsEntry(ProcessVariables.REQUESTED_BY, "DATA_EXPORT_EVIDENCE")
                .containsEntry(ProcessVariables.COMPANY_GROUP, COMPANY);
        assertThat(request.getBusinessKey()).isEqualTo(APPLICATION);
        // The other checks' forms do not show the reasons given in the export check.
        assertThat(shownIn(checks, SELF_ASSESSMENT, ProcessVariables.REASONS)).isNull();

        accept(checks, MIGRATION_EVIDENCE, ProcessVariables.MIGRATION_EVIDENCE_OUTCOME);
        accept(checks, SELF_ASSESSMENT, ProcessVariables.SELF_ASSESSMENT_OUTCOME);

        assertThat(waitingAt(checks)).containsExactlyInAnyOrder("Call_ExportEvidenceMaterials");
        assertThat(checks).hasNotPassed("End_DataProtectionChecksPassed");

        complete(task("Task_SupplyMaterials", request),
                withVariables(ProcessVariables.MATERIALS_ANSWER, "Filed standard contract uploaded."));

        assertThat(waitingAt(checks)).containsExactlyInAnyOrder(EXPORT_EVIDENCE);
        Task again = task(EXPORT_EVIDENCE, checks);
        assertThat(taskService().getVariables(again.getId()))
                .containsEntry(ProcessVariables.MATERIALS_ANSWER, "Filed standard contract uploaded.")
                .containsEntry(ProcessVariables.REASONS, null)
                .doesNotContainKey(ProcessVariables.EXPORT_EVIDENCE_OUTCOME);

        accept(checks, EXPORT_EVIDENCE, ProcessVariables.EXPORT_EVIDENCE_OUTCOME);

        assertThat(checks).isEnded().hasPassed("Call_ExportEvidenceMaterials", "End_DataProtectionChecksPassed");
        assertThat(auditedOutcomes).containsExactly(
                new Audited("DATA_EXPORT_EVIDENCE", "MATERIALS_REQUESTED",
                        "Provide the standard contract as filed with the provincial CAC."),
                new Audited("MATERIALS_REQUEST", "REQUESTED", null),
                new Audited("STATE_CLOUD_MIGRATION", "ACCEPTED", null),
                new Audited("PI_SELF_ASSESSMENT", "ACCEPTED", null),
                new Audited("MATERIALS_REQUEST", "SUPPLIED", null),
                new Audited("DATA_EXPORT_EVIDENCE", "ACCEPTED", null));
    }

    @Test
    void theChecksEndOnlyWhenEveryStartedCheckIsAccepted() {
        ProcessInstance checks = start("EXEMPT", true);
        assertThat(waitingAt(checks)).containsExactlyInAnyOrder(MIGRATION_EVIDENCE, SELF_ASSESSMENT);

        requestMaterials(checks, MIGRATION_EVIDENCE, ProcessVariables.MIGRATION_EVIDENCE_OUTCOME,
                "Provide the Guoziyun acceptance certificate.");
        requestMaterials(checks, SELF_ASSESSMENT, ProcessVariables.SELF_ASSESSMENT_OUTCOME,
                "Explain how consent to the export was obtained.");
        assertThat(waitingAt(checks))
                .containsExactlyInAnyOrder("Call_MigrationEvidenceMaterials", "Call_SelfAssessmentMaterials");
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(checks.getId()).list())
                .extracting(instance -> runtimeService().getVariable(instance.getId(), ProcessVariables.REQUESTED_BY),
                        instance -> runtimeService().getVariable(instance.getId(), ProcessVariables.MATERIALS_REQUEST))
                .containsExactlyInAnyOrder(
                        tuple("STATE_CLOUD_MIGRATION", "Provide the Guoziyun acceptance certificate."),
                        tuple("PI_SELF_ASSESSMENT", "Explain how consent to the export was obtained."));

        supply(checks, "STATE_CLOUD_MIGRATION", "Certificate attached.");
        supply(checks, "PI_SELF_ASSESSMENT", "Consent records attached.");
        // Each check sees only the supplement sent to it.
        assertThat(shownIn(checks, MIGRATION_EVIDENCE, ProcessVariables.MATERIALS_ANSWER))
                .isEqualTo("Certificate attached.");
        assertThat(shownIn(checks, SELF_ASSESSMENT, ProcessVariables.MATERIALS_ANSWER))
                .isEqualTo("Consent records attached.");

        accept(checks, SELF_ASSESSMENT, ProcessVariables.SELF_ASSESSMENT_OUTCOME);
        requestMaterials(checks, MIGRATION_EVIDENCE, ProcessVariables.MIGRATION_EVIDENCE_OUTCOME,
                "The certificate is unsigned; provide the signed one.");
        assertThat(waitingAt(checks)).containsExactlyInAnyOrder("Call_MigrationEvidenceMaterials");
        assertThat(checks).hasNotPassed("End_DataProtectionChecksPassed");

        supply(checks, "STATE_CLOUD_MIGRATION", "Signed certificate attached.");
        assertThat(waitingAt(checks)).containsExactlyInAnyOrder(MIGRATION_EVIDENCE);
        assertThat(checks).hasNotPassed("End_DataProtectionChecksPassed");
        accept(checks, MIGRATION_EVIDENCE, ProcessVariables.MIGRATION_EVIDENCE_OUTCOME);

        assertThat(checks).isEnded().hasPassed("End_MigrationEvidenceAccepted", "End_SelfAssessmentAccepted",
                "End_DataProtectionChecksPassed").hasNotPassed(EXPORT_EVIDENCE);
    }

    @Test
    void whatEarlierStagesLeftBehindDoesNotShowInTheChecks() {
        Map<String, Object> variables = caseVariables("STANDARD_CONTRACT", false);
        // The main process passes all its variables, including an earlier stage's reasons and supplement.
        variables.put(ProcessVariables.REASONS, "Intake: the articles of association are missing.");
        variables.put(ProcessVariables.MATERIALS_ANSWER, "Articles of association uploaded.");
        ProcessInstance checks = runtimeService().startProcessInstanceByKey(PROCESS, APPLICATION, variables);

        for (String check : List.of(EXPORT_EVIDENCE, SELF_ASSESSMENT)) {
            assertThat(taskService().getVariables(task(check, checks).getId()))
                    .containsEntry(ProcessVariables.REASONS, null)
                    .containsEntry(ProcessVariables.MATERIALS_ANSWER, null);
        }
        accept(checks, EXPORT_EVIDENCE, ProcessVariables.EXPORT_EVIDENCE_OUTCOME);
        accept(checks, SELF_ASSESSMENT, ProcessVariables.SELF_ASSESSMENT_OUTCOME);

        assertThat(checks).isEnded();
        assertThat(auditedOutcomes).containsExactly(new Audited("DATA_EXPORT_EVIDENCE", "ACCEPTED", null),
                new Audited("PI_SELF_ASSESSMENT", "ACCEPTED", null));
    }

    private ProcessInstance start(String piExportRoute, boolean migrationEvidenceRequired) {
        return runtimeService().startProcessInstanceByKey(PROCESS, APPLICATION,
                caseVariables(piExportRoute, migrationEvidenceRequired));
    }

    private Map<String, Object> caseVariables(String piExportRoute, boolean migrationEvidenceRequired) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICATION_NUMBER, APPLICATION);
        variables.put(ProcessVariables.COMPANY_GROUP, COMPANY);
        variables.put(ProcessVariables.COMPANY_NAME, "Example Cloud Services Co., Ltd.");
        variables.put(ProcessVariables.PI_EXPORT_ROUTE, piExportRoute);
        variables.put(ProcessVariables.MIGRATION_EVIDENCE_REQUIRED, migrationEvidenceRequired);
        return variables;
    }

    private void accept(ProcessInstance checks, String check, String outcome) {
        complete(task(check, checks), withVariables(outcome, "ACCEPTED"));
    }

    private void requestMaterials(ProcessInstance checks, String check, String outcome, String reasons) {
        complete(task(check, checks), withVariables(outcome, "MATERIALS_REQUESTED", ProcessVariables.REASONS, reasons));
    }

    /** The company answers the open request for materials that the named check sent. */
    private void supply(ProcessInstance checks, String requestedBy, String answer) {
        ProcessInstance request = runtimeService().createProcessInstanceQuery().superProcessInstanceId(checks.getId())
                .variableValueEquals(ProcessVariables.REQUESTED_BY, requestedBy).singleResult();
        complete(task("Task_SupplyMaterials", request), withVariables(ProcessVariables.MATERIALS_ANSWER, answer));
    }

    /** The activities a case waits at: the checks' tasks and open requests for materials. */
    private List<String> waitingAt(ProcessInstance checks) {
        return runtimeService().getActiveActivityIds(checks.getId());
    }

    /** The value a variable has in the form of the named check's open task. */
    private Object shownIn(ProcessInstance checks, String check, String variable) {
        return taskService().getVariable(task(check, checks).getId(), variable);
    }

    private ProcessInstance calledInstance(ProcessInstance caller) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    }

    private String deployedForm(Task task) throws IOException {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
