package cn.ola.applicant;

import cn.ola.filing.StoredDocument;

/** A stored document with its bytes, for download. */
public record DocumentFile(StoredDocument document, byte[] content) {
}
