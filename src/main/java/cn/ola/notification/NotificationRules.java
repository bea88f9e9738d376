package cn.ola.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditEventType;
import cn.ola.filing.CaseStatus;
import cn.ola.visibility.CompanyView;

/**
 * Which audit events the applicant company is told of, and how. Only what the company may see
 * ({@link CompanyView}) is told, with only the text it may read; of that, the decisions, letters and
 * endings below. Requests for materials are not decided here: they need the open request from the
 * engine (see {@link CaseNotifications}). A company's own actions are not told: its users see them
 * on the case page.
 */
final class NotificationRules {

    static final String MATERIALS_REQUEST = "MATERIALS_REQUEST";
    static final String REQUESTED = "REQUESTED";

    /**
     * The decisions the company is told of, by step, with the outcomes that are decisions (each of them
     * one the company may see, which NotificationRulesTest holds against {@link CompanyView}). Requests
     * for materials (MATERIALS_REQUESTED, SUPPLEMENT_REQUESTED, CORRECTIONS_NEEDED, a material event's QUESTIONS_ASKED) are left out:
     * the request itself, with its text and deadline, follows in the same transaction.
     */
    static final Map<String, Set<String>> DECISIONS = Map.ofEntries(
            Map.entry("INTAKE_CHECK", Set.of("COMPLETE", "REJECTED")),
            Map.entry("CYBERSECURITY_REVIEW", Set.of("NOT_REQUIRED", "CLEARED", "PROHIBITED")),
            Map.entry("INDUSTRY_APPROVAL", Set.of("APPROVED", "REFUSED")),
            Map.entry("CSRC_COMPLETENESS_CHECK", Set.of("COMPLETE")),
            Map.entry("CSRC_FILING", Set.of("NOTICE_ISSUED", "REFUSED", "LATE_FILING")),
            Map.entry("DATA_EXPORT_EVIDENCE", Set.of("ACCEPTED")),
            Map.entry("PI_SELF_ASSESSMENT", Set.of("ACCEPTED")),
            Map.entry("STATE_CLOUD_MIGRATION", Set.of("ACCEPTED")),
            Map.entry("MATERIAL_EVENT", Set.of("ACKNOWLEDGED", "CLOSED", "REFERRED", "LATE_REPORT")),
            Map.entry("SUBSEQUENT_OFFERING", Set.of("LATE_FILING", "COMPLETE", "NOTICE_ISSUED", "REFUSED")),
            Map.entry("EX_OFFICIO_REVIEW", Set.of("OPENED", "CLEARED", "RECTIFICATION_ORDERED", "REFERRED_FOR_PENALTIES")),
            Map.entry("EX_OFFICIO_INTERIM_MEASURES", Set.of("IMPOSED", "LIFTED")));


    private NotificationRules() {
    }

    /** Whether the event is a new request for materials (which needs the open request to be told). */
    static boolean isMaterialsRequest(AuditEvent event) {
        return event.is(AuditEventType.OUTCOME) && MATERIALS_REQUEST.equals(event.stage())
                && REQUESTED.equals(event.outcome());
    }

    /**
     * Whether the company is told of the event at all: a request for materials, or an event with a notice.
     * Which events have a notice depends on the event alone; the application's id and number only fill it in.
     */
    static boolean tells(AuditEvent recorded) {
        return isMaterialsRequest(recorded) || noticeOf(0, "", recorded).isPresent();
    }

    /** The notice for an event of a submitted application, or empty when the company is not told of it. */
    static Optional<Notice> noticeOf(long applicationId, String number, AuditEvent recorded) {
        // A notice names nobody, so whose users the actors are does not matter here.
        Optional<AuditEvent> seen = CompanyView.event(recorded, user -> false);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        AuditEvent event = seen.get();
        if (event.is(AuditEventType.SUBMITTED)) {
            return Optional.of(new Notice(Kind.RECEIPT, "notification.receipt", List.of(number), null, null, null,
                    "RECEIPT:" + applicationId));
        }
        if (event.is(AuditEventType.OUTCOME) && event.stage() != null
                && DECISIONS.getOrDefault(event.stage(), Set.of()).contains(event.outcome())) {
            return Optional.of(new Notice(Kind.DECISION, "notification.decision." + event.stage() + "." + event.outcome(),
                    List.of(number), blankToNull(event.details()), null, null, null));
        }
        if (event.is(AuditEventType.LETTER_ISSUED) && event.outcome() != null) {
            Long document = event.documentId();
            String link = document == null ? null : "/applications/" + number + "/letters/" + document;
            return Optional.of(new Notice(Kind.LETTER, "notification.letter." + event.outcome(), List.of(number), null, null,
                    link, link == null ? null : "LETTER:" + document));
        }
        if (event.is(AuditEventType.CLOSED) && CaseStatus.of(event.outcome()).filter(CaseStatus::isFinal).isPresent()) {
            return Optional.of(new Notice(Kind.OUTCOME, "notification.closed." + event.outcome(), List.of(number), null,
                    null, null, "CLOSED:" + applicationId));
        }
        return Optional.empty();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
