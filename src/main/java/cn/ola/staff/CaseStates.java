package cn.ola.staff;

import java.util.List;

import cn.ola.filing.Stages;

/**
 * The statuses and stages a submitted case can have, as the models set them through
 * {@code caseRecord.status/close/stage}; the search offers them as filters.
 */
final class CaseStates {

    static final List<String> STATUSES = List.of("SUBMITTED", "FILED", "LISTED", "REJECTED", "WITHDRAWN", "TERMINATED",
            "EXPIRED");

    static final List<String> STAGES = Stages.IN_PROCESS_ORDER;

    private CaseStates() {
    }
}
