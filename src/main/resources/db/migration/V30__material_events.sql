-- What a listed company reports after its listing (Trial Measures Art. 15): the kind of material event,
-- when it was announced, the company's account of it, who reported it and when, whether the report came
-- later than 3 working days after the announcement, and how far the CSRC's handling has come. Each event
-- belongs to the listed case it was reported from (its documents, history and audit trail stay there)
-- and runs as a material-event process whose business key is that case's application number. The rows
-- are read and written by cn.ola.events.MaterialEventTable only.
CREATE TABLE material_events (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id      BIGINT        NOT NULL,
    -- The listed case's number, as its process and pages name it (never changes once a case has one).
    application_number  VARCHAR(32)   NOT NULL,
    company_id          BIGINT        NOT NULL,
    event_kind          VARCHAR(40)   NOT NULL,
    announced_on        DATE          NOT NULL,
    description         VARCHAR(4000) NOT NULL,
    reported_by         VARCHAR(255)  NOT NULL,
    reported_at         TIMESTAMP     NOT NULL,
    late                BOOLEAN       NOT NULL DEFAULT FALSE,
    -- A deadline of the CSRC's handling passed (a supervisor was asked to follow up).
    overdue             BOOLEAN       NOT NULL DEFAULT FALSE,
    -- REPORTED, ACKNOWLEDGED, QUESTIONS_ASKED, CLOSED or REFERRED
    state               VARCHAR(24)   NOT NULL,
    acknowledged_at     TIMESTAMP     NULL,
    concluded_at        TIMESTAMP     NULL,
    -- The officer's explanation of the conclusion, addressed to the company.
    conclusion          VARCHAR(4000) NULL,
    process_instance_id VARCHAR(64)   NULL,
    CONSTRAINT fk_material_events_application FOREIGN KEY (application_id) REFERENCES applications (id),
    CONSTRAINT fk_material_events_company FOREIGN KEY (company_id) REFERENCES companies (id)
);
CREATE INDEX ix_material_events_company ON material_events (company_id, reported_at);
CREATE INDEX ix_material_events_application ON material_events (application_id, reported_at);
CREATE INDEX ix_material_events_state ON material_events (state);
