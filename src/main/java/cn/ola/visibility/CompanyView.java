package cn.ola.visibility;

import static cn.ola.visibility.Audience.COMPANY;
import static cn.ola.visibility.Audience.COMPANY_WITHOUT_TEXT;
import static cn.ola.visibility.Audience.REGULATORS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditEventType;
import cn.ola.filing.StoredDocument;
import cn.ola.workflow.OpenStep;

/**
 * What the applicant company may see of its case (DESIGN §6a): the one rule that every company
 * surface applies — the portal's case page and confirmation, the API, the inbox and its e-mails,
 * and the letters.
 * <p>
 * The company sees what is addressed to it (requests with their text, decisions with the reasons
 * meant for it, letters), its own actions, and where its case stands: the stage, the regulators'
 * statutory steps with their due dates. It does not see the regulators' internal reasons, the
 * review office's deliberations, whom it consults and what they answer, special reviews,
 * consultations of State Council departments, passed deadlines and their escalations to
 * supervisors, internal tasks, or the names of regulator staff. The case's overdue mark is the
 * regulators' too.
 * <p>
 * Every audit event type is classified below (the switch must name each); of the outcomes the
 * models record, {@link RecordedStep} names each; of the open tasks, {@link CaseTasks}. Anything
 * not classified — an event type read back that we no longer record, a new step or outcome, a new
 * task, a document of another kind — stays with the regulators.
 */
public final class CompanyView {

    /** The actor the company reads for anybody who is neither one of its users nor the system. */
    public static final String REGULATOR = "regulator";
    /** The actor of what the engine does by itself. */
    public static final String SYSTEM = "system";

    /**
     * The documents the company may list and download: what it filed itself (the kinds of
     * {@code applicant.DocumentKind}) and the letters addressed to it ({@code letters.LetterKind}).
     */
    static final Set<String> COMPANY_DOCUMENTS = Set.of(
            "FILING_REPORT", "PRC_LEGAL_OPINION", "PROSPECTUS", "CYBERSECURITY_REVIEW_DECLARATION",
            "NATIONAL_SECURITY_IMPACT_REPORT", "IPO_DOCUMENTS", "PI_SELF_ASSESSMENT", "INDUSTRY_OPINION", "SUPPLEMENT",
            "FILING_NOTICE", "REFUSAL_LETTER", "REVIEW_CONCLUSION", "EX_OFFICIO_REVIEW_CONCLUSION",
            "SUBSEQUENT_OFFERING_CONCLUSION");

    private CompanyView() {
    }

    // --- what happened -----------------------------------------------------------------------------

    static Audience audience(AuditEvent event) {
        return AuditEventType.of(event.eventType()).map(type -> switch (type) {
            // The company's own actions, in its own words.
            case DRAFT_CREATED, DRAFT_DELETED, SUBMITTED, WITHDRAWAL_REQUESTED, MATERIALS_SUPPLIED, OVERSEAS_SUBMISSION_REPORTED,
                    LISTING_REPORTED, MATERIAL_EVENT_REPORTED, SUBSEQUENT_OFFERING_FILED, INTERIM_MEASURES_CONFIRMED -> COMPANY;
            // The screening of what it filed, each result with the rule's reason, as told at submission.
            case SCREENING -> COMPANY;
            // A letter addressed to it, with its file.
            case LETTER_ISSUED -> COMPANY;
            // Where the case stands.
            case STAGE_ENTERED, STATUS_CHANGED, CLOSED -> COMPANY_WITHOUT_TEXT;
            // The regulators' overdue mark and the supervisor's follow-up.
            case DEADLINE_PASSED -> REGULATORS;
            case OUTCOME -> RecordedStep.audience(event.stage(), event.outcome());
        }).orElse(REGULATORS);
    }

    /** Whether the company learns of this event at all. */
    public static boolean shows(AuditEvent event) {
        return audience(event) != REGULATORS;
    }

    /**
     * The event as the company sees it — without the text entered with it where that text is the
     * regulators' own, and with anybody but the company's users and the system named
     * {@value #REGULATOR} — or empty when the company does not learn of it.
     */
    public static Optional<AuditEvent> event(AuditEvent event, Predicate<String> ownUser) {
        Audience audience = audience(event);
        if (audience == REGULATORS) {
            return Optional.empty();
        }
        return Optional.of(new AuditEvent(event.occurredAt(), actor(event.actor(), ownUser), event.eventType(),
                event.stage(), event.outcome(), audience == COMPANY ? event.details() : null, event.documentId()));
    }

    /** The events the company learns of, as it sees them, in their order. */
    public static List<AuditEvent> timeline(List<AuditEvent> events, Predicate<String> ownUser) {
        return events.stream().map(event -> event(event, ownUser)).flatMap(Optional::stream).toList();
    }

    /**
     * The text a decision may carry to the company (into a letter, say): the deciding officer's
     * reasons where they are meant for the company, else null.
     */
    public static String decisionText(String step, String outcome, String text) {
        return RecordedStep.audience(step, outcome) == COMPANY ? text : null;
    }

    /** Whether the company learns any outcome of this step (so that its pages must name the step). */
    public static boolean showsOutcomesOf(String step) {
        return RecordedStep.of(step).map(s -> s.outcomes().values().stream().anyMatch(a -> a != REGULATORS)).orElse(false);
    }

    private static String actor(String actor, Predicate<String> ownUser) {
        if (SYSTEM.equals(actor) || actor != null && ownUser.test(actor)) {
            return actor;
        }
        return REGULATOR;
    }

    // --- what the case waits for ---------------------------------------------------------------------

    /**
     * The open steps as the company sees them: its own and the regulators' statutory steps as they
     * are; the regulators' internal work as one step per stage under way, with a neutral name, the
     * earliest start and the latest due date of that work; nothing of the rest.
     */
    public static List<OpenStep> steps(List<OpenStep> open) {
        Map<String, OpenStep> shown = new LinkedHashMap<>();
        for (OpenStep step : open) {
            String key = CaseTasks.SHOWN_AS.get(step.taskKey());
            if (key == null) {
                continue;
            }
            if (key.equals(step.taskKey())) {
                shown.put("task " + step.taskId(), step);
            } else {
                shown.merge("stage " + key, new OpenStep(null, key, CaseTasks.STAGE_NAMES.get(key), null, step.openedAt(),
                        step.due(), step.workingDaysLeft(), null, null), CompanyView::together);
            }
        }
        return List.copyOf(shown.values());
    }

    /** One stage under way: since the first of its tasks opened, until the last of their due dates. */
    private static OpenStep together(OpenStep one, OpenStep other) {
        OpenStep later = one.due() == null || other.due() != null && other.due().isAfter(one.due()) ? other : one;
        return new OpenStep(null, one.taskKey(), one.name(), null,
                one.openedAt().isBefore(other.openedAt()) ? one.openedAt() : other.openedAt(), later.due(),
                later.workingDaysLeft(), null, null);
    }

    // --- documents -------------------------------------------------------------------------------------

    /** Whether the company may list and download this document. */
    public static boolean shows(StoredDocument document) {
        return COMPANY_DOCUMENTS.contains(document.kind());
    }

    public static List<StoredDocument> documents(List<StoredDocument> documents) {
        return documents.stream().filter(CompanyView::shows).toList();
    }
}
