package cn.ola.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The document store on our real schema (H2): a stored file comes back byte for byte, a file
 * that was changed behind our back is refused, and a transaction that rolls back leaves neither
 * row nor file — which is what lets a failed letter job be retried cleanly.
 */
class DocumentStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-05T02:00:00Z");

    @TempDir
    Path dataDir;

    private JdbcClient jdbc;
    private TransactionTemplate transaction;
    private DocumentStore store;
    private long applicationId;

    @BeforeEach
    void setUp() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:documents-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).table("ola_schema_history").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        store = new DocumentStore(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), dataDir);
        jdbc.sql("""
                INSERT INTO companies (id, credit_code, name_zh, contact_person, contact_email, contact_phone, camunda_group_id, created_at)
                VALUES (1, '91110000MA01ABCD2Q', '示例数据科技股份有限公司', '李华', 'a@example.cn', '1', 'company-91110000MA01ABCD2Q', ?)""")
                .param(Timestamp.from(NOW)).update();
        jdbc.sql("INSERT INTO applications (id, company_id, status, created_at, updated_at) VALUES (7, 1, 'SUBMITTED', ?, ?)")
                .params(Timestamp.from(NOW), Timestamp.from(NOW)).update();
        applicationId = 7;
    }

    @Test
    void aStoredDocumentComesBackByteForByteWithItsDescription() {
        byte[] content = "%PDF-1.7 备案通知书".getBytes(StandardCharsets.UTF_8);

        StoredDocument stored = transaction.execute(status ->
                store.store(applicationId, "FILING_NOTICE", "OLA-2026-000001-filing-notice.pdf", "application/pdf", content, "system"));

        StoredDocument found = store.find(stored.id()).orElseThrow();
        assertThat(found).isEqualTo(stored);
        assertThat(found.sizeBytes()).isEqualTo(content.length);
        assertThat(found.sha256()).hasSize(64).isEqualTo(DocumentStore.sha256(content));
        assertThat(found.uploadedAt()).isEqualTo(NOW);
        assertThat(found.current()).isTrue();
        assertThat(store.content(found)).isEqualTo(content);
        assertThat(dataDir.resolve("documents").resolve(found.storageKey())).exists();
        assertThat(store.of(applicationId)).containsExactly(found);
    }

    @Test
    void aRolledBackTransactionLeavesNeitherRowNorFile() throws IOException {
        transaction.executeWithoutResult(status -> {
            store.store(applicationId, "FILING_NOTICE", "notice.pdf", "application/pdf", new byte[] {1, 2, 3}, "system");
            status.setRollbackOnly();
        });

        assertThat(store.of(applicationId)).isEmpty();
        try (var files = Files.list(dataDir.resolve("documents"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFileChangedOutsideTheStoreIsRefused() throws IOException {
        StoredDocument stored = transaction.execute(status ->
                store.store(applicationId, "FILING_NOTICE", "notice.pdf", "application/pdf", new byte[] {1, 2, 3}, "system"));
        Files.write(dataDir.resolve("documents").resolve(stored.storageKey()), new byte[] {1, 2, 4});

        assertThatThrownBy(() -> store.content(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer matches its checksum");
    }

    @Test
    void aReplacementSupersedesTheEarlierDocumentOfItsKindOnly() {
        StoredDocument first = transaction.execute(status ->
                store.store(applicationId, "FILING_NOTICE", "first.pdf", "application/pdf", new byte[] {1}, "system"));
        StoredDocument other = transaction.execute(status ->
                store.store(applicationId, "PROSPECTUS", "prospectus.pdf", "application/pdf", new byte[] {2}, "compliance"));

        StoredDocument second = transaction.execute(status ->
                store.storeReplacing(applicationId, "FILING_NOTICE", "second.pdf", "application/pdf", new byte[] {3}, "system"));

        assertThat(store.find(first.id()).orElseThrow().current()).isFalse();
        assertThat(store.find(second.id()).orElseThrow().current()).isTrue();
        assertThat(store.find(other.id()).orElseThrow().current()).isTrue();
        assertThat(store.content(store.find(first.id()).orElseThrow())).containsExactly(1);
    }
}
