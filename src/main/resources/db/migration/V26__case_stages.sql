-- The stages a case stands in now (cn.ola.filing.Stages): the regulatory checks run side by side,
-- so a case may wait on several at once (one column held only the last one entered).
-- Written by cn.ola.workflow.CaseRecord from the models' stage listeners; emptied when the case closes.
CREATE TABLE case_stages (
    application_id  BIGINT        NOT NULL,
    stage           VARCHAR(48)   NOT NULL,
    entered_at      TIMESTAMP     NOT NULL,
    PRIMARY KEY (application_id, stage),
    CONSTRAINT fk_case_stages_application FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE
);
-- The staff search's stage filter and the dashboard's counts per stage.
CREATE INDEX ix_case_stages_stage ON case_stages (stage, application_id);

-- Running cases keep the stage they stand in. For a case inside the regulatory checks the column
-- holds only the check entered last (or REGULATORY_CHECKS): that is all that can be carried over;
-- the other checks under way show again as the case moves on (the next check that ends or the
-- next stage entered sets them right).
INSERT INTO case_stages (application_id, stage, entered_at)
SELECT id, stage, updated_at FROM applications WHERE stage IS NOT NULL AND closed_at IS NULL;

-- The column goes with its indexes (H2 refuses to drop a column an index still names; DROP INDEX … ON …
-- is the spelling both H2 and MySQL accept). A status filter keeps ix_applications_status_submitted.
DROP INDEX ix_applications_stage_submitted ON applications;
DROP INDEX ix_applications_status ON applications;
ALTER TABLE applications DROP COLUMN stage;
