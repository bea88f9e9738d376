package cn.ola.filing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts over every case, for the supervisors' dashboard: taken in the database, one query each,
 * they come back as a few rows however many cases there are.
 */
@Service
public class CaseFigures {

    private final JdbcClient jdbc;

    CaseFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Running cases standing in a stage ({@code stage} null: not yet in one), and how many of them are overdue. */
    public record StageCount(String stage, long cases, long overdue) {
    }

    /** Running cases, and how many of them are overdue. */
    public record RunningCount(long cases, long overdue) {
    }

    /**
     * Submitted cases that have not closed, per stage they stand in (null: not yet in a stage). A case
     * waiting on several checks at once counts under each of them.
     */
    public List<StageCount> runningCasesPerStage() {
        return jdbc.sql("""
                SELECT s.stage, COUNT(*) AS cases, SUM(CASE WHEN a.overdue THEN 1 ELSE 0 END) AS overdue_cases
                FROM applications a LEFT JOIN case_stages s ON s.application_id = a.id
                WHERE a.submitted_at IS NOT NULL AND a.closed_at IS NULL
                GROUP BY s.stage""")
                .query((row, n) -> new StageCount(row.getString("stage"), row.getLong("cases"), row.getLong("overdue_cases")))
                .list();
    }

    /** Submitted cases that have not closed, each counted once. */
    public RunningCount runningCases() {
        return jdbc.sql("""
                SELECT COUNT(*) AS cases, SUM(CASE WHEN overdue THEN 1 ELSE 0 END) AS overdue_cases
                FROM applications
                WHERE submitted_at IS NOT NULL AND closed_at IS NULL""")
                .query((row, n) -> new RunningCount(row.getLong("cases"), row.getLong("overdue_cases")))
                .single();
    }

    /** Closed cases per final status. */
    public Map<String, Long> closedCasesPerStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS cases FROM applications WHERE closed_at IS NOT NULL GROUP BY status")
                .query(row -> {
                    counts.put(row.getString("status"), row.getLong("cases"));
                });
        return counts;
    }
}
