package cn.ola.support;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.NeededDocument;
import cn.ola.applicant.Upload;

/** A draft's documents, as a company files them: every one its submission needs, the screening's included. */
public final class DraftDocuments {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private DraftDocuments() {
    }

    /** Uploads a small PDF for each document the draft needs before submission; returns the draft's id. */
    public static long uploadEveryNeeded(ApplicantCases cases, String user, long draftId) {
        for (NeededDocument needed : cases.neededDocuments(user, draftId)) {
            String name = needed.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ".pdf";
            cases.upload(user, draftId, needed.kind(), new Upload(name, PDF));
        }
        return draftId;
    }
}
