package cn.ola.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import cn.ola.workflow.Deadlines;

/**
 * Everything the dashboard shows, with labels in the reader's language: the page renders it as
 * tables, {@code /staff/dashboard/data} sends it as JSON to the script that draws the charts.
 * The running and overdue cases count each case once; per stage, a case waiting on several checks
 * counts under each, so the rows may add up to more.
 */
record DashboardFigures(Instant generatedAt, long runningCases, long overdueCases, List<StageRow> casesPerStage,
        List<StatusRow> casesPerFinalStatus,
        List<GroupRow> overdueTasksPerGroup, DecisionsPerWeek decisionsPerWeek, List<MedianRow> medianWorkingDaysPerStage,
        Map<String, String> labels) {

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    record StageRow(String key, String label, long cases, long overdue) {
    }

    record StatusRow(String key, String label, long cases) {
    }

    record GroupRow(String key, String label, long tasks) {
    }

    record Kind(String key, String label) {
    }

    record WeekRow(String week, LocalDate startsOn, Map<String, Long> counts, long total) {
    }

    record DecisionsPerWeek(List<Kind> kinds, List<WeekRow> weeks) {

        public long total() {
            return weeks.stream().mapToLong(WeekRow::total).sum();
        }
    }

    record MedianRow(String key, String label, Double medianWorkingDays, int cases) {

        /** "3", "2.5", or a dash when no case was measured. */
        public String medianText() {
            if (medianWorkingDays == null) {
                return "—";
            }
            return medianWorkingDays % 1 == 0 ? String.valueOf(medianWorkingDays.longValue()) : String.valueOf(medianWorkingDays);
        }
    }

    public String asOfBeijing() {
        return AS_OF.format(generatedAt.atZone(Deadlines.BEIJING));
    }

    public long closedCases() {
        return casesPerFinalStatus.stream().mapToLong(StatusRow::cases).sum();
    }

    public long overdueTasks() {
        return overdueTasksPerGroup.stream().mapToLong(GroupRow::tasks).sum();
    }

    // Whether a chart has anything to draw. One that has not says "no data yet" instead of showing empty axes;
    // the page draws a chart only where these say so, and its table keeps every number either way.

    public boolean chartsCasesPerStage() {
        return runningCases() > 0;
    }

    public boolean chartsCasesPerFinalStatus() {
        return closedCases() > 0;
    }

    public boolean chartsOverdueTasksPerGroup() {
        return overdueTasks() > 0;
    }

    public boolean chartsDecisionsPerWeek() {
        return decisionsPerWeek.total() > 0;
    }

    /** A median of no working days draws no bar: medians that are all 0 (or not measured) are an empty chart too. */
    public boolean chartsMedianWorkingDaysPerStage() {
        return medianWorkingDaysPerStage.stream()
                .anyMatch(row -> row.medianWorkingDays() != null && row.medianWorkingDays() > 0);
    }
}
