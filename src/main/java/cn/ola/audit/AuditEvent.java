package cn.ola.audit;

import java.time.Instant;

public record AuditEvent(Instant occurredAt, String actor, String eventType, String stage, String outcome, String details) {
}
