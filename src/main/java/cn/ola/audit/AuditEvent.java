package cn.ola.audit;

import java.time.Instant;

/**
 * One entry of a case's audit trail. {@code eventType} is the name of an {@link AuditEventType} as it
 * was recorded; {@code documentId} names the document the entry is about (the letter issued), if any.
 */
public record AuditEvent(Instant occurredAt, String actor, String eventType, String stage, String outcome, String details,
        Long documentId) {

    /** An entry about no document. */
    public AuditEvent(Instant occurredAt, String actor, String eventType, String stage, String outcome, String details) {
        this(occurredAt, actor, eventType, stage, outcome, details, null);
    }

    /** Whether the entry is of this type. */
    public boolean is(AuditEventType type) {
        return type.name().equals(eventType);
    }
}
