package cn.ola.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.ola.calendar.WorkingDayCalendar;
import cn.ola.dashboard.StageDurations.StageEvent;
import cn.ola.dashboard.StageDurations.StageMedian;
import cn.ola.filing.Stages;

/** Working days per stage and their medians, from the stage entries and closes of the audit trail. */
class StageDurationsTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    /** Spring Festival 2026: 15 to 23 February off, Saturdays 14 and 28 February worked. */
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
            datesFrom("2026-02-15", "2026-02-23"), Set.of(LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28")),
            Set.of(2026));

    private final StageDurations durations = new StageDurations(CALENDAR, BEIJING, Stages.PARALLEL_BLOCK_OF);

    @Test
    void aStageLastsUntilTheNextStageInWorkingDaysThatSkipTheHolidaysAndCountTheMakeUpSaturday() {
        var events = List.of(
                entered(1, "INTAKE_CHECK", "2026-02-13T10:00"),       // Friday before the Spring Festival
                entered(1, "REGULATORY_CHECKS", "2026-02-24T09:00")); // Tuesday after it

        // Saturday 14 February (worked) and Tuesday 24 February; not the nine days off.
        assertThat(durations.workingDaysPerStage(events, LONG_AGO)).containsExactly(entry("INTAKE_CHECK", List.of(2)));
    }

    @Test
    void aStageLeftOnTheDayItWasEnteredTookNoWorkingDay() {
        var events = List.of(
                entered(1, "SCREENING", "2026-03-02T09:00"),
                entered(1, "INTAKE_CHECK", "2026-03-02T09:00"),
                closed(1, "2026-03-02T16:30"));

        assertThat(durations.workingDaysPerStage(events, LONG_AGO))
                .containsOnly(entry("SCREENING", List.of(0)), entry("INTAKE_CHECK", List.of(0)));
    }

    @Test
    void theCloseEndsTheStageAndAStageStillRunningIsNotMeasured() {
        var events = List.of(
                entered(1, "INTAKE_CHECK", "2026-03-02T09:00"),
                closed(1, "2026-03-05T09:00"),
                entered(2, "INTAKE_CHECK", "2026-03-02T09:00"),
                entered(2, "REGULATORY_CHECKS", "2026-03-03T09:00"));

        assertThat(durations.workingDaysPerStage(events, LONG_AGO)).containsExactly(entry("INTAKE_CHECK", List.of(3, 1)));
    }

    @Test
    void enteringTheSameStageAgainContinuesIt() {
        // The officer asked for corrections on Monday; the corrected application came back on Wednesday.
        var events = List.of(
                entered(1, "INTAKE_CHECK", "2026-03-02T09:00"),
                entered(1, "INTAKE_CHECK", "2026-03-04T09:00"),
                entered(1, "REGULATORY_CHECKS", "2026-03-06T09:00"));

        // Measured since Thursday: the whole stay counts, from Monday, not only the part after the corrections.
        assertThat(durations.workingDaysPerStage(events, at("2026-03-05T00:00")))
                .containsExactly(entry("INTAKE_CHECK", List.of(4)));
    }

    @Test
    void checksRunningInParallelCountAsTheRegulatoryChecksUntilTheFiling() {
        var events = List.of(
                entered(1, "REGULATORY_CHECKS", "2026-03-02T09:00"),
                entered(1, "CYBERSECURITY_REVIEW", "2026-03-02T09:00"),
                entered(1, "INDUSTRY_APPROVAL", "2026-03-02T09:00"),
                entered(1, "DATA_PROTECTION", "2026-03-02T09:00"),
                entered(1, "CSRC_FILING", "2026-03-16T09:00"));

        assertThat(durations.workingDaysPerStage(events, LONG_AGO)).containsExactly(entry("REGULATORY_CHECKS", List.of(10)));
    }

    @Test
    void aCaseThatStaysInAStageTwiceCountsOnceWithBothStaysAddedUp() {
        var events = List.of(
                entered(1, "CSRC_FILING", "2026-03-02T09:00"),
                entered(1, "AWAITING_LISTING", "2026-03-04T09:00"),
                entered(1, "CSRC_FILING", "2026-03-05T09:00"),
                closed(1, "2026-03-10T09:00"));

        assertThat(durations.workingDaysPerStage(events, LONG_AGO))
                .containsOnly(entry("CSRC_FILING", List.of(5)), entry("AWAITING_LISTING", List.of(1)));
    }

    @Test
    void workingDaysAreCountedOnBeijingDates() {
        // 1 March 2026 17:00 UTC is already Monday 2 March in Beijing; counted in UTC it would start on Sunday.
        var events = List.of(
                new StageEvent(1, false, "INTAKE_CHECK", Instant.parse("2026-03-01T17:00:00Z")),
                entered(1, "REGULATORY_CHECKS", "2026-03-03T10:00"));

        assertThat(durations.workingDaysPerStage(events, LONG_AGO)).containsExactly(entry("INTAKE_CHECK", List.of(1)));
    }

    @Test
    void onlyStaysThatEndedInTheWindowAreMeasuredHoweverEarlyTheyBegan() {
        var events = List.of(
                entered(1, "INTAKE_CHECK", "2026-01-05T09:00"),
                entered(1, "REGULATORY_CHECKS", "2026-01-06T09:00"),
                entered(1, "CSRC_FILING", "2026-03-02T09:00"),
                entered(1, "AWAITING_LISTING", "2026-03-04T09:00"));

        Instant since = at("2026-03-01T00:00");

        assertThat(durations.workingDaysPerStage(events, since)).containsOnly(
                entry("REGULATORY_CHECKS", List.of(CALENDAR.workingDaysBetween(LocalDate.parse("2026-01-06"), LocalDate.parse("2026-03-02")))),
                entry("CSRC_FILING", List.of(2)));
    }

    @Test
    void theMedianPerStageIsTakenOverTheCasesMeasured() {
        var events = new ArrayList<StageEvent>();
        // Intake took 2, 9 and 5 working days; the filing 1 and 4.
        events.addAll(List.of(entered(1, "INTAKE_CHECK", "2026-03-02T09:00"), entered(1, "CSRC_FILING", "2026-03-04T09:00"),
                entered(1, "AWAITING_LISTING", "2026-03-05T09:00")));
        events.addAll(List.of(entered(2, "INTAKE_CHECK", "2026-03-02T09:00"), entered(2, "CSRC_FILING", "2026-03-13T09:00"),
                entered(2, "AWAITING_LISTING", "2026-03-19T09:00")));
        events.addAll(List.of(entered(3, "INTAKE_CHECK", "2026-03-02T09:00"), closed(3, "2026-03-09T09:00")));

        assertThat(durations.medians(events, LONG_AGO)).containsOnly(
                entry("INTAKE_CHECK", new StageMedian(5.0, 3)),
                entry("CSRC_FILING", new StageMedian(2.5, 2)));
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
        assertThat(StageDurations.median(List.of(7))).isEqualTo(7.0);
        assertThat(StageDurations.median(List.of(5, 1, 3))).isEqualTo(3.0);
        assertThat(StageDurations.median(List.of(10, 1, 3, 2))).isEqualTo(2.5);
        assertThat(StageDurations.median(List.of(4, 4, 0, 9))).isEqualTo(4.0);
        assertThat(StageDurations.median(List.of())).isNull();
    }

    private static StageEvent entered(long caseId, String stage, String beijingTime) {
        return StageEvent.entered(caseId, stage, at(beijingTime));
    }

    private static StageEvent closed(long caseId, String beijingTime) {
        return StageEvent.closed(caseId, at(beijingTime));
    }

    private static Instant at(String beijingTime) {
        return LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant();
    }

    private static Set<LocalDate> datesFrom(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).collect(java.util.stream.Collectors.toSet());
    }
}
