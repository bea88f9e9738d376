package cn.ola.letters;

import java.util.Arrays;

/**
 * The decision letters the system issues. The name is also the document kind in the document
 * store and the value of the {@code letterKind} input parameter of the models' letter tasks.
 */
public enum LetterKind {

    /** The CSRC's filing notice (备案通知书). */
    FILING_NOTICE("filing-notice", true),
    /** The refusal of the listing by whichever gate refused it: CSRC, review office or industry regulator. */
    REFUSAL_LETTER("refusal-letter", true),
    /** The Cybersecurity Review Office's conclusion: cleared or prohibited. */
    REVIEW_CONCLUSION("review-conclusion", true),
    /**
     * The office's conclusion of a review it opened on its own initiative: cleared, rectification ordered, or
     * referred for penalties. A case may see more than one such review over the years: each keeps its letter.
     */
    EX_OFFICIO_REVIEW_CONCLUSION("ex-officio-review-conclusion", false),
    /**
     * The CSRC's conclusion on a listed company's later offering on its market: the filing notice of the
     * offering or the refusal to file it. A kind of its own, so that it never replaces the case's own filing notice;
     * every offering keeps its own letter.
     */
    SUBSEQUENT_OFFERING_CONCLUSION("subsequent-offering-conclusion", false);

    private final String slug;
    private final boolean onePerCase;

    LetterKind(String slug, boolean onePerCase) {
        this.slug = slug;
        this.onePerCase = onePerCase;
    }

    /**
     * Whether the case has at most one current letter of this kind, so that issuing it again replaces the
     * earlier one; otherwise each procedure beside the case (an offering, an ex-officio review) adds its own.
     */
    boolean onePerCase() {
        return onePerCase;
    }

    /** Template name under {@code letters/} and the end of the file name. */
    String slug() {
        return slug;
    }

    String filename(String applicationNumber) {
        return applicationNumber + "-" + slug + ".pdf";
    }

    /** The file name of the n-th letter of a kind that is not one per case: the first has no number. */
    String filename(String applicationNumber, int nth) {
        return nth <= 1 ? filename(applicationNumber) : applicationNumber + "-" + slug + "-" + nth + ".pdf";
    }

    /** Whether a stored document of this kind is a letter we issued. */
    public static boolean isLetter(String documentKind) {
        return Arrays.stream(values()).anyMatch(kind -> kind.name().equals(documentKind));
    }
}
