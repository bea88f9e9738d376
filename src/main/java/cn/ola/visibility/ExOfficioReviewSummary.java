package cn.ola.visibility;

import java.time.Instant;
import java.util.List;

import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditEventType;

/**
 * The latest ex-officio cybersecurity review of a case as its company sees it (case page and API), read from the
 * history the company may see: when it was opened, the interim measures (in force or lifted, each with
 * its date in its text), the company's confirmation, and the conclusion with its letter.
 */
public record ExOfficioReviewSummary(Instant openedAt, String measures, boolean measuresInForce, String lifted, Instant confirmedAt,
        String conclusion, String conclusionReasons, Long letterId) {

    static final String REVIEW = "EX_OFFICIO_REVIEW";
    static final String MEASURES = "EX_OFFICIO_INTERIM_MEASURES";
    static final String LETTER = "EX_OFFICIO_REVIEW_CONCLUSION";

    /** The latest review in the company's history, or null when none was ever opened. */
    public static ExOfficioReviewSummary of(List<AuditEvent> companyTimeline) {
        ExOfficioReviewSummary view = null;
        for (AuditEvent e : companyTimeline) {
            if (e.is(AuditEventType.OUTCOME) && REVIEW.equals(e.stage()) && "OPENED".equals(e.outcome())) {
                view = new ExOfficioReviewSummary(e.occurredAt(), null, false, null, null, null, null, null);
            } else if (view == null) {
                continue;
            } else if (e.is(AuditEventType.OUTCOME) && MEASURES.equals(e.stage()) && "IMPOSED".equals(e.outcome())) {
                view = new ExOfficioReviewSummary(view.openedAt, e.details(), true, null, null, view.conclusion,
                        view.conclusionReasons, view.letterId);
            } else if (e.is(AuditEventType.OUTCOME) && MEASURES.equals(e.stage()) && "LIFTED".equals(e.outcome())) {
                view = new ExOfficioReviewSummary(view.openedAt, view.measures, false, e.details(), view.confirmedAt,
                        view.conclusion, view.conclusionReasons, view.letterId);
            } else if (e.is(AuditEventType.INTERIM_MEASURES_CONFIRMED)) {
                view = new ExOfficioReviewSummary(view.openedAt, view.measures, view.measuresInForce, view.lifted, e.occurredAt(),
                        view.conclusion, view.conclusionReasons, view.letterId);
            } else if (e.is(AuditEventType.OUTCOME) && REVIEW.equals(e.stage())) {
                view = new ExOfficioReviewSummary(view.openedAt, view.measures, view.measuresInForce, view.lifted, view.confirmedAt,
                        e.outcome(), e.details(), view.letterId);
            } else if (e.is(AuditEventType.LETTER_ISSUED) && LETTER.equals(e.outcome())) {
                view = new ExOfficioReviewSummary(view.openedAt, view.measures, view.measuresInForce, view.lifted, view.confirmedAt,
                        view.conclusion, view.conclusionReasons, e.documentId());
            }
        }
        return view;
    }
}
