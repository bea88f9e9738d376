package cn.ola.letters;

import java.util.Arrays;

/**
 * The decision letters the system issues. The name is also the document kind in the document
 * store and the value of the {@code letterKind} input parameter of the models' letter tasks.
 */
public enum LetterKind {

    /** The CSRC's filing notice (备案通知书). */
    FILING_NOTICE("filing-notice"),
    /** The refusal of the listing by whichever gate refused it: CSRC, review office or industry regulator. */
    REFUSAL_LETTER("refusal-letter"),
    /** The Cybersecurity Review Office's conclusion: cleared or prohibited. */
    REVIEW_CONCLUSION("review-conclusion"),
    /** The office's conclusion of a review it opened on its own initiative: cleared, rectification ordered, or referred for penalties. */
    EX_OFFICIO_REVIEW_CONCLUSION("ex-officio-review-conclusion"),
    /**
     * The CSRC's conclusion on a listed company's later offering on its market: the filing notice of the
     * offering or the refusal to file it. A kind of its own, so that it never replaces the case's own filing notice.
     */
    SUBSEQUENT_OFFERING_CONCLUSION("subsequent-offering-conclusion");

    private final String slug;

    LetterKind(String slug) {
        this.slug = slug;
    }

    /** Template name under {@code letters/} and the end of the file name. */
    String slug() {
        return slug;
    }

    String filename(String applicationNumber) {
        return applicationNumber + "-" + slug + ".pdf";
    }

    /** Whether a stored document of this kind is a letter we issued. */
    public static boolean isLetter(String documentKind) {
        return Arrays.stream(values()).anyMatch(kind -> kind.name().equals(documentKind));
    }
}
