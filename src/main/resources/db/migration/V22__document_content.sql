-- The bytes of every document in the database, where every node reaches them (they were files under
-- one node's data folder). A document is cut into pieces of at most 1 MB, so that no statement comes
-- near the server's max_allowed_packet (16 MB on MariaDB, 64 MB on MySQL 8.4) whatever the file size.
-- Files of existing documents are read in at the next start (cn.ola.filing.DocumentFilesImport).
CREATE TABLE document_content (
    document_id     BIGINT        NOT NULL,
    piece           INT           NOT NULL,
    bytes           MEDIUMBLOB    NOT NULL,
    PRIMARY KEY (document_id, piece),
    CONSTRAINT fk_document_content_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE
);
