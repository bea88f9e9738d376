package cn.ola.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.ola.audit.AuditFigures;
import cn.ola.dashboard.StageDurations.StageEvent;
import cn.ola.filing.CaseFigures;
import cn.ola.security.Roles;

/**
 * The dashboard's reads, one query each. Counts are taken in the database and come back as a
 * few rows; only the stage entries are read row by row, since their working days need the PRC
 * calendar. The cases' figures come from filing ({@link CaseFigures}), the decisions and stage
 * entries from the audit trail ({@link AuditFigures}); the overdue tasks are read here from the
 * engine's tables. The same SQL runs on H2 and MySQL, so grouping happens over plain columns of a sub-query.
 */
@Repository
class DashboardQueries {

    /** Key of the one row that stands for the candidate groups of all applicant companies. */
    static final String APPLICANTS = "applicants";
    /** Key of the row for overdue tasks that have no candidate group. */
    static final String NO_GROUP = "none";

    private final JdbcClient jdbc;
    private final CaseFigures cases;
    private final AuditFigures audit;

    DashboardQueries(JdbcClient jdbc, CaseFigures cases, AuditFigures audit) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
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
        return cases.runningCasesPerStage().stream()
                .map(count -> new StageCount(count.stage(), count.cases(), count.overdue())).toList();
    }

    /** Submitted cases that have not closed, each counted once. */
    RunningCount runningCases() {
        CaseFigures.RunningCount running = cases.runningCases();
        return new RunningCount(running.cases(), running.overdue());
    }

    /** Closed cases per final status. */
    Map<String, Long> closedCasesPerStatus() {
        return cases.closedCasesPerStatus();
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
        List<Instant> starts = IntStream.range(0, weeks.weeks().size()).mapToObj(weeks::start).toList();
        return audit.outcomesPerPeriod(starts, weeks.end(), DecisionKind.DECISION_STEPS,
                        DecisionKind.AGENCY_OPINION_STEP_PREFIX, DecisionKind.LATE_FILING_FLAG).stream()
                .map(count -> new WeekOutcomeCount(count.period(), count.outcome(), count.count()))
                .toList();
    }

    /**
     * The stage entries and closes of every case that was open at some time since {@code since},
     * ordered by case and time: the working days in each stage need the calendar, so they are
     * counted here in Java, not in SQL.
     */
    List<StageEvent> stageEventsOfCasesOpenSince(Instant since) {
        return audit.stageEntriesOfCasesOpenSince(since).stream()
                .map(entry -> new StageEvent(entry.applicationId(), entry.closing(), entry.stage(), entry.at()))
                .toList();
    }
}
