package cn.ola.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The ordered record of what happened to a case: who, what, when, with which outcome. */
@Service
public class AuditTrail {

    public static final int MAX_DETAILS = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Long applicationId, String actor, String eventType, String stage, String outcome, String details) {
        jdbc.sql("""
                INSERT INTO audit_events (application_id, occurred_at, actor, event_type, stage, outcome, details)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, Timestamp.from(clock.instant()), actor, eventType, stage, outcome,
                        details == null || details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS))
                .update();
    }

    public List<AuditEvent> of(long applicationId) {
        return jdbc.sql("""
                SELECT occurred_at, actor, event_type, stage, outcome, details FROM audit_events
                WHERE application_id = ? ORDER BY occurred_at, id""")
                .param(applicationId)
                .query((row, n) -> new AuditEvent(row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
                        row.getString("event_type"), row.getString("stage"), row.getString("outcome"), row.getString("details")))
                .list();
    }
}
