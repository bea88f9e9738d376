-- Idempotency keys of the company REST API: a request retried with the same key gets the answer
-- the first one got, and nothing is done twice. The row is written in the same transaction as
-- the work, so a key is never kept without its work (nor work without its key). The same script
-- runs on H2 and on MySQL.
CREATE TABLE api_idempotency_keys (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id             VARCHAR(64)   NOT NULL,
    idem_key            VARCHAR(200)  NOT NULL,
    -- Which request the key was first used for (method and path) and a SHA-256 of its body:
    -- the same key with another request is refused instead of answered with the wrong response.
    request_target      VARCHAR(300)  NOT NULL,
    request_hash        CHAR(64)      NOT NULL,
    response_status     INT           NOT NULL,
    response_location   VARCHAR(300),
    response_body       TEXT          NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    CONSTRAINT uq_api_idempotency_keys UNIQUE (user_id, idem_key)
);

CREATE INDEX ix_api_idempotency_keys_created ON api_idempotency_keys (created_at);
