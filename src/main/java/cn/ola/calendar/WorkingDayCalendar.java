package cn.ola.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working days of the PRC calendar: Monday to Friday, less the public holidays, plus the
 * weekend days that the State Council declares working days (调休). Statutory deadlines in the
 * regulations are counted in these days. A year for which no data is loaded falls back to
 * weekends only; {@link #yearsWithoutData} lets callers say so. A provisional year has data, but
 * only the statutory public holidays: its notice, with the make-up working days, is still to come.
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;
    private final SortedSet<Integer> yearsWithData;
    private final SortedSet<Integer> provisionalYears;

    public WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekends, Set<Integer> yearsWithData) {
        this(holidays, workingWeekends, yearsWithData, Set.of());
    }

    /** As above, with the years among {@code yearsWithData} whose data is provisional. */
    public WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekends, Set<Integer> yearsWithData,
                              Set<Integer> provisionalYears) {
        if (!yearsWithData.containsAll(provisionalYears)) {
            throw new IllegalArgumentException("Provisional years " + provisionalYears + " must be among the years with data " + yearsWithData);
        }
        this.holidays = Set.copyOf(holidays);
        this.workingWeekends = Set.copyOf(workingWeekends);
        this.yearsWithData = Collections.unmodifiableSortedSet(new TreeSet<>(yearsWithData));
        this.provisionalYears = Collections.unmodifiableSortedSet(new TreeSet<>(provisionalYears));
    }

    /** A calendar that knows no holidays at all: Monday to Friday are working days. */
    public static WorkingDayCalendar weekendsOnly() {
        return new WorkingDayCalendar(Set.of(), Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekends.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The day on which a period of {@code workingDays} working days that starts the day after
     * {@code start} ends (the day of the triggering event itself is not counted).
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("A period cannot have a negative number of working days: " + workingDays);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Working days after {@code from} up to and including {@code to}; negative when {@code to}
     * lies before {@code from}. So {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public SortedSet<Integer> yearsWithData() {
        return yearsWithData;
    }

    /** Years known only by their statutory public holidays, without the make-up working days. */
    public SortedSet<Integer> provisionalYears() {
        return provisionalYears;
    }

    /** The years between {@code from} and {@code to} (inclusive) for which only weekends are known. */
    public SortedSet<Integer> yearsWithoutData(int from, int to) {
        SortedSet<Integer> missing = new TreeSet<>();
        for (int year = from; year <= to; year++) {
            if (!yearsWithData.contains(year)) {
                missing.add(year);
            }
        }
        return missing;
    }
}
