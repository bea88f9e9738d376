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

/** Every read and write of table {@code subsequent_offerings}: the events module owns it. */
@Repository
class SubsequentOfferingTable {

    private static final String SELECT = """
            SELECT o.id, o.application_id, o.application_number, o.company_id, o.venue_exchange, o.completed_on, o.description,
                   o.filed_by, o.filed_at, o.late, o.overdue, o.state, o.concluded_at, o.conclusion, o.letter_document_id,
                   o.process_instance_id
            FROM subsequent_offerings o
            """;
    private static final List<String> CONCLUDED = List.of(SubsequentOfferingState.NOTICE_ISSUED.name(),
            SubsequentOfferingState.REFUSED.name(), SubsequentOfferingState.WITHDRAWN.name());

    private final JdbcClient jdbc;

    SubsequentOfferingTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long applicationId, ApplicationNumber number, long companyId, String exchange, LocalDate completedOn,
            String description, String filedBy, Instant filedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO subsequent_offerings (application_id, application_number, company_id, venue_exchange, completed_on,
                    description, filed_by, filed_at, late, overdue, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?)""")
                .params(applicationId, number.toString(), companyId, exchange, Date.valueOf(completedOn), description, filedBy,
                        Timestamp.from(filedAt), SubsequentOfferingState.FILED.name())
                .update(key, "id");
        return key.getKey().longValue();
    }

    void linkProcess(long id, String processInstanceId) {
        jdbc.sql("UPDATE subsequent_offerings SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    /** An offering of the case still open with the same filing: what a second click of the same form would file again. */
    Optional<Long> openWithSameFiling(long applicationId, LocalDate completedOn, String description) {
        return jdbc.sql("""
                SELECT id FROM subsequent_offerings WHERE application_id = ? AND completed_on = ? AND description = ?
                AND state NOT IN (?, ?, ?) ORDER BY id""")
                .params(applicationId, Date.valueOf(completedOn), description, CONCLUDED.get(0), CONCLUDED.get(1),
                        CONCLUDED.get(2))
                .query(Long.class).list().stream().findFirst();
    }

    Optional<SubsequentOffering> find(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(SubsequentOfferingTable::offering).optional();
    }

    List<SubsequentOffering> ofCompany(long companyId) {
        return jdbc.sql(SELECT + " WHERE o.company_id = ? ORDER BY o.filed_at DESC, o.id DESC").param(companyId)
                .query(SubsequentOfferingTable::offering).list();
    }

    List<SubsequentOffering> ofApplication(long applicationId) {
        return jdbc.sql(SELECT + " WHERE o.application_id = ? ORDER BY o.filed_at DESC, o.id DESC").param(applicationId)
                .query(SubsequentOfferingTable::offering).list();
    }

    void markOverdue(long id) {
        jdbc.sql("UPDATE subsequent_offerings SET overdue = TRUE WHERE id = ?").param(id).update();
    }

    void flagLate(long id) {
        jdbc.sql("UPDATE subsequent_offerings SET late = TRUE WHERE id = ?").param(id).update();
    }

    void state(long id, SubsequentOfferingState state) {
        jdbc.sql("UPDATE subsequent_offerings SET state = ? WHERE id = ?").params(state.name(), id).update();
    }

    void conclude(long id, SubsequentOfferingState state, String conclusion, Instant at, Long letterDocumentId) {
        jdbc.sql("UPDATE subsequent_offerings SET state = ?, conclusion = ?, concluded_at = ?, letter_document_id = ? WHERE id = ?")
                .params(state.name(), conclusion, Timestamp.from(at), letterDocumentId, id).update();
    }

    OpenOfferings open() {
        return jdbc.sql("""
                SELECT COUNT(*) AS offerings, COALESCE(SUM(CASE WHEN o.overdue THEN 1 ELSE 0 END), 0) AS overdue,
                       COALESCE(SUM(CASE WHEN o.late THEN 1 ELSE 0 END), 0) AS late
                FROM subsequent_offerings o
                WHERE o.state NOT IN (?, ?, ?)""")
                .params(CONCLUDED.get(0), CONCLUDED.get(1), CONCLUDED.get(2))
                .query((row, n) -> new OpenOfferings(row.getLong("offerings"), row.getLong("overdue"), row.getLong("late")))
                .single();
    }

    private static SubsequentOffering offering(ResultSet row, int n) throws SQLException {
        Timestamp concluded = row.getTimestamp("concluded_at");
        return new SubsequentOffering(row.getLong("id"), row.getLong("application_id"),
                ApplicationNumber.parse(row.getString("application_number")), row.getLong("company_id"),
                row.getString("venue_exchange"), row.getDate("completed_on").toLocalDate(), row.getString("description"),
                row.getString("filed_by"), row.getTimestamp("filed_at").toInstant(), row.getBoolean("late"),
                row.getBoolean("overdue"), SubsequentOfferingState.valueOf(row.getString("state")),
                concluded == null ? null : concluded.toInstant(), row.getString("conclusion"),
                row.getObject("letter_document_id", Long.class), row.getString("process_instance_id"));
    }
}
