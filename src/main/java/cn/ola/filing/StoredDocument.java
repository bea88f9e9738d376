package cn.ola.filing;

import java.time.Instant;

/**
 * A file kept in the document store for one application: what the row in {@code documents} says
 * about it. The bytes are kept beside it by {@link DocumentStore}, never in the process engine.
 */
public record StoredDocument(long id, long applicationId, String kind, String originalFilename, String contentType,
        long sizeBytes, String sha256, String storageKey, String uploadedBy, Instant uploadedAt, Instant supersededAt) {

    public boolean current() {
        return supersededAt == null;
    }
}
