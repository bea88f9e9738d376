package cn.ola.dashboard;

import java.util.List;
import java.util.Map;

import cn.ola.filing.Stages;

/** The stages and final statuses that the models write into the case record, in the order of the process. */
final class CaseStages {

    static final List<String> IN_PROCESS_ORDER = Stages.IN_PROCESS_ORDER;

    /** The stages that run side by side inside the regulatory checks. */
    static final Map<String, String> PARALLEL_BLOCK_OF = Stages.PARALLEL_BLOCK_OF;

    static final List<String> FINAL_STATUSES = List.of("LISTED", "REJECTED", "WITHDRAWN", "TERMINATED", "EXPIRED");

    private CaseStages() {
    }

    /** Stages whose time is measured on their own: every stage that is not part of a parallel block. */
    static List<String> measured() {
        return IN_PROCESS_ORDER.stream().filter(stage -> !PARALLEL_BLOCK_OF.containsKey(stage)).toList();
    }
}
