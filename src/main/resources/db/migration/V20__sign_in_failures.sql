-- Failed sign-ins, counted per user name (as typed, in lower case, whether the account exists
-- or not) and per client address, so that every node of a cluster throttles alike. A row says
-- how many failures in a row (or in the address's window) there were and until when a password
-- from there is not checked. Rows are dropped once they can no longer make anybody wait.
-- The same script runs on H2 and on MySQL.
CREATE TABLE sign_in_failures (
    subject_kind        VARCHAR(8)    NOT NULL,
    subject             VARCHAR(128)  NOT NULL,
    failures            INT           NOT NULL,
    first_failed_at     TIMESTAMP     NOT NULL,
    last_failed_at      TIMESTAMP     NOT NULL,
    blocked_until       TIMESTAMP     NULL,
    CONSTRAINT pk_sign_in_failures PRIMARY KEY (subject_kind, subject)
);

CREATE INDEX ix_sign_in_failures_last ON sign_in_failures (last_failed_at);
