package cn.ola.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.ola.audit.AuditEvent;
import cn.ola.filing.CaseStatus;
import cn.ola.visibility.CompanyView;
import cn.ola.workflow.ApplicantAction;

class NotificationRulesTest {

    static final String NUMBER = "OLA-2026-000042";

    @Test
    void theSubmissionGivesOneReceipt() {
        Notice receipt = notice("SUBMITTED", null, "SUBMITTED", null).orElseThrow();

        assertThat(receipt.kind()).isEqualTo(Kind.RECEIPT);
        assertThat(receipt.messageKey()).isEqualTo("notification.receipt");
        assertThat(receipt.params()).containsExactly(NUMBER);
        assertThat(receipt.dedupeKey()).isEqualTo("RECEIPT:42");
    }

    @Test
    void aDecisionCarriesTheRegulatorsReasonsMeantForTheCompany() {
        Notice decision = notice("OUTCOME", "CSRC_FILING", "REFUSED", " Art. 8 (3): criminal offence within three years. ")
                .orElseThrow();

        assertThat(decision.kind()).isEqualTo(Kind.DECISION);
        assertThat(decision.messageKey()).isEqualTo("notification.decision.CSRC_FILING.REFUSED");
        assertThat(decision.details()).isEqualTo("Art. 8 (3): criminal offence within three years.");
    }

    @Test
    void theReviewsConclusionIsToldWithoutTheOfficesInternalReasoning() {
        Notice decision = notice("OUTCOME", "CYBERSECURITY_REVIEW", "PROHIBITED", "Special review: MIIT and MPS disagreed.")
                .orElseThrow();

        assertThat(decision.messageKey()).isEqualTo("notification.decision.CYBERSECURITY_REVIEW.PROHIBITED");
        assertThat(decision.details()).isNull();
    }

    @Test
    void everyDecisionToldIsOneTheCompanyMaySee() {
        NotificationRules.DECISIONS.forEach((step, outcomes) -> outcomes.forEach(outcome ->
                assertThat(CompanyView.shows(event("OUTCOME", step, outcome, null))).as(step + " " + outcome).isTrue()));
    }

