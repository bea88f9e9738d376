package cn.ola.calendar;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * How well the calendar knows the years that running deadlines reach into: the current year and
 * the next two. A year without data counts weekends only (fallback); a provisional year lacks its
 * notice's days in lieu and make-up working days. Either way deadlines may land on the wrong day.
 */
record CalendarCoverage(int firstYear, int lastYear, SortedSet<Integer> yearsWithData,
                        SortedSet<Integer> provisionalYears, SortedSet<Integer> fallbackYears) {

    static final int YEARS_AHEAD = 2;

    static CalendarCoverage of(WorkingDayCalendar calendar, Year current) {
        int first = current.getValue();
        int last = first + YEARS_AHEAD;
        return new CalendarCoverage(first, last, calendar.yearsWithData(), calendar.provisionalYears(),
                calendar.yearsWithoutData(first, last));
    }

    boolean complete() {
        return fallbackYears.isEmpty() && provisionalYears.isEmpty();
    }

    String message() {
        if (complete()) {
            return "Holiday data covers " + firstYear + " to " + lastYear + ".";
        }
        List<String> sentences = new ArrayList<>();
        if (!fallbackYears.isEmpty()) {
            sentences.add("No holiday data for " + years(fallbackYears) + ": deadlines there count only weekends as days off."
                    + " Add " + fallbackYears.stream().map(year -> "calendar/cn-" + year + ".yaml").collect(Collectors.joining(", "))
                    + " from the State Council notice.");
        }
        if (!provisionalYears.isEmpty()) {
            sentences.add("Provisional holiday data for " + years(provisionalYears) + ": statutory public holidays only;"
                    + " the days in lieu and make-up working days follow when the State Council notice is added.");
        }
        return String.join(" ", sentences);
    }

    private static String years(SortedSet<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
