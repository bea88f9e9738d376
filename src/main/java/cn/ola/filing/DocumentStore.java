package cn.ola.filing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The files of an application, kept by us: one row in {@code documents} and one file under
 * {@code <ola.data-dir>/documents/<storage key>}. The row is written in the caller's transaction;
 * when that transaction rolls back, the file written for it is removed again, so that a retried
 * job or request leaves neither a second row nor an orphaned file behind.
 */
@Service
public class DocumentStore {

    static final String FOLDER = "documents";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path folder;

    DocumentStore(JdbcClient jdbc, Clock clock, @Value("${ola.data-dir}") Path dataDir) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.folder = dataDir.resolve(FOLDER);
    }

    /** Keeps the bytes as a new document of the application and returns its row. */
    @Transactional
    public StoredDocument store(long applicationId, String kind, String filename, String contentType, byte[] content,
            String uploadedBy) {
        String storageKey = UUID.randomUUID().toString();
        Path file = write(storageKey, content);
        removeOnRollback(file);
        Timestamp now = Timestamp.from(clock.instant());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO documents (application_id, kind, original_filename, content_type, size_bytes, sha256,
                                       storage_key, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, kind, filename, contentType, (long) content.length, sha256(content), storageKey,
                        uploadedBy, now)
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    /**
     * Keeps the bytes as the application's current document of this kind: earlier documents of
     * the kind stay on record, marked superseded.
     */
    @Transactional
    public StoredDocument storeReplacing(long applicationId, String kind, String filename, String contentType,
            byte[] content, String uploadedBy) {
        jdbc.sql("UPDATE documents SET superseded_at = ? WHERE application_id = ? AND kind = ? AND superseded_at IS NULL")
                .params(Timestamp.from(clock.instant()), applicationId, kind).update();
        return store(applicationId, kind, filename, contentType, content, uploadedBy);
    }

    /**
     * Removes every document of the application: the rows at once, the files once the caller's
     * transaction has committed (a rollback leaves both). Returns how many there were.
     */
    @Transactional
    public int removeAll(long applicationId) {
        List<StoredDocument> removed = of(applicationId);
        jdbc.sql("DELETE FROM documents WHERE application_id = ?").param(applicationId).update();
        List<Path> files = removed.stream().map(document -> folder.resolve(document.storageKey())).toList();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteFiles(files);
                }
            });
        } else {
            deleteFiles(files);
        }
        return removed.size();
    }

    private static void deleteFiles(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A file left behind is harmless: no row points to it any more.
            }
        }
    }

    public Optional<StoredDocument> find(long id) {
        return jdbc.sql("SELECT * FROM documents WHERE id = ?").param(id).query(DocumentStore::map).optional();
    }

    /** The application's documents, oldest first, superseded ones included. */
    public List<StoredDocument> of(long applicationId) {
        return jdbc.sql("SELECT * FROM documents WHERE application_id = ? ORDER BY uploaded_at, id").param(applicationId)
                .query(DocumentStore::map).list();
    }

    /** The bytes of a stored document; a file that no longer matches its checksum is refused. */
    public byte[] content(StoredDocument document) {
        byte[] content;
        try {
            content = Files.readAllBytes(folder.resolve(document.storageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("Document " + document.id() + " cannot be read from the document store", e);
        }
        if (!sha256(content).equals(document.sha256())) {
            throw new IllegalStateException("Document " + document.id() + " no longer matches its checksum");
        }
        return content;
    }

    private Path write(String storageKey, byte[] content) {
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, storageKey, ".partial");
            Files.write(partial, content);
            return Files.move(partial, folder.resolve(storageKey), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The document store at " + folder + " cannot be written", e);
        }
    }

    private static void removeOnRollback(Path file) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // An orphaned file is harmless: no row points to it.
                    }
                }
            }
        });
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static StoredDocument map(ResultSet row, int n) throws SQLException {
        Timestamp superseded = row.getTimestamp("superseded_at");
        return new StoredDocument(row.getLong("id"), row.getLong("application_id"), row.getString("kind"),
                row.getString("original_filename"), row.getString("content_type"), row.getLong("size_bytes"),
                row.getString("sha256"), row.getString("storage_key"), row.getString("uploaded_by"),
                row.getTimestamp("uploaded_at").toInstant(), superseded == null ? null : superseded.toInstant());
    }
}