    @Test
    void anIssuedLetterLinksToItsDownload() {
        Notice letter = NotificationRules.noticeOf(42L, NUMBER, new AuditEvent(Instant.parse("2026-03-02T02:00:00Z"),
                "system", "LETTER_ISSUED", "CSRC_FILING", "FILING_NOTICE",
                "Document 17: OLA-2026-000042-filing-notice.pdf (FILED)", 17L)).orElseThrow();

        assertThat(letter.kind()).isEqualTo(Kind.LETTER);
        assertThat(letter.link()).isEqualTo("/applications/" + NUMBER + "/letters/17");
        assertThat(letter.dedupeKey()).isEqualTo("LETTER:17");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LISTED", "REJECTED", "WITHDRAWN", "TERMINATED", "EXPIRED"})
    void everyWayACaseEndsIsTold(String outcome) {
        Notice closed = notice("CLOSED", null, outcome, null).orElseThrow();

        assertThat(closed.kind()).isEqualTo(Kind.OUTCOME);
        assertThat(closed.messageKey()).isEqualTo("notification.closed." + outcome);
        assertThat(closed.dedupeKey()).isEqualTo("CLOSED:42");
    }

    @Test
    void regulatorInternalEventsAndRequestOutcomesAreNotSentAsDecisions() {
        assertThat(notice("DEADLINE_PASSED", "intakeCheck", "OVERDUE", null)).isEmpty();
        assertThat(notice("OUTCOME", "CYBERSECURITY_REVIEW_AGENCY_NDRC", "AGREE", null)).isEmpty();
        assertThat(notice("OUTCOME", "CYBERSECURITY_REVIEW_INITIAL", "CONCERN", null)).isEmpty();
        assertThat(notice("OUTCOME", "CSRC_FILING", "CONSULT_DEPARTMENTS", null)).isEmpty();
        // The request itself is told, with its text and deadline, not the decision to ask.
        assertThat(notice("OUTCOME", "INTAKE_CHECK", "CORRECTIONS_NEEDED", "Sign the opinion.")).isEmpty();
        assertThat(notice("OUTCOME", "INDUSTRY_APPROVAL", "MATERIALS_REQUESTED", null)).isEmpty();
        assertThat(notice("STAGE_ENTERED", "CSRC_FILING", null, null)).isEmpty();
        assertThat(notice("SCREENING", "cybersecurityReview", "MANDATORY", null)).isEmpty();
        assertThat(notice("MATERIALS_SUPPLIED", null, null, "Attached.")).isEmpty();
        assertThat(NotificationRules.isMaterialsRequest(event("OUTCOME", "MATERIALS_REQUEST", "REQUESTED", null))).isTrue();
        assertThat(NotificationRules.isMaterialsRequest(event("OUTCOME", "MATERIALS_REQUEST", "SUPPLIED", null))).isFalse();
    }

    @Test
    void onlyEventsWithANoticeOrARequestAreTold() {
        assertThat(NotificationRules.tells(event("SUBMITTED", null, "SUBMITTED", null))).isTrue();
        assertThat(NotificationRules.tells(event("OUTCOME", "CSRC_FILING", "NOTICE_ISSUED", null))).isTrue();
        assertThat(NotificationRules.tells(event("CLOSED", null, "LISTED", null))).isTrue();
        assertThat(NotificationRules.tells(event("OUTCOME", "MATERIALS_REQUEST", "REQUESTED", null))).isTrue();
        assertThat(NotificationRules.tells(event("STAGE_ENTERED", "CSRC_FILING", null, null))).isFalse();
        assertThat(NotificationRules.tells(event("SCREENING", "cybersecurityReview", "MANDATORY", null))).isFalse();
        assertThat(NotificationRules.tells(event("OUTCOME", "CYBERSECURITY_REVIEW_AGENCY_NDRC", "AGREE", null))).isFalse();
        assertThat(NotificationRules.tells(event("CLOSED", null, "SUBMITTED", null))).isFalse();
    }

    @Test
    void everyMessageTheRulesCanWriteHasEnglishAndChineseWording() throws IOException {
        List<String> keys = new ArrayList<>(List.of("notification.receipt", "notification.request", "notification.generic"));
        for (Map.Entry<String, Set<String>> step : NotificationRules.DECISIONS.entrySet()) {
            step.getValue().forEach(outcome -> keys.add("notification.decision." + step.getKey() + "." + outcome));
            keys.add(CaseNotifications.requestKey(step.getKey()));
        }
        CaseStatus.finals().forEach(outcome -> keys.add("notification.closed." + outcome));
        List.of("FILING_NOTICE", "REVIEW_CONCLUSION", "REFUSAL_LETTER", "EX_OFFICIO_REVIEW_CONCLUSION",
                "SUBSEQUENT_OFFERING_CONCLUSION").forEach(kind -> keys.add("notification.letter." + kind));
        for (ApplicantAction action : ApplicantAction.values()) {
            keys.add("notification.reminder." + action.taskKey());
        }
        for (Kind kind : Kind.values()) {
            keys.add("notification.kind." + kind.name());
        }

        Properties english = bundle("/messages-notifications.properties");
        Properties chinese = bundle("/messages-notifications_zh_CN.properties");

        assertThat(keys).allSatisfy(key -> assertThat(english.getProperty(key)).as(key).isNotBlank());
        assertThat(keys).allSatisfy(key -> assertThat(chinese.getProperty(key)).as(key).isNotBlank()
                .doesNotContain("application").containsPattern("\\p{IsHan}"));
        assertThat(chinese.keySet()).isEqualTo(english.keySet());
    }

    private static Optional<Notice> notice(String type, String stage, String outcome, String details) {
        return NotificationRules.noticeOf(42L, NUMBER, event(type, stage, outcome, details));
    }

    private static AuditEvent event(String type, String stage, String outcome, String details) {
        return new AuditEvent(Instant.parse("2026-03-02T02:00:00Z"), "csrc", type, stage, outcome, details);
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(NotificationRulesTest.class.getResourceAsStream(path), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
