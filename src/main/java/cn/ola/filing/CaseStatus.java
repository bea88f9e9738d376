package cn.ola.filing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The status of an application, as the portal and the models set it ({@code caseRecord.status/close}
 * in the models): a draft, a case under way, or a case that ended. The {@code status} column and the
 * audit trail hold these names.
 */
public enum CaseStatus {
    /** Being written by the company; nobody else sees it. */
    DRAFT(Kind.DRAFT),
    /** A draft its company deleted: gone from every list; the row stays for the draft's audit trail. */
    DELETED(Kind.DRAFT),
    SUBMITTED(Kind.UNDER_WAY),
    /** The CSRC issued its filing notice; the company still has to list. */
    FILED(Kind.UNDER_WAY),
    LISTED(Kind.ENDED),
    REJECTED(Kind.ENDED),
    WITHDRAWN(Kind.ENDED),
    TERMINATED(Kind.ENDED),
    EXPIRED(Kind.ENDED);

    private enum Kind { DRAFT, UNDER_WAY, ENDED }

    private final Kind kind;

    CaseStatus(Kind kind) {
        this.kind = kind;
    }

    /** Whether the case ended with this status (no process runs for it any more). */
    public boolean isFinal() {
        return kind == Kind.ENDED;
    }

    /** The statuses a submitted case can have, in the order of the process. */
    public static List<CaseStatus> ofSubmittedCases() {
        return Arrays.stream(values()).filter(status -> status.kind != Kind.DRAFT).toList();
    }

    /** The statuses a case ends with. */
    public static List<CaseStatus> finals() {
        return Arrays.stream(values()).filter(CaseStatus::isFinal).toList();
    }

    /** The status of this name, if there is one. */
    public static Optional<CaseStatus> of(String name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
    }

    /** The names of the statuses, as the database and the pages hold them. */
    public static List<String> names(List<CaseStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
