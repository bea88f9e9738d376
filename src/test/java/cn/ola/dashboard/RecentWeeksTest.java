package cn.ola.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The twelve ISO weeks of the decisions chart. */
class RecentWeeksTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void twelveWeeksEndWithTheCurrentIsoWeekAcrossTheTurnOfTheYear() {
        RecentWeeks weeks = RecentWeeks.endingWith(LocalDate.parse("2026-01-01"), 12, BEIJING);

        assertThat(weeks.weeks()).hasSize(12);
        assertThat(weeks.weeks().get(11).label()).isEqualTo("2026-W01");
        assertThat(weeks.weeks().get(11).monday()).isEqualTo(LocalDate.parse("2025-12-29"));
        assertThat(weeks.weeks().get(0).label()).isEqualTo("2025-W42");
        assertThat(weeks.weeks().get(0).monday()).isEqualTo(LocalDate.parse("2025-10-13"));
    }

    @Test
    void aWeekStartsAtMidnightOfItsMondayInBeijing() {
        RecentWeeks weeks = RecentWeeks.endingWith(LocalDate.parse("2026-03-08"), 12, BEIJING); // a Sunday

        assertThat(weeks.weeks().get(11).label()).isEqualTo("2026-W10");
        assertThat(weeks.start(11)).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
        assertThat(weeks.end()).isEqualTo(Instant.parse("2026-03-08T16:00:00Z"));
    }

    @Test
    void aYearWithFiftyThreeWeeksShowsItsLastWeek() {
        assertThat(RecentWeeks.endingWith(LocalDate.parse("2026-12-31"), 12, BEIJING).weeks().get(11).label())
                .isEqualTo("2026-W53");
    }
}
