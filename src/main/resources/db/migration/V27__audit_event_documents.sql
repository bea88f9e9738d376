-- The document an audit entry is about (a letter issued into the case's documents), as a column of
-- its own: the inbox links to it without reading the entry's text.
ALTER TABLE audit_events ADD COLUMN document_id BIGINT;

-- Letters recorded so far wrote it into their text only: "Document <id>: <file name> (<decision>)".
UPDATE audit_events SET document_id = SUBSTRING(details, 10, LOCATE(':', details) - 10)
WHERE event_type = 'LETTER_ISSUED' AND details LIKE 'Document %:%';
