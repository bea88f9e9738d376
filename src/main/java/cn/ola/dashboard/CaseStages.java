package cn.ola.dashboard;

import java.util.List;
import java.util.Map;

/** The stages and final statuses that the models write into the case record, in the order of the process. */
final class CaseStages {

    static final String REGULATORY_CHECKS = "REGULATORY_CHECKS";

    static final List<String> IN_PROCESS_ORDER = List.of("SCREENING", "INTAKE_CHECK", REGULATORY_CHECKS,
            "CYBERSECURITY_REVIEW", "DATA_PROTECTION", "INDUSTRY_APPROVAL", "CSRC_FILING", "AWAITING_LISTING");

    /** The stages that run side by side inside the regulatory checks. */
    static final Map<String, String> PARALLEL_BLOCK_OF = Map.of(
            "CYBERSECURITY_REVIEW", REGULATORY_CHECKS,
            "DATA_PROTECTION", REGULATORY_CHECKS,
            "INDUSTRY_APPROVAL", REGULATORY_CHECKS);

    static final List<String> FINAL_STATUSES = List.of("LISTED", "REJECTED", "WITHDRAWN", "TERMINATED", "EXPIRED");

    private CaseStages() {
    }

    /** Stages whose time is measured on their own: every stage that is not part of a parallel block. */
    static List<String> measured() {
        return IN_PROCESS_ORDER.stream().filter(stage -> !PARALLEL_BLOCK_OF.containsKey(stage)).toList();
    }
}
