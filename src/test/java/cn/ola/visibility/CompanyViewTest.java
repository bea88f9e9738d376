package cn.ola.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.applicant.DocumentKind;
import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditEventType;
import cn.ola.filing.StoredDocument;
import cn.ola.letters.LetterKind;
import cn.ola.workflow.OpenStep;

/**
 * The company's view of a case, rule by rule, and held against the models: every outcome the
 * models can record and every task they open is classified, so that nothing reaches the company,
 * or is kept from it, by default.
 */
class CompanyViewTest {

    static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    static final Set<String> OWN_USERS = Set.of("compliance");

    // --- events ------------------------------------------------------------------------------------

    @Test
    void theCompanysOwnActionsAreShownInItsOwnWordsAndUnderItsUsersNames() {
        AuditEvent answer = seen(event("compliance", "MATERIALS_SUPPLIED", null, null, "The signed opinion is attached."));
        AuditEvent withdrawal = seen(event("compliance", "WITHDRAWAL_REQUESTED", null, null, "Listing postponed."));

        assertThat(answer.details()).isEqualTo("The signed opinion is attached.");
        assertThat(answer.actor()).isEqualTo("compliance");
        assertThat(withdrawal.details()).isEqualTo("Listing postponed.");
    }

    @Test
    void aRequestAndADecisionAddressedToTheCompanyCarryTheirTextButNotTheOfficersName() {
        AuditEvent request = seen(event("csrc", "OUTCOME", "INTAKE_CHECK", "CORRECTIONS_NEEDED", "请补充签字版法律意见书。"));
        AuditEvent reviewRequest = seen(event("cro", "OUTCOME", "CYBERSECURITY_REVIEW_INITIAL", "MATERIALS_REQUESTED",
                "请补充数据出境安全评估报告。"));
        AuditEvent refusal = seen(event("csrc", "OUTCOME", "CSRC_FILING", "REFUSED", "Art. 8 (3) applies."));

        assertThat(request.details()).isEqualTo("请补充签字版法律意见书。");
        assertThat(request.actor()).isEqualTo(CompanyView.REGULATOR);
        assertThat(reviewRequest.details()).isEqualTo("请补充数据出境安全评估报告。");
        assertThat(refusal.details()).isEqualTo("Art. 8 (3) applies.");
    }

    @Test
    void theReviewsConclusionIsShownWithoutTheOfficesReasoning() {
        AuditEvent cleared = seen(event("system", "OUTCOME", "CYBERSECURITY_REVIEW", "CLEARED",
                "初步审查未发现影响国家安全的风险，征求发改委、工信部意见"));
        AuditEvent reviewNeeded = seen(event("cro", "OUTCOME", "CYBERSECURITY_REVIEW_MATERIALS", "REVIEW_NEEDED",
                "Holds data of 3.2 million users."));

        assertThat(cleared.outcome()).isEqualTo("CLEARED");
        assertThat(cleared.details()).isNull();
        assertThat(cleared.actor()).isEqualTo(CompanyView.SYSTEM);
        assertThat(reviewNeeded.outcome()).isEqualTo("REVIEW_NEEDED");
        assertThat(reviewNeeded.details()).isNull();
    }

    @Test
    void theRegulatorsInternalStepsAreNotShownAtAll() {
        assertThat(hidden(event("cro", "OUTCOME", "CYBERSECURITY_REVIEW_INITIAL", "NO_CONCERN", "征求发改委、工信部意见"))).isTrue();
        assertThat(hidden(event("ndrc", "OUTCOME", "CYBERSECURITY_REVIEW_AGENCY_NDRC", "AGREE", "同意"))).isTrue();
        assertThat(hidden(event("miit", "OUTCOME", "CYBERSECURITY_REVIEW_AGENCY_MIIT", "DISAGREE", "数据出境风险"))).isTrue();
        assertThat(hidden(event("cro", "OUTCOME", "CYBERSECURITY_REVIEW_SPECIAL", "CLEARED", "Special review notes"))).isTrue();
        assertThat(hidden(event("cro", "OUTCOME", "CYBERSECURITY_REVIEW_SPECIAL", "EXTENDED", null))).isTrue();
        assertThat(hidden(event("csrc", "OUTCOME", "CSRC_FILING", "CONSULT_DEPARTMENTS", "征求商务部意见"))).isTrue();
        assertThat(hidden(event("system", "DEADLINE_PASSED", "intakeCheck", "OVERDUE", null))).isTrue();
    }

