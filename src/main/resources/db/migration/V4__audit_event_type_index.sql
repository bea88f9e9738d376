-- The dashboard counts decisions per week: audit events of one type within a period.
CREATE INDEX ix_audit_events_type_time ON audit_events (event_type, occurred_at);
