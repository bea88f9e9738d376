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
import java.util.Random;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.ola.ops.StartupLock;

/**
 * The document store on our real schema (H2): a stored file comes back byte for byte (also one of
 * several pieces), bytes that were changed behind our back are refused, and a transaction that
 * rolls back leaves neither row nor bytes — which is what lets a failed letter job be retried
 * cleanly. Documents filed when their bytes were files under the data folder are read in at start.
 */
class DocumentStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-05T02:00:00Z");

    @TempDir
    Path dataDir;

    private JdbcClient jdbc;
    private DataSourceTransactionManager transactions;
    private TransactionTemplate transaction;
    private DocumentStore store;
    private long applicationId;

    @BeforeEach
    void setUp() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:documents-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).table("ola_schema_history").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(transactions);
        store = new DocumentStore(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
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
        assertThat(store.of(applicationId)).containsExactly(found);
    }

    @Test
    void aLargeFileIsKeptInPiecesAndComesBackWhole() {
        byte[] content = new byte[2 * DocumentStore.PIECE + 12345];
        new Random(7).nextBytes(content);

        StoredDocument stored = transaction.execute(status ->
                store.store(applicationId, "PROSPECTUS", "prospectus.pdf", "application/pdf", content, "compliance"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_content WHERE document_id = ?").param(stored.id())
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(store.content(stored)).isEqualTo(content);
    }

    @Test
    void aRolledBackTransactionLeavesNeitherRowNorBytes() {
        transaction.executeWithoutResult(status -> {
            store.store(applicationId, "FILING_NOTICE", "notice.pdf", "application/pdf", new byte[] {1, 2, 3}, "system");
            status.setRollbackOnly();
        });

        assertThat(store.of(applicationId)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_content").query(Integer.class).single()).isZero();
    }

    @Test
    void bytesChangedOutsideTheStoreAreRefused() {
        StoredDocument stored = transaction.execute(status ->
                store.store(applicationId, "FILING_NOTICE", "notice.pdf", "application/pdf", new byte[] {1, 2, 3}, "system"));
        jdbc.sql("UPDATE document_content SET bytes = ? WHERE document_id = ?").params(new byte[] {1, 2, 4}, stored.id())
                .update();

        assertThatThrownBy(() -> store.content(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer matches its checksum");
    }

    @Test
    void documentsFiledAsFilesAreReadInAtStartAndAnAlteredFileIsLeftOut() throws IOException {
        byte[] kept = "%PDF-1.7 招股说明书".getBytes(StandardCharsets.UTF_8);
        long keptId = filedAsFile("kept-key", kept, kept);
        long alteredId = filedAsFile("altered-key", new byte[] {1, 2, 3}, new byte[] {1, 2, 4});
        long missingId = filedAsFile("missing-key", new byte[] {5}, null);
        // Camunda's start-up lock row, which the import takes its turn on.
        jdbc.sql("CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY, VALUE_ VARCHAR(300), REV_ INT)").update();
        jdbc.sql("INSERT INTO ACT_GE_PROPERTY VALUES ('startup.lock', '0', 1)").update();
        var importer = new DocumentFilesImport(jdbc, store, new StartupLock(jdbc, transactions), dataDir);

        importer.run(null);
        importer.run(null);

        assertThat(store.content(store.find(keptId).orElseThrow())).isEqualTo(kept);
        assertThatThrownBy(() -> store.content(store.find(alteredId).orElseThrow()))
                .hasMessageContaining("has no content in the document store");
        assertThatThrownBy(() -> store.content(store.find(missingId).orElseThrow()))
                .hasMessageContaining("has no content in the document store");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_content").query(Integer.class).single()).isEqualTo(1);
    }

    /** A document row as an earlier version wrote it, with its bytes (if any) in a file under the data folder. */
    private long filedAsFile(String storageKey, byte[] filed, byte[] fileNow) throws IOException {
        jdbc.sql("""
                INSERT INTO documents (application_id, kind, original_filename, content_type, size_bytes, sha256,
                                       storage_key, uploaded_by, uploaded_at)
                VALUES (?, 'PROSPECTUS', 'prospectus.pdf', 'application/pdf', ?, ?, ?, 'compliance', ?)""")
                .params(applicationId, (long) filed.length, DocumentStore.sha256(filed), storageKey, Timestamp.from(NOW))
                .update();
        if (fileNow != null) {
            Files.createDirectories(dataDir.resolve("documents"));
            Files.write(dataDir.resolve("documents").resolve(storageKey), fileNow);
        }
        return jdbc.sql("SELECT id FROM documents WHERE storage_key = ?").param(storageKey).query(Long.class).single();
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