    @Test
    void whatIsNotClassifiedStaysWithTheRegulators() {
        assertThat(hidden(event("system", "SOMETHING_NEW", null, null, "text"))).isTrue();
        assertThat(hidden(event("cro", "OUTCOME", "A_NEW_STEP", "DONE", "text"))).isTrue();
        assertThat(hidden(event("csrc", "OUTCOME", "INTAKE_CHECK", "A_NEW_OUTCOME", "text"))).isTrue();
        assertThat(hidden(event("csrc", "OUTCOME", "INTAKE_CHECK", null, "text"))).isTrue();
        assertThat(hidden(event("csrc", "OUTCOME", null, "COMPLETE", "text"))).isTrue();
    }

    @Test
    void ofTheEventsBesideOutcomesOnlyPassedDeadlinesAreTheRegulatorsOwn() {
        Set<String> shown = new TreeSet<>();
        for (AuditEventType type : AuditEventType.values()) {
            if (type != AuditEventType.OUTCOME && CompanyView.shows(event("system", type.name(), "X", "Y", "text"))) {
                shown.add(type.name());
            }
        }
        assertThat(shown).containsExactlyInAnyOrder("DRAFT_CREATED", "DRAFT_DELETED", "SUBMITTED", "SCREENING", "STAGE_ENTERED",
                "STATUS_CHANGED", "CLOSED", "WITHDRAWAL_REQUESTED", "MATERIALS_SUPPLIED", "OVERSEAS_SUBMISSION_REPORTED", "LISTING_REPORTED",
                "INTERIM_MEASURES_CONFIRMED", "LETTER_ISSUED", "MATERIAL_EVENT_REPORTED",
                "SUBSEQUENT_OFFERING_FILED");
        assertThat(seen(event("system", "CLOSED", null, "REJECTED", "text")).details()).isNull();
        assertThat(seen(event("system", "SCREENING", "negative-list", "CLEAR", "No circumstance applies.")).details())
                .isEqualTo("No circumstance applies.");
    }

    @Test
    void aLetterCarriesOnlyTheReasonsMeantForTheCompany() {
        assertThat(CompanyView.decisionText("CYBERSECURITY_REVIEW", "PROHIBITED", "Special review notes")).isNull();
        assertThat(CompanyView.decisionText("CSRC_FILING", "REFUSED", "Art. 8 (3) applies.")).isEqualTo("Art. 8 (3) applies.");
        assertThat(CompanyView.decisionText("INDUSTRY_APPROVAL", "REFUSED", "不予批准")).isEqualTo("不予批准");
    }

    @Test
    void everyOutcomeTheModelsCanRecordIsClassified() throws IOException {
        Set<String> recorded = recordedOutcomes();
        assertThat(recorded).contains("INTAKE_CHECK REJECTED", "CYBERSECURITY_REVIEW_AGENCY_ DISAGREE",
                "CYBERSECURITY_REVIEW_SPECIAL EXTENDED", "LISTING_REPORT LATE", "CSRC_FILING CONSULT_DEPARTMENTS",
                "MATERIAL_EVENT LATE_REPORT", "MATERIAL_EVENT REFERRED",
                "SUBSEQUENT_OFFERING LATE_FILING", "SUBSEQUENT_OFFERING REFUSED");
        for (String stepAndOutcome : recorded) {
            String[] parts = stepAndOutcome.split(" ");
            assertThat(RecordedStep.of(parts[0])).as(parts[0]).isPresent();
            assertThat(RecordedStep.of(parts[0]).orElseThrow().outcomes()).as(stepAndOutcome).containsKey(parts[1]);
        }
    }

    // --- open steps --------------------------------------------------------------------------------------

    @Test
    void theCompanysOwnStepsAndTheStatutoryStepsAreShownAsTheyAre() {
        OpenStep request = step("t1", "Task_SupplyMaterials", "Supply the requested materials", 1, 30);
        OpenStep intake = step("t2", "Task_IntakeCheck", "Check the application at intake", 0, 5);

        assertThat(CompanyView.steps(List.of(request, intake))).containsExactly(request, intake);
    }

    @Test
    void internalWorkShowsOnlyAsItsStageUnderWayAndEscalationsNotAtAll() {
        OpenStep ndrc = step("t1", "Task_AgencyOpinion", "Give member agency opinion", 1, 15);
        OpenStep miit = step("t2", "Task_AgencyOpinion", "Give member agency opinion", 0, 16);
        OpenStep followUp = step("t3", "Task_FollowUpAgencyOpinions", "Follow up overdue member agency opinions", 2, 0);
        OpenStep consultation = step("t4", "Task_RecordConsultation", "Record the departments' opinions", 3, 0);
        OpenStep unknown = step("t5", "Task_SomethingNew", "Something new", 3, 0);

        List<OpenStep> shown = CompanyView.steps(List.of(ndrc, followUp, miit, consultation, unknown));

        assertThat(shown).extracting(OpenStep::taskKey).containsExactly("CYBERSECURITY_REVIEW", "CSRC_FILING");
        OpenStep review = shown.get(0);
        assertThat(review.taskId()).isNull();
        assertThat(review.name()).isEqualTo("Cybersecurity review under way");
        assertThat(review.openedAt()).isEqualTo(ndrc.openedAt());
        assertThat(review.due()).isEqualTo(miit.due());
        assertThat(review.workingDaysLeft()).isEqualTo(miit.workingDaysLeft());
        assertThat(shown.get(1).name()).isEqualTo("CSRC filing under way");
        assertThat(shown).extracting(OpenStep::name).noneMatch(name -> name.contains("agency") || name.contains("opinion")
                || name.contains("Follow up"));
    }

