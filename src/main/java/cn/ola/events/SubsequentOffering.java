package cn.ola.events;

import java.time.Instant;
import java.time.LocalDate;

import cn.ola.filing.ApplicationNumber;

/**
 * A later offering on the market where the company is listed, as the company filed it and as far as the
 * CSRC has handled it. {@code exchange} is the listed case's exchange code, {@code description} the kind
 * of securities and the amount in the company's words; {@code late} says the filing came more than 3
 * working days after the completion (set once the process has checked it); the conclusion is the
 * officer's text addressed to the company, with its letter's document id (null for an offering concluded
 * before the letter was recorded with it).
 */
public record SubsequentOffering(long id, long applicationId, ApplicationNumber applicationNumber, long companyId,
        String exchange, LocalDate completedOn, String description, String filedBy, Instant filedAt, boolean late,
        boolean overdue, SubsequentOfferingState state, Instant concludedAt, String conclusion, Long letterDocumentId,
        String processInstanceId) {

    public boolean open() {
        return !state.concluded();
    }
}
