package cn.ola.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The audit trail on our real schema (H2): an entry about a document keeps the document's id in a
 * field of its own, and the letters recorded before that field existed get theirs from their text
 * when the schema is migrated.
 */
class AuditTrailTest {

    private static final Instant NOW = Instant.parse("2026-03-05T02:00:00Z");

    private DataSource dataSource;
    private JdbcClient jdbc;
    private final List<Object> published = new ArrayList<>();

    @BeforeEach
    void setUp() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void anEntryAboutADocumentNamesItAndTheEventPublishedSaysTheSame() {
        migrate(null);
        long application = application();
        AuditTrail trail = new AuditTrail(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), published::add);

        trail.record(application, "system", AuditEventType.LETTER_ISSUED, "CSRC_FILING", "FILING_NOTICE",
                "Document 42: OLA-2026-000001-filing-notice.pdf (FILED)", 42L);
        trail.record(application, "system", AuditEventType.STAGE_ENTERED, "CSRC_FILING", null, null);

        List<AuditEvent> events = trail.of(application);
        assertThat(events).extracting(AuditEvent::documentId).containsExactly(42L, null);
        assertThat(events.get(0).is(AuditEventType.LETTER_ISSUED)).isTrue();
        assertThat(events.get(1).is(AuditEventType.LETTER_ISSUED)).isFalse();
        assertThat(published).extracting(event -> ((AuditRecorded) event).event().documentId()).containsExactly(42L, null);
    }

    @Test
    void lettersRecordedBeforeTheDocumentFieldGetTheirDocumentFromTheirText() {
        migrate("26");
        long application = application();
        insertOld(application, "LETTER_ISSUED", "Document 17: OLA-2026-000001-filing-notice.pdf (FILED)");
        insertOld(application, "LETTER_ISSUED", "Document 1234567: OLA-2026-000001-refusal-letter.pdf (REFUSED)");
        insertOld(application, "OUTCOME", "Document 99: not a letter");
        insertOld(application, "LETTER_ISSUED", null);

        migrate(null);

        assertThat(new AuditTrail(jdbc, Clock.systemUTC(), published::add).of(application))
                .extracting(AuditEvent::documentId).containsExactly(17L, 1234567L, null, null);
    }

    private void migrate(String target) {
        var flyway = Flyway.configure().dataSource(dataSource).table("ola_schema_history");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    private long application() {
        jdbc.sql("""
                INSERT INTO companies (id, credit_code, name_zh, contact_person, contact_email, contact_phone, camunda_group_id, created_at)
                VALUES (1, '91110000MA01ABCD2Q', '示例数据科技股份有限公司', '李华', 'a@example.cn', '1', 'company-91110000MA01ABCD2Q', ?)""")
                .param(Timestamp.from(NOW)).update();
        jdbc.sql("INSERT INTO applications (id, company_id, status, created_at, updated_at) VALUES (7, 1, 'SUBMITTED', ?, ?)")
                .params(Timestamp.from(NOW), Timestamp.from(NOW)).update();
        return 7;
    }

    private void insertOld(long application, String type, String details) {
        jdbc.sql("INSERT INTO audit_events (application_id, occurred_at, actor, event_type, stage, outcome, details) "
                + "VALUES (?, ?, 'system', ?, 'CSRC_FILING', 'FILING_NOTICE', ?)")
                .params(application, Timestamp.from(NOW), type, details).update();
    }
}
