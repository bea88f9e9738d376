-- Indexes for the staff search (cn.ola.staff.ApplicationSearch): every filter and every sort
-- order it offers can walk an index instead of sorting tens of thousands of cases.
-- Plain CREATE INDEX: the same script runs on H2 and on MySQL.

-- Default order (newest first) and the unfiltered list.
CREATE INDEX ix_applications_submitted ON applications (submitted_at, id);
-- A filter combined with the default order.
CREATE INDEX ix_applications_status_submitted ON applications (status, submitted_at);
CREATE INDEX ix_applications_stage_submitted ON applications (stage, submitted_at);
CREATE INDEX ix_applications_overdue_submitted ON applications (overdue, submitted_at);
-- Sort by company; the credit code and the application number are unique, so indexed already.
CREATE INDEX ix_companies_name_zh ON companies (name_zh);
