package cn.ola.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.ola.dashboard.StageDurations.StageEvent;
import cn.ola.security.Roles;

/**
 * The dashboard's reads, one query each. Counts are taken in the database and come back as a
 * few rows; only the stage entries are read row by row, since their working days need the PRC
 * calendar. The same SQL runs on H2 and MySQL, so grouping happens over plain columns of a sub-query.
 */
@Repository
class DashboardQueries {

    /** Key of the one row that stands for the candidate groups of all applicant companies. */
    static final String APPLICANTS = "applicants";
    /** Key of the row for overdue tasks that have no candidate group. */
    static final String NO_GROUP = "none";

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StageCount(String stage, long cases, long overdue) {
    }

    record WeekOutcomeCount(int weekIndex, String outcome, long decisions) {
    }

    record RunningCount(long cases, long overdue) {
    }

    /**
     * Submitted cases that have not closed, per stage they stand in (null: not yet in a stage). A case
     * waiting on several checks at once counts under each of them.
     */
    List<StageCount> runningCasesPerStage() {
        return jdbc.sql("""
                SELECT s.stage, COUNT(*) AS cases, SUM(CASE WHEN a.overdue THEN 1 ELSE 0 END) AS overdue_cases
                FROM applications a LEFT JOIN case_stages s ON s.application_id = a.id
                WHERE a.submitted_at IS NOT NULL AND a.closed_at IS NULL
                GROUP BY s.stage""")
                .query((row, n) -> new StageCount(row.getString("stage"), row.getLong("cases"), row.getLong("overdue_cases")))
                .list();
    }

    /** Submitted cases that have not closed, each counted once. */
    RunningCount runningCases() {
        return jdbc.sql("""
                SELECT COUNT(*) AS cases, SUM(CASE WHEN overdue THEN 1 ELSE 0 END) AS overdue_cases
                FROM applications
                WHERE submitted_at IS NOT NULL AND closed_at IS NULL""")
                .query((row, n) -> new RunningCount(row.getLong("cases"), row.getLong("overdue_cases")))
                .single();
    }

    /** Closed cases per final status. */
    Map<String, Long> closedCasesPerStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS cases FROM applications WHERE closed_at IS NOT NULL GROUP BY status")
                .query(row -> {
                    counts.put(row.getString("status"), row.getLong("cases"));
                });
        return counts;
    }

    /**
     * Open tasks whose due date lies before {@code now}, per candidate group; one task with two
     * candidate groups counts for each. Claimed tasks count too: they are still late. One SQL over
     * Camunda's runtime tables, because the TaskService can neither count per group nor return a
     * task's candidate groups: through it this would take one identity-link query per overdue task.
     */
    Map<String, Long> overdueTasksPerCandidateGroup(Instant now) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT candidate_group, COUNT(DISTINCT task_id) AS tasks FROM (
                    SELECT t.ID_ AS task_id,
                           CASE WHEN il.GROUP_ID_ IS NULL THEN :noGroup
                                WHEN il.GROUP_ID_ LIKE :companyGroups THEN :applicants
                                ELSE il.GROUP_ID_ END AS candidate_group
                    FROM ACT_RU_TASK t
                    LEFT JOIN ACT_RU_IDENTITYLINK il
                           ON il.TASK_ID_ = t.ID_ AND il.TYPE_ = 'candidate' AND il.GROUP_ID_ IS NOT NULL
                    WHERE t.DUE_DATE_ IS NOT NULL AND t.DUE_DATE_ < :now) overdue
                GROUP BY candidate_group""")
                .param("noGroup", NO_GROUP)
                .param("companyGroups", Roles.COMPANY_PREFIX + "%")
                .param("applicants", APPLICANTS)
                .param("now", Timestamp.from(now))
                .query(row -> {
                    counts.put(row.getString("candidate_group"), row.getLong("tasks"));
                });
        return counts;
    }

    /** Staff decisions (OUTCOME events of the decision steps) per week of {@code weeks} and outcome. */
    List<WeekOutcomeCount> decisionsPerWeek(RecentWeeks weeks) {
        int count = weeks.weeks().size();
        StringBuilder weekIndex = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>();
        for (int index = count - 1; index > 0; index--) {
            weekIndex.append(" WHEN occurred_at >= ? THEN ").append(index);
            params.add(Timestamp.from(weeks.start(index)));
        }
        weekIndex.append(" ELSE 0 END");
        String steps = String.join(", ", DecisionKind.DECISION_STEPS.stream().map(step -> "?").toList());
        params.addAll(List.of(Timestamp.from(weeks.start(0)), Timestamp.from(weeks.end())));
        params.addAll(DecisionKind.DECISION_STEPS);
        params.add(DecisionKind.AGENCY_OPINION_STEP_PREFIX + "%");
        params.add(DecisionKind.LATE_FILING_FLAG);
        return jdbc.sql("SELECT week_index, outcome, COUNT(*) AS decisions FROM ("
                        + " SELECT " + weekIndex + " AS week_index, outcome FROM audit_events"
                        + " WHERE event_type = 'OUTCOME' AND occurred_at >= ? AND occurred_at < ?"
                        + " AND (stage IN (" + steps + ") OR stage LIKE ?)"
                        + " AND outcome <> ?) decisions"
                        + " GROUP BY week_index, outcome")
                .params(params)
                .query((row, n) -> new WeekOutcomeCount(row.getInt("week_index"), row.getString("outcome"),
                        row.getLong("decisions")))
                .list();
    }

    /**
     * The stage entries and closes of every case that was open at some time since {@code since},
     * ordered by case and time: the working days in each stage need the calendar, so they are
     * counted here in Java, not in SQL.
     */
    List<StageEvent> stageEventsOfCasesOpenSince(Instant since) {
        return jdbc.sql("""
                SELECT e.application_id, e.event_type, e.stage, e.occurred_at
                FROM audit_events e JOIN applications a ON a.id = e.application_id
                WHERE e.event_type IN ('STAGE_ENTERED', 'CLOSED') AND (a.closed_at IS NULL OR a.closed_at >= ?)
                ORDER BY e.application_id, e.occurred_at, e.id""")
                .param(Timestamp.from(since))
                .query((row, n) -> new StageEvent(row.getLong("application_id"), "CLOSED".equals(row.getString("event_type")),
                        row.getString("stage"), row.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}
