-- Web sessions (portal, Tasklist, Cockpit, Admin) in the database, so that every node behind the
-- load balancer knows every signed-in user. The tables Spring Session JDBC reads and writes.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID              CHAR(36)      NOT NULL,
    SESSION_ID              CHAR(36)      NOT NULL,
    CREATION_TIME           BIGINT        NOT NULL,
    LAST_ACCESS_TIME        BIGINT        NOT NULL,
    MAX_INACTIVE_INTERVAL   INT           NOT NULL,
    EXPIRY_TIME             BIGINT        NOT NULL,
    PRINCIPAL_NAME          VARCHAR(100),
    PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

-- One row per session attribute (the signed-in user, Camunda's webapp sign-in, CSRF tokens, flash
-- messages), serialized; MEDIUMBLOB because MySQL's BLOB stops at 64 KB.
CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID      CHAR(36)      NOT NULL,
    ATTRIBUTE_NAME          VARCHAR(200)  NOT NULL,
    ATTRIBUTE_BYTES         MEDIUMBLOB    NOT NULL,
    PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);
