package cn.ola.audit;

/**
 * Published (synchronously, inside the recording transaction) for every entry written to the
 * audit trail, so that other features can react to what happened to a case without the audit
 * trail knowing them.
 */
public record AuditRecorded(Long applicationId, AuditEvent event) {
}
