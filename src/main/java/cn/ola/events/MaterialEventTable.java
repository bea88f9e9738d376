package cn.ola.events;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.ola.filing.ApplicationNumber;

/** Every read and write of table {@code material_events}: the events module owns it. */
@Repository
class MaterialEventTable {

    private static final String SELECT = """
            SELECT e.id, e.application_id, e.application_number, e.company_id, e.event_kind, e.announced_on, e.description,
                   e.reported_by, e.reported_at, e.late, e.state, e.acknowledged_at, e.concluded_at, e.conclusion,
                   e.process_instance_id
            FROM material_events e
            """;
    private static final List<String> CONCLUDED = List.of(MaterialEventState.CLOSED.name(), MaterialEventState.REFERRED.name());

    private final JdbcClient jdbc;

    MaterialEventTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long applicationId, ApplicationNumber number, long companyId, MaterialEventKind kind, LocalDate announcedOn,
            String description, String reportedBy, Instant reportedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO material_events (application_id, application_number, company_id, event_kind, announced_on,
                    description, reported_by, reported_at, late, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""")
                .params(applicationId, number.toString(), companyId, kind.name(), Date.valueOf(announcedOn), description, reportedBy,
                        Timestamp.from(reportedAt), MaterialEventState.REPORTED.name())
                .update(key, "id");
        return key.getKey().longValue();
    }

    void linkProcess(long id, String processInstanceId) {
        jdbc.sql("UPDATE material_events SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    /** An event of the case still open with the same report: what a second click of the same form would file again. */
    Optional<Long> openWithSameReport(long applicationId, MaterialEventKind kind, LocalDate announcedOn, String description) {
        return jdbc.sql("""
                SELECT id FROM material_events WHERE application_id = ? AND event_kind = ? AND announced_on = ?
                AND description = ? AND state NOT IN (?, ?) ORDER BY id""")
                .params(applicationId, kind.name(), Date.valueOf(announcedOn), description, CONCLUDED.get(0), CONCLUDED.get(1))
                .query(Long.class).list().stream().findFirst();
    }

    Optional<MaterialEvent> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(MaterialEventTable::event).optional();
    }

    List<MaterialEvent> ofCompany(long companyId) {
        return jdbc.sql(SELECT + " WHERE e.company_id = ? ORDER BY e.reported_at DESC, e.id DESC").param(companyId)
                .query(MaterialEventTable::event).list();
    }

    List<MaterialEvent> ofApplication(long applicationId) {
        return jdbc.sql(SELECT + " WHERE e.application_id = ? ORDER BY e.reported_at DESC, e.id DESC").param(applicationId)
                .query(MaterialEventTable::event).list();
    }

    void markOverdue(long id) {
        jdbc.sql("UPDATE material_events SET overdue = TRUE WHERE id = ?").param(id).update();
    }

    void flagLate(long id) {
        jdbc.sql("UPDATE material_events SET late = TRUE WHERE id = ?").param(id).update();
    }

    /** A step of the handling; the first acknowledgement is kept with its time. */
    void state(long id, MaterialEventState state, Instant at) {
        if (state == MaterialEventState.ACKNOWLEDGED) {
            jdbc.sql("UPDATE material_events SET state = ?, acknowledged_at = COALESCE(acknowledged_at, ?) WHERE id = ?")
                    .params(state.name(), Timestamp.from(at), id).update();
        } else {
            jdbc.sql("UPDATE material_events SET state = ? WHERE id = ?").params(state.name(), id).update();
        }
    }

    void conclude(long id, MaterialEventState state, String conclusion, Instant at) {
        jdbc.sql("UPDATE material_events SET state = ?, conclusion = ?, concluded_at = ? WHERE id = ?")
                .params(state.name(), conclusion, Timestamp.from(at), id).update();
    }

    /** Listed cases with a material event the CSRC has not concluded yet, and of them those with one overdue. */
    OpenEvents open() {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT e.application_id) AS cases,
                       COUNT(DISTINCT CASE WHEN e.overdue THEN e.application_id END) AS overdue_cases
                FROM material_events e
                WHERE e.state NOT IN (?, ?)""")
                .params(CONCLUDED.get(0), CONCLUDED.get(1))
                .query((row, n) -> new OpenEvents(row.getLong("cases"), row.getLong("overdue_cases"))).single();
    }

    private static MaterialEvent event(ResultSet row, int n) throws SQLException {
        return new MaterialEvent(row.getLong("id"), row.getLong("application_id"),
                ApplicationNumber.parse(row.getString("application_number")), row.getLong("company_id"),
                MaterialEventKind.valueOf(row.getString("event_kind")), row.getDate("announced_on").toLocalDate(),
                row.getString("description"), row.getString("reported_by"), row.getTimestamp("reported_at").toInstant(),
                row.getBoolean("late"), MaterialEventState.valueOf(row.getString("state")),
                instant(row.getTimestamp("acknowledged_at")), instant(row.getTimestamp("concluded_at")),
                row.getString("conclusion"), row.getString("process_instance_id"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
