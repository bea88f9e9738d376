package cn.ola.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ordered record of what happened to a case: who, what, when, with which outcome. Every
 * entry is also published as an {@link AuditRecorded} event in the caller's transaction.
 */
@Service
public class AuditTrail {

    public static final int MAX_DETAILS = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AuditTrail(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public void record(Long applicationId, String actor, AuditEventType type, String stage, String outcome, String details) {
        record(applicationId, actor, type, stage, outcome, details, null);
    }

    /** An entry about a document of the case (a letter issued into it, say). */
    public void record(Long applicationId, String actor, AuditEventType type, String stage, String outcome, String details,
            Long documentId) {
        String eventType = type.name();
        Instant now = clock.instant();
        String kept = details == null || details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS);
        jdbc.sql("""
                INSERT INTO audit_events (application_id, occurred_at, actor, event_type, stage, outcome, details, document_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, Timestamp.from(now), actor, eventType, stage, outcome, kept, documentId)
                .update();
        events.publishEvent(new AuditRecorded(applicationId,
                new AuditEvent(now, actor, eventType, stage, outcome, kept, documentId)));
    }

    public List<AuditEvent> of(long applicationId) {
        return jdbc.sql("""
                SELECT occurred_at, actor, event_type, stage, outcome, details, document_id FROM audit_events
                WHERE application_id = ? ORDER BY occurred_at, id""")
                .param(applicationId)
                .query((row, n) -> new AuditEvent(row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
                        row.getString("event_type"), row.getString("stage"), row.getString("outcome"), row.getString("details"),
                        row.getObject("document_id", Long.class)))
                .list();
    }
}
