package cn.ola.dashboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The last ISO weeks up to and including the current one, oldest first, in one time zone. */
final class RecentWeeks {

    /** An ISO week: its week-based year, its number and the Monday it starts on. */
    record Week(int year, int number, LocalDate monday) {

        /** ISO 8601 notation, e.g. 2026-W05. */
        String label() {
            return String.format("%d-W%02d", year, number);
        }
    }

    private final List<Week> weeks;
    private final ZoneId zone;

    private RecentWeeks(List<Week> weeks, ZoneId zone) {
        this.weeks = List.copyOf(weeks);
        this.zone = zone;
    }

    static RecentWeeks endingWith(LocalDate today, int count, ZoneId zone) {
        if (count < 1) {
            throw new IllegalArgumentException("At least one week: " + count);
        }
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Week> weeks = new ArrayList<>();
        for (int back = count - 1; back >= 0; back--) {
            LocalDate monday = thisMonday.minusWeeks(back);
            weeks.add(new Week(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), monday));
        }
        return new RecentWeeks(weeks, zone);
    }

    List<Week> weeks() {
        return weeks;
    }

    /** When the week at this index starts, midnight of its Monday in the zone. */
    Instant start(int index) {
        return weeks.get(index).monday().atStartOfDay(zone).toInstant();
    }

    /** When the last week ends: midnight of the following Monday. */
    Instant end() {
        return weeks.get(weeks.size() - 1).monday().plusWeeks(1).atStartOfDay(zone).toInstant();
    }
}
