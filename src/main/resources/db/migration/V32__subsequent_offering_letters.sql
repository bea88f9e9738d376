-- Each subsequent offering names the document of its own conclusion letter: a listed case may file several
-- offerings, and each letter stays on record beside the others (none replaces an earlier one). Offerings
-- concluded before this column existed keep NULL; their letter is among the case's documents.
ALTER TABLE subsequent_offerings ADD COLUMN letter_document_id BIGINT NULL;
ALTER TABLE subsequent_offerings ADD CONSTRAINT fk_subsequent_offerings_letter FOREIGN KEY (letter_document_id)
    REFERENCES documents (id);