    @Test
    void everyTaskOfTheModelsIsClassified() throws IOException {
        Set<String> tasks = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class).forEach(t -> tasks.add(t.getId()));
            }
        }
        assertThat(tasks).contains("Task_AgencyOpinion", "Task_FollowUpIntakeCheck", "Task_SupplyMaterials");
        for (String task : tasks) {
            assertThat(CaseTasks.SHOWN_AS.containsKey(task) || CaseTasks.NOT_SHOWN.contains(task)).as(task).isTrue();
        }
        assertThat(CaseTasks.NOT_SHOWN).allMatch(task -> task.startsWith("Task_FollowUp"));
    }

    // --- documents -------------------------------------------------------------------------------------

    @Test
    void theCompanySeesWhatItFiledAndTheLettersAddressedToItAndNothingElse() {
        for (DocumentKind kind : DocumentKind.values()) {
            assertThat(CompanyView.shows(document(kind.name()))).as(kind.name()).isTrue();
        }
        for (LetterKind kind : LetterKind.values()) {
            assertThat(CompanyView.shows(document(kind.name()))).as(kind.name()).isTrue();
        }
        assertThat(CompanyView.shows(document("AGENCY_OPINION"))).isFalse();
        assertThat(CompanyView.documents(List.of(document("PROSPECTUS"), document("INTERNAL_NOTE"))))
                .extracting(StoredDocument::kind).containsExactly("PROSPECTUS");
    }

    // --- test data -------------------------------------------------------------------------------------

    private static AuditEvent seen(AuditEvent event) {
        return CompanyView.event(event, OWN_USERS::contains).orElseThrow(() -> new AssertionError("not shown: " + event));
    }

    private static boolean hidden(AuditEvent event) {
        return CompanyView.event(event, OWN_USERS::contains).isEmpty() && !CompanyView.shows(event);
    }

    private static AuditEvent event(String actor, String type, String stage, String outcome, String details) {
        return new AuditEvent(AT, actor, type, stage, outcome, details);
    }

    private static OpenStep step(String id, String key, String name, int openedDaysAgo, int daysLeft) {
        Instant opened = AT.minusSeconds(86_400L * openedDaysAgo);
        return new OpenStep(id, key, name, null, opened, daysLeft == 0 ? null : AT.plusSeconds(86_400L * daysLeft),
                daysLeft == 0 ? null : daysLeft, null, null);
    }

    private static StoredDocument document(String kind) {
        return new StoredDocument(1, 2, kind, kind.toLowerCase() + ".pdf", "application/pdf", 10, "0".repeat(64), "key",
                "compliance", AT, null);
    }

    /**
     * "STEP OUTCOME" for every outcome the models record: written out, chosen by a ternary, or taken
     * from the decision field of the task's form (a radio of the variable's name).
     */
    private static Set<String> recordedOutcomes() throws IOException {
        Map<String, List<String>> formValues = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                for (JsonNode field : json.readTree(form.toFile()).findParents("key")) {
                    if ("radio".equals(field.path("type").asText())) {
                        List<String> values = formValues.computeIfAbsent(field.get("key").asText(), key -> new ArrayList<>());
                        field.path("values").forEach(value -> values.add(value.get("value").asText()));
                    }
                }
            }
        }
        Pattern outcome = Pattern.compile("caseRecord\\.outcome(?:WithText)?\\((?:task\\.)?execution, '([A-Z_]+)'(?:\\.concat\\([^)]*\\)\\))?, "
                + "(?:'([A-Z_]+)'|[A-Za-z]+ \\? '([A-Z_]+)' : '([A-Z_]+)'|([A-Za-z]+))(?:\\)|, )");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = outcome.matcher(Files.readString(model));
                while (matcher.find()) {
                    String step = matcher.group(1);
                    List<String> outcomes = matcher.group(2) != null ? List.of(matcher.group(2))
                            : matcher.group(3) != null ? List.of(matcher.group(3), matcher.group(4))
                            : formValues.get(matcher.group(5));
                    assertThat(outcomes).as("the outcomes of " + step + " in " + model).isNotEmpty();
                    outcomes.forEach(value -> found.add(step + " " + value));
                }
            }
        }
        return found;
    }
}
