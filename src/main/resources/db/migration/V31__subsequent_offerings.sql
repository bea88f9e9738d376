-- A later offering of an issuer already listed abroad, on the market where it is listed (Trial Measures
-- Art. 16): the listed case's exchange, when the offering was completed, the company's account of it (kind
-- of securities, amount), who filed it and when, whether the filing came later than 3 working days after
-- the completion, and how far the CSRC's handling has come. Each offering belongs to the listed case it
-- was filed from (its documents, letters, history and audit trail stay there) and runs as a
-- subsequent-offering process whose business key is that case's application number. The rows are read and
-- written by cn.ola.events.SubsequentOfferingTable only.
CREATE TABLE subsequent_offerings (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id      BIGINT        NOT NULL,
    -- The listed case's number, as its process and pages name it (never changes once a case has one).
    application_number  VARCHAR(32)   NOT NULL,
    company_id          BIGINT        NOT NULL,
    -- The exchange code of the market where the case is listed and the offering was made.
    venue_exchange                 VARCHAR(40)   NOT NULL,
    completed_on        DATE          NOT NULL,
    description         VARCHAR(4000) NOT NULL,
    filed_by            VARCHAR(255)  NOT NULL,
    filed_at            TIMESTAMP     NOT NULL,
    late                BOOLEAN       NOT NULL DEFAULT FALSE,
    -- A deadline of the CSRC's handling passed (a supervisor was asked to follow up).
    overdue             BOOLEAN       NOT NULL DEFAULT FALSE,
    -- FILED, SUPPLEMENT_REQUESTED, COMPLETE, NOTICE_ISSUED or REFUSED
    state               VARCHAR(24)   NOT NULL,
    concluded_at        TIMESTAMP     NULL,
    -- The officer's text with the conclusion, addressed to the company.
    conclusion          VARCHAR(4000) NULL,
    process_instance_id VARCHAR(64)   NULL,
    CONSTRAINT fk_subsequent_offerings_application FOREIGN KEY (application_id) REFERENCES applications (id),
    CONSTRAINT fk_subsequent_offerings_company FOREIGN KEY (company_id) REFERENCES companies (id)
);
CREATE INDEX ix_subsequent_offerings_company ON subsequent_offerings (company_id, filed_at);
CREATE INDEX ix_subsequent_offerings_application ON subsequent_offerings (application_id, filed_at);
