-- What an applicant company is told about its cases: the portal inbox (and the source of the
-- e-mails). A row keeps a message key and its parameters, not a text, so that every reader sees
-- it in their own language; details hold what a regulator wrote (reasons, a request) verbatim.
-- dedupe_key makes a notice that must go out once (a receipt, a reminder per task) idempotent.
CREATE TABLE notifications (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    company_id          BIGINT        NOT NULL,
    application_id      BIGINT,
    application_number  VARCHAR(20),
    kind                VARCHAR(24)   NOT NULL,
    message_key         VARCHAR(120)  NOT NULL,
    message_params      VARCHAR(1000),
    details             VARCHAR(4000),
    due_at              TIMESTAMP     NULL,
    link                VARCHAR(300),
    created_at          TIMESTAMP     NOT NULL,
    read_at             TIMESTAMP     NULL,
    dedupe_key          VARCHAR(120),
    CONSTRAINT fk_notifications_company FOREIGN KEY (company_id) REFERENCES companies (id),
    CONSTRAINT fk_notifications_application FOREIGN KEY (application_id) REFERENCES applications (id),
    CONSTRAINT uq_notifications_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_notifications_company_time ON notifications (company_id, created_at);
