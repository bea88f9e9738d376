package cn.ola.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts and series over the audit trails of every case, for the supervisors' dashboard: one query
 * each, grouped in the database where the figure allows it.
 */
@Service
public class AuditFigures {

    private final JdbcClient jdbc;

    AuditFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Outcomes recorded in one period (its index in the periods asked for). */
    public record OutcomeCount(int period, String outcome, long count) {
    }

    /** A case entered a stage, or closed ({@code stage} is then irrelevant). */
    public record StageEntry(long applicationId, boolean closing, String stage, Instant at) {
    }

    /**
     * The {@link AuditEventType#OUTCOME} entries of the given steps, and of the steps starting with
     * {@code stepPrefix}, per period and outcome, leaving out {@code exceptOutcome}. The periods follow
     * one another: each starts at its entry of {@code periodStarts} and the last ends at {@code end}.
     */
    public List<OutcomeCount> outcomesPerPeriod(List<Instant> periodStarts, Instant end, List<String> steps,
            String stepPrefix, String exceptOutcome) {
        int count = periodStarts.size();
        StringBuilder period = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>();
        for (int index = count - 1; index > 0; index--) {
            period.append(" WHEN occurred_at >= ? THEN ").append(index);
            params.add(Timestamp.from(periodStarts.get(index)));
        }
        period.append(" ELSE 0 END");
        String stepList = String.join(", ", steps.stream().map(step -> "?").toList());
        params.addAll(List.of(AuditEventType.OUTCOME.name(), Timestamp.from(periodStarts.get(0)), Timestamp.from(end)));
        params.addAll(steps);
        params.add(stepPrefix + "%");
        params.add(exceptOutcome);
        return jdbc.sql("SELECT week_index, outcome, COUNT(*) AS decisions FROM ("
                        + " SELECT " + period + " AS week_index, outcome FROM audit_events"
                        + " WHERE event_type = ? AND occurred_at >= ? AND occurred_at < ?"
                        + " AND (stage IN (" + stepList + ") OR stage LIKE ?)"
                        + " AND outcome <> ?) decisions"
                        + " GROUP BY week_index, outcome")
                .params(params)
                .query((row, n) -> new OutcomeCount(row.getInt("week_index"), row.getString("outcome"),
                        row.getLong("decisions")))
                .list();
    }

    /**
     * The stage entries and closes of every case that was open at some time since {@code since}, that
     * is, that did not close before it; ordered by case and time. A case's close is its
     * {@link AuditEventType#CLOSED} entry, so that the trail answers this alone.
     */
    public List<StageEntry> stageEntriesOfCasesOpenSince(Instant since) {
        return jdbc.sql("""
                SELECT e.application_id, e.event_type, e.stage, e.occurred_at
                FROM audit_events e
                WHERE e.event_type IN (?, ?) AND e.application_id IS NOT NULL
                  AND e.application_id NOT IN (SELECT c.application_id FROM audit_events c
                      WHERE c.event_type = ? AND c.occurred_at < ? AND c.application_id IS NOT NULL)
                ORDER BY e.application_id, e.occurred_at, e.id""")
                .params(AuditEventType.STAGE_ENTERED.name(), AuditEventType.CLOSED.name(), AuditEventType.CLOSED.name(),
                        Timestamp.from(since))
                .query((row, n) -> new StageEntry(row.getLong("application_id"),
                        AuditEventType.CLOSED.name().equals(row.getString("event_type")),
                        row.getString("stage"), row.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}
