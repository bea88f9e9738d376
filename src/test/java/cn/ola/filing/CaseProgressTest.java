package cn.ola.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case's id by its number, on our real schema (H2): read once in a transaction, whatever the step's listeners
 * ask after it, and read again in the next.
 */
class CaseProgressTest {

    private static final Instant NOW = Instant.parse("2026-03-05T02:00:00Z");
    private static final String NUMBER = "OLA-2026-000007";

    private JdbcClient jdbc;
    private TransactionTemplate transaction;
    private CaseProgress progress;

    @BeforeEach
    void setUp() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:progress-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).table("ola_schema_history").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        progress = new CaseProgress(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        jdbc.sql("""
                INSERT INTO companies (id, credit_code, name_zh, contact_person, contact_email, contact_phone, camunda_group_id, created_at)
                VALUES (1, '91110000MA01ABCD2Q', '示例数据科技股份有限公司', '李华', 'a@example.cn', '1', 'company-91110000MA01ABCD2Q', ?)""")
                .param(Timestamp.from(NOW)).update();
        jdbc.sql("""
                INSERT INTO applications (id, company_id, application_number, status, created_at, updated_at)
                VALUES (7, 1, ?, 'SUBMITTED', ?, ?)""").params(NUMBER, Timestamp.from(NOW), Timestamp.from(NOW)).update();
    }

    @Test
    void aNumbersIdIsReadOnceInATransactionAndAgainInTheNext() {
        Optional<Long> second = transaction.execute(status -> {
            assertThat(progress.idOf(NUMBER)).contains(7L);
            // The row goes behind the transaction's back (on a connection of its own): the id read stands for it.
            renumberOnAnotherConnection();
            return progress.idOf(NUMBER);
        });
        assertThat(second).as("the second look in the same transaction").contains(7L);

        Optional<Long> next = transaction.execute(status -> progress.idOf(NUMBER));
        assertThat(next).as("the next transaction reads again").isEmpty();
        assertThat(progress.idOf("OLA-2026-000008")).as("outside a transaction, read every time").contains(7L);
    }

    private void renumberOnAnotherConnection() {
        Thread other = new Thread(() -> jdbc.sql("UPDATE applications SET application_number = 'OLA-2026-000008' WHERE id = 7")
                .update());
        other.start();
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
