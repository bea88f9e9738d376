package cn.ola.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.ola.dashboard.DashboardFigures.DecisionsPerWeek;
import cn.ola.dashboard.DashboardFigures.GroupRow;
import cn.ola.dashboard.DashboardFigures.Kind;
import cn.ola.dashboard.DashboardFigures.MedianRow;
import cn.ola.dashboard.DashboardFigures.StageRow;
import cn.ola.dashboard.DashboardFigures.StatusRow;
import cn.ola.dashboard.DashboardFigures.WeekRow;

/** Which charts have anything to draw: the others say "no data yet" instead of showing empty axes. */
class DashboardFiguresTest {

    private static final Kind FAVOURABLE = new Kind("FAVOURABLE", "Approved");

    @Test
    void onANewSystemNoChartHasAnythingToDraw() {
        DashboardFigures figures = figures(0, 0, 0, 0, null);

        assertThat(figures.chartsCasesPerStage()).isFalse();
        assertThat(figures.chartsCasesPerFinalStatus()).isFalse();
        assertThat(figures.chartsOverdueTasksPerGroup()).isFalse();
        assertThat(figures.chartsDecisionsPerWeek()).isFalse();
        assertThat(figures.chartsMedianWorkingDaysPerStage()).isFalse();
    }

    @Test
    void stagesPassedWithinTheDayDrawNoBarOfMedians() {
        assertThat(figures(2, 0, 0, 0, 0.0).chartsMedianWorkingDaysPerStage()).isFalse();
        assertThat(figures(2, 0, 0, 0, 0.5).chartsMedianWorkingDaysPerStage()).isTrue();
    }

    @Test
    void aChartWithSomethingToCountIsDrawn() {
        DashboardFigures figures = figures(2, 1, 3, 4, 2.0);

        assertThat(figures.chartsCasesPerStage()).isTrue();
        assertThat(figures.chartsCasesPerFinalStatus()).isTrue();
        assertThat(figures.chartsOverdueTasksPerGroup()).isTrue();
        assertThat(figures.chartsDecisionsPerWeek()).isTrue();
        assertThat(figures.chartsMedianWorkingDaysPerStage()).isTrue();
    }

    private static DashboardFigures figures(long running, long closed, long overdueTasks, long decisions, Double median) {
        List<GroupRow> groups = overdueTasks == 0 ? List.of() : List.of(new GroupRow("csrc-officer", "CSRC", overdueTasks));
        DecisionsPerWeek perWeek = new DecisionsPerWeek(List.of(FAVOURABLE),
                List.of(new WeekRow("2026-W49", LocalDate.parse("2026-11-30"), Map.of("FAVOURABLE", decisions), decisions)));
        return new DashboardFigures(Instant.parse("2026-12-04T00:00:00Z"), running, 0,
                List.of(new StageRow("INTAKE_CHECK", "Intake check", running, 0)),
                List.of(new StatusRow("LISTED", "Listed", closed)), groups, perWeek,
                List.of(new MedianRow("INTAKE_CHECK", "Intake check", median, median == null ? 0 : 1)), Map.of());
    }
}
