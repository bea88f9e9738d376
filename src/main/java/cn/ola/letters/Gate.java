package cn.ola.letters;

import java.util.Arrays;
import java.util.Optional;

import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditEventType;

/**
 * The regulatory gates that decide by letter, under the step names the audit trail uses
 * ({@code caseRecord.outcome(execution, '<step>', '<outcome>')} in the models). A refusal at
 * any of them ends the listing (error LISTING_REFUSED).
 */
enum Gate {

    CSRC_FILING("REFUSED"),
    CYBERSECURITY_REVIEW("PROHIBITED"),
    INDUSTRY_APPROVAL("REFUSED"),
    /** The review office's review on its own initiative: it refuses no listing, it concludes. */
    EX_OFFICIO_REVIEW(null),
    /** The CSRC on a listed company's later offering: refusing to file it refuses no listing. */
    SUBSEQUENT_OFFERING(null);

    private final String refusalOutcome;

    Gate(String refusalOutcome) {
        this.refusalOutcome = refusalOutcome;
    }

    /** The step name in the audit trail, which is also the key of the deciding authority's names. */
    String stage() {
        return name();
    }

    /** The gate that recorded this audit event as its refusal, if it is one. */
    static Optional<Gate> refusedBy(AuditEvent event) {
        if (!event.is(AuditEventType.OUTCOME)) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(gate -> gate.stage().equals(event.stage()) && event.outcome() != null && event.outcome().equals(gate.refusalOutcome))
                .findFirst();
    }
}
