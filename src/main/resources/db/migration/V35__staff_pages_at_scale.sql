-- Indexes that keep the staff search and the dashboard from reading every case (measured at 50,000
-- cases on MySQL, docs/benchmarks.md). Plain CREATE/DROP INDEX … ON …: the same script runs on H2 and MySQL.

-- A member agency or industry regulator searches only the cases it was asked about: its cases are found
-- from its own rows of the engine's identity-link history, then each case by its process instance. Without
-- this index the database walked every case and looked through the agency's rows for each of them.
CREATE INDEX ix_applications_process_instance ON applications (process_instance_id);

-- The dashboard counts running cases (closed_at null), and closed ones per final status, along this narrow
-- index instead of reading every application row with its facts.
CREATE INDEX ix_applications_closed ON applications (closed_at, status, submitted_at, overdue);

-- Decisions per week: audit events of one type within a period, read from the index alone (step and outcome
-- in it). It starts with the columns of ix_audit_events_type_time, which it replaces.
CREATE INDEX ix_audit_events_type_time_outcome ON audit_events (event_type, occurred_at, stage, outcome);
DROP INDEX ix_audit_events_type_time ON audit_events;

-- The stage times: the stage entries and closes of the cases, read from the index alone rather than from
-- the whole audit trail (where the screening and status entries outnumber them).
CREATE INDEX ix_audit_events_type_case ON audit_events (event_type, application_id, occurred_at, stage);
