package cn.ola.applicant;

import java.util.Arrays;
import java.util.Optional;

/**
 * The materials a company files (DESIGN §5). Three go with every application; the others are
 * asked for when a review or an approval applies, or when staff request them.
 */
public enum DocumentKind {
    FILING_REPORT(true),
    PRC_LEGAL_OPINION(true),
    PROSPECTUS(true),
    CYBERSECURITY_REVIEW_DECLARATION(false),
    NATIONAL_SECURITY_IMPACT_REPORT(false),
    IPO_DOCUMENTS(false),
    PI_SELF_ASSESSMENT(false),
    INDUSTRY_OPINION(false),
    SUPPLEMENT(false);

    private final boolean requiredAtSubmission;

    DocumentKind(boolean requiredAtSubmission) {
        this.requiredAtSubmission = requiredAtSubmission;
    }

    public boolean requiredAtSubmission() {
        return requiredAtSubmission;
    }

    /** The kind named by its code, in any case; empty for anything else. */
    public static Optional<DocumentKind> parse(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(kind -> kind.name().equalsIgnoreCase(code.strip())).findFirst();
    }
}
