package cn.ola.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calendar as the bundled holiday files define it, checked against the State Council notices. */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar calendar =
            CalendarDataFiles.calendarOf(CalendarDataFiles.load(CalendarDataFiles.DEFAULT_LOCATION));

    @Test
    void springFestival2025IsOffFrom28JanuaryTo4FebruaryWithSunday26JanuaryAndSaturday8FebruaryWorked() {
        assertThat(daysOff("2025-01-25", "2025-02-09")).containsExactly(
                "2025-01-25",
                "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04",
                "2025-02-09");
        assertThat(calendar.isWorkingDay(day("2025-01-26"))).as("Sunday 26 January 2025").isTrue();
        assertThat(calendar.isWorkingDay(day("2025-02-08"))).as("Saturday 8 February 2025").isTrue();
    }

    @Test
    void labourDay2025IsOffFrom1To5MayWithSunday27AprilWorked() {
        assertThat(daysOff("2025-04-26", "2025-05-11")).containsExactly(
                "2025-04-26", "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-10", "2025-05-11");
    }

    @Test
    void nationalDayAndMidAutumn2025AreOffFrom1To8OctoberWithSunday28SeptemberAndSaturday11OctoberWorked() {
        assertThat(daysOff("2025-09-27", "2025-10-12")).containsExactly(
                "2025-09-27",
                "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08",
                "2025-10-12");
    }

    @Test
    void newYear2026IsOffFrom1To3JanuaryWithSunday4JanuaryWorked() {
        assertThat(daysOff("2025-12-27", "2026-01-11")).containsExactly(
                "2025-12-27", "2025-12-28", "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-10", "2026-01-11");
    }

    @Test
    void springFestival2026IsOffFrom15To23FebruaryWithSaturdays14And28FebruaryWorked() {
        assertThat(daysOff("2026-02-14", "2026-03-01")).containsExactly(
                "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
                "2026-02-22", "2026-02-23",
                "2026-03-01");
    }

    @Test
    void labourDay2026IsOffFrom1To5MayWithSaturday9MayWorked() {
        assertThat(daysOff("2026-04-25", "2026-05-10")).containsExactly(
                "2026-04-25", "2026-04-26", "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-10");
    }

    @Test
    void midAutumnAndNationalDay2026AreSeparateBlocksWithSunday20SeptemberAndSaturday10OctoberWorked() {
        assertThat(daysOff("2026-09-19", "2026-10-11")).containsExactly(
                "2026-09-19",
                "2026-09-25", "2026-09-26", "2026-09-27",
                "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
                "2026-10-11");
    }

    @ParameterizedTest(name = "{0} has {1} working days")
    @CsvSource({
            // 261 weekdays, less 18 holidays on weekdays, plus 5 make-up weekend days
            "2025, 248",
            // 261 weekdays, less 19 holidays on weekdays, plus 6 make-up weekend days
            "2026, 248"})
    void aYearOfTheNoticeHasTheExpectedNumberOfWorkingDays(int year, int workingDays) {
        assertThat(calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31))).isEqualTo(workingDays);
    }

    @ParameterizedTest(name = "{1} working days after {0} end on {2}")
    @CsvSource({
            "2025-01-27, 1, 2025-02-05",  // Spring Festival 2025
            "2025-01-24, 1, 2025-01-26",  // the make-up Sunday counts
            "2025-01-24, 3, 2025-02-05",
            "2025-09-26, 10, 2025-10-16", // National Day 2025, with both make-up days
            "2026-02-13, 1, 2026-02-14",  // Spring Festival 2026
            "2026-02-13, 2, 2026-02-24",
            "2025-12-31, 1, 2026-01-04",  // across 2025 to 2026: New Year's block, then its make-up Sunday
            "2025-12-30, 5, 2026-01-07",
            "2026-12-31, 1, 2027-01-04",  // across 2026 to 2027: 1 January 2027 is a statutory holiday (provisional year)
            "2026-12-30, 3, 2027-01-05",
            "2027-02-04, 1, 2027-02-09",  // provisional Spring Festival 2027: New Year's Eve to the third day
            "2027-12-31, 1, 2028-01-03"}) // into 2028, which knows weekends only
    void addWorkingDaysSkipsHolidayBlocksAndCountsMakeUpDays(String start, int workingDays, String end) {
        assertThat(calendar.addWorkingDays(day(start), workingDays)).isEqualTo(day(end));
    }

    @Test
    void workingDaysBetweenUndoesAddWorkingDaysForEveryStartDayAcrossTheYearsWithData() {
        int[] periods = {0, 1, 2, 3, 5, 10, 15, 20, 30, 90};
        for (LocalDate start = day("2024-12-01"); start.isBefore(day("2028-03-01")); start = start.plusDays(1)) {
            for (int n : periods) {
                LocalDate end = calendar.addWorkingDays(start, n);
                assertThat(calendar.workingDaysBetween(start, end)).as("%d working days after %s", n, start).isEqualTo(n);
                assertThat(calendar.workingDaysBetween(end, start)).as("back from %s to %s", end, start).isEqualTo(-n);
                if (n > 0) {
                    assertThat(calendar.isWorkingDay(end)).as("%d working days after %s end on a working day", n, start).isTrue();
                }
            }
        }
    }

    @Test
    void aYearWithoutDataFallsBackToWeekendsOnly() {
        assertThat(calendar.isWorkingDay(day("2028-01-03"))).as("Monday 3 January 2028").isTrue();
        assertThat(calendar.isWorkingDay(day("2028-01-01"))).as("Saturday 1 January 2028").isFalse();
        assertThat(calendar.isWorkingDay(day("2028-01-26"))).as("Chinese New Year 2028, not known yet").isTrue();
        assertThat(calendar.yearsWithoutData(2025, 2028)).containsExactly(2028);
    }

    @Test
    void theBundledFilesCover2025To2027With2027Provisional() {
        assertThat(calendar.yearsWithData()).containsExactly(2025, 2026, 2027);
        assertThat(calendar.provisionalYears()).containsExactly(2027);
    }

    @Test
    void theProvisional2027HoldsTheStatutoryHolidaysOfTheAmendedRegulations() {
        assertThat(daysOff("2027-01-01", "2027-12-31")).filteredOn(d -> isWeekday(day(d))).containsExactly(
                "2027-01-01",               // New Year's Day, Friday
                "2027-02-05", "2027-02-08", // Spring Festival: Chinese New Year's Eve (Friday) and the third day (Monday)
                "2027-04-05",               // Qingming, Monday
                "2027-06-09",               // Dragon Boat, Wednesday
                "2027-09-15",               // Mid-Autumn, Wednesday
                "2027-10-01");              // National Day, Friday (2 and 3 October fall on the weekend)
    }

    @Test
    void aMakeUpDayIsAWorkingDayAndAHolidayIsNot() {
        WorkingDayCalendar custom = new WorkingDayCalendar(Set.of(day("2030-01-01")), Set.of(day("2030-01-05")), Set.of(2030));
        assertThat(custom.isWorkingDay(day("2030-01-01"))).isFalse();
        assertThat(custom.isWorkingDay(day("2030-01-05"))).isTrue();
        assertThat(custom.provisionalYears()).isEmpty();
    }

    @Test
    void weekendsOnlyKnowsNoHolidays() {
        WorkingDayCalendar weekendsOnly = WorkingDayCalendar.weekendsOnly();
        assertThat(weekendsOnly.isWorkingDay(day("2025-01-29"))).isTrue();
        assertThat(weekendsOnly.yearsWithoutData(2025, 2026)).containsExactly(2025, 2026);
    }

    @Test
    void aPeriodCannotBeNegative() {
        assertThatThrownBy(() -> calendar.addWorkingDays(day("2025-01-01"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProvisionalYearMustBeAYearWithData() {
        assertThatThrownBy(() -> new WorkingDayCalendar(Set.of(), Set.of(), Set.of(2026), Set.of(2027)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2027");
    }

    private static List<String> daysOff(String from, String to) {
        List<String> off = new ArrayList<>();
        for (LocalDate d = day(from); !d.isAfter(day(to)); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                off.add(d.toString());
            }
        }
        return off;
    }

    private static boolean isWeekday(LocalDate d) {
        return d.getDayOfWeek().getValue() <= 5;
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
