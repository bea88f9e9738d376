package cn.ola.filing;

import java.time.Instant;

/**
 * An application as stored: its company, its number once submitted, where it stands, when it last
 * changed, and the facts filed.
 */
public record ListingApplication(long id, long companyId, ApplicationNumber number, String status, String stage,
        boolean overdue, Instant submittedAt, Instant closedAt, Instant updatedAt, int version, ApplicationFacts facts) {

    public boolean submitted() {
        return number != null;
    }
}
