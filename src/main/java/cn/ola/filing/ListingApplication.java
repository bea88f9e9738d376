package cn.ola.filing;

import java.time.Instant;
import java.util.List;

/**
 * An application as stored: its company, its number once submitted, where it stands (its status and
 * the stages it stands in now, in the order of the process: several while checks run side by side),
 * when it last changed, and the facts filed.
 */
public record ListingApplication(long id, long companyId, ApplicationNumber number, String status, List<String> stages,
        boolean overdue, Instant submittedAt, Instant closedAt, Instant updatedAt, int version, ApplicationFacts facts) {

    public ListingApplication {
        stages = List.copyOf(stages);
    }

    /** The first of the current stages in the order of the process, or null when the case stands in none. */
    public String stage() {
        return stages.isEmpty() ? null : stages.get(0);
    }

    ListingApplication withStages(List<String> current) {
        return new ListingApplication(id, companyId, number, status, current, overdue, submittedAt, closedAt, updatedAt,
                version, facts);
    }

    public boolean submitted() {
        return number != null;
    }
}
