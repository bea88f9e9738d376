package cn.ola.events;

import java.time.Instant;
import java.time.LocalDate;

import cn.ola.filing.ApplicationNumber;

/**
 * A material event as the listed company reported it and as far as the CSRC has handled it. The
 * conclusion is the officer's explanation addressed to the company; {@code late} says the report
 * came more than 3 working days after the announcement (set once the process has checked it).
 */
public record MaterialEvent(long id, long applicationId, ApplicationNumber applicationNumber, long companyId,
        MaterialEventKind kind, LocalDate announcedOn, String description, String reportedBy, Instant reportedAt,
        boolean late, MaterialEventState state, Instant acknowledgedAt, Instant concludedAt, String conclusion,
        String processInstanceId) {

    public boolean open() {
        return !state.concluded();
    }
}
