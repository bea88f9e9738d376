package cn.ola.filing;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of an application, kept by us in the database, where every node reaches them: one row
 * in {@code documents} and the bytes in {@code document_content}, cut into pieces of at most
 * {@link #PIECE} bytes (no statement comes near the server's packet limit, whatever the file). Both
 * are written in the caller's transaction, so a retried job or request leaves neither a second row
 * nor stray bytes behind.
 */
@Service
public class DocumentStore {

    /** The size of one piece of a document's bytes in {@code document_content}. */
    static final int PIECE = 1024 * 1024;

    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps the bytes as a new document of the application and returns its row. */
    @Transactional
    public StoredDocument store(long applicationId, String kind, String filename, String contentType, byte[] content,
            String uploadedBy) {
        String storageKey = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO documents (application_id, kind, original_filename, content_type, size_bytes, sha256,
                                       storage_key, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, kind, filename, contentType, (long) content.length, sha256(content), storageKey,
                        uploadedBy, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        writeContent(id, content);
        return find(id).orElseThrow();
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
     * Removes every document of the application, rows and bytes (document_content goes with its
     * row), in the caller's transaction. Returns how many there were.
     */
    @Transactional
    public int removeAll(long applicationId) {
        return jdbc.sql("DELETE FROM documents WHERE application_id = ?").param(applicationId).update();
    }

    public Optional<StoredDocument> find(long id) {
        return jdbc.sql("SELECT * FROM documents WHERE id = ?").param(id).query(DocumentStore::map).optional();
    }

    /** The application's documents, oldest first, superseded ones included. */
    public List<StoredDocument> of(long applicationId) {
        return jdbc.sql("SELECT * FROM documents WHERE application_id = ? ORDER BY uploaded_at, id").param(applicationId)
                .query(DocumentStore::map).list();
    }

    /** The bytes of a stored document; bytes that no longer match the document's checksum are refused. */
    public byte[] content(StoredDocument document) {
        var content = new ByteArrayOutputStream((int) document.sizeBytes());
        jdbc.sql("SELECT bytes FROM document_content WHERE document_id = ? ORDER BY piece").param(document.id())
                .query((RowCallbackHandler) row -> content.writeBytes(row.getBytes("bytes")));
        byte[] bytes = content.toByteArray();
        if (bytes.length == 0 && document.sizeBytes() > 0) {
            throw new IllegalStateException("Document " + document.id() + " has no content in the document store");
        }
        if (!sha256(bytes).equals(document.sha256())) {
            throw new IllegalStateException("Document " + document.id() + " no longer matches its checksum");
        }
        return bytes;
    }

    /** Writes the document's bytes, piece by piece, in the caller's transaction (an empty file as one empty piece). */
    void writeContent(long documentId, byte[] content) {
        int pieces = Math.max(1, (content.length + PIECE - 1) / PIECE);
        for (int piece = 0; piece < pieces; piece++) {
            int from = piece * PIECE;
            jdbc.sql("INSERT INTO document_content (document_id, piece, bytes) VALUES (?, ?, ?)")
                    .params(documentId, piece, Arrays.copyOfRange(content, from, Math.min(content.length, from + PIECE)))
                    .update();
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static StoredDocument map(ResultSet row, int n) throws SQLException {
        Timestamp superseded = row.getTimestamp("superseded_at");
        return new StoredDocument(row.getLong("id"), row.getLong("application_id"), row.getString("kind"),
                row.getString("original_filename"), row.getString("content_type"), row.getLong("size_bytes"),
                row.getString("sha256"), row.getString("storage_key"), row.getString("uploaded_by"),
                row.getTimestamp("uploaded_at").toInstant(), superseded == null ? null : superseded.toInstant());
    }
}
