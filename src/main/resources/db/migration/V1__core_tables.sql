-- Our own tables. Camunda keeps its own (ACT_*); these hold what a company files and what
-- happened to it. The same script runs on H2 and on MySQL, so it keeps to the syntax both accept.

CREATE TABLE companies (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    credit_code         CHAR(18)      NOT NULL,
    name_zh             VARCHAR(200)  NOT NULL,
    name_en             VARCHAR(200),
    contact_person      VARCHAR(100)  NOT NULL,
    contact_email       VARCHAR(254)  NOT NULL,
    contact_phone       VARCHAR(40)   NOT NULL,
    camunda_group_id    VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    version             INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_companies_credit_code UNIQUE (credit_code),
    CONSTRAINT uq_companies_group UNIQUE (camunda_group_id)
);

-- Readable application numbers (OLA-2026-000123): one counter per year, taken under a row lock.
CREATE TABLE application_number_counters (
    counter_year        INT           NOT NULL PRIMARY KEY,
    last_value          BIGINT        NOT NULL
);

CREATE TABLE applications (
    id                              BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_number              VARCHAR(20),
    company_id                      BIGINT        NOT NULL,
    status                          VARCHAR(32)   NOT NULL,
    stage                           VARCHAR(48),
    overdue                         BOOLEAN       NOT NULL DEFAULT FALSE,
    process_instance_id             VARCHAR(64),

    listing_type                    VARCHAR(16),
    offshore_issuer                 VARCHAR(200),
    venue_exchange                  VARCHAR(100),
    venue_region                    VARCHAR(8),
    offering_type                   VARCHAR(24),
    planned_listing_date            DATE,
    overseas_submission_date        DATE,

    network_platform_operator       BOOLEAN,
    ciio                            BOOLEAN,
    important_data                  BOOLEAN,
    personal_info_users             BIGINT,
    pi_exported_non_sensitive       BIGINT,
    pi_exported_sensitive           BIGINT,
    consent_obtained                BOOLEAN,
    sensitive_data_minimised        BOOLEAN,

    industry                        VARCHAR(64),
    domestic_revenue_pct            DECIMAL(5,2),
    domestic_profit_pct             DECIMAL(5,2),
    domestic_assets_pct             DECIMAL(5,2),
    domestic_net_assets_pct         DECIMAL(5,2),
    management_mostly_prc           BOOLEAN,
    main_place_of_business          VARCHAR(8),
    previously_listed_abroad_on     DATE,

    decl_prohibited_by_law          BOOLEAN,
    decl_national_security_threat   BOOLEAN,
    decl_recent_criminal_offence    BOOLEAN,
    decl_under_investigation        BOOLEAN,
    decl_ownership_dispute          BOOLEAN,

    state_assets_supervisor         VARCHAR(100),
    state_cloud_migration_status    VARCHAR(24),

    submitted_at                    TIMESTAMP,
    closed_at                       TIMESTAMP,
    created_at                      TIMESTAMP     NOT NULL,
    updated_at                      TIMESTAMP     NOT NULL,
    version                         INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_applications_number UNIQUE (application_number),
    CONSTRAINT fk_applications_company FOREIGN KEY (company_id) REFERENCES companies (id)
);
CREATE INDEX ix_applications_company ON applications (company_id, created_at);
CREATE INDEX ix_applications_status ON applications (status, stage);

CREATE TABLE cloud_contracts (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id      BIGINT        NOT NULL,
    provider            VARCHAR(200)  NOT NULL,
    contract_end_date   DATE          NOT NULL,
    CONSTRAINT fk_cloud_contracts_application FOREIGN KEY (application_id) REFERENCES applications (id)
);
CREATE INDEX ix_cloud_contracts_application ON cloud_contracts (application_id);

-- Files are kept in our document store, never as process variables; this row describes one.
CREATE TABLE documents (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id      BIGINT        NOT NULL,
    kind                VARCHAR(48)   NOT NULL,
    original_filename   VARCHAR(255)  NOT NULL,
    content_type        VARCHAR(100)  NOT NULL,
    size_bytes          BIGINT        NOT NULL,
    sha256              CHAR(64)      NOT NULL,
    storage_key         VARCHAR(100)  NOT NULL,
    uploaded_by         VARCHAR(64)   NOT NULL,
    uploaded_at         TIMESTAMP     NOT NULL,
    superseded_at       TIMESTAMP,
    CONSTRAINT uq_documents_storage_key UNIQUE (storage_key),
    CONSTRAINT fk_documents_application FOREIGN KEY (application_id) REFERENCES applications (id)
);
CREATE INDEX ix_documents_application ON documents (application_id, kind);

CREATE TABLE audit_events (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id      BIGINT,
    occurred_at         TIMESTAMP     NOT NULL,
    actor               VARCHAR(64)   NOT NULL,
    event_type          VARCHAR(48)   NOT NULL,
    stage               VARCHAR(48),
    outcome             VARCHAR(48),
    details             VARCHAR(4000),
    CONSTRAINT fk_audit_events_application FOREIGN KEY (application_id) REFERENCES applications (id)
);
CREATE INDEX ix_audit_events_application ON audit_events (application_id, occurred_at, id);
