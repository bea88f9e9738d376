package cn.ola.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One year of the PRC holiday arrangements: the days off and the weekend days worked instead,
 * each with the holiday it belongs to, and the notice they come from. A provisional year holds
 * only the statutory public holidays because the year's notice has not been published yet.
 */
record CalendarYear(int year, Notice source, boolean provisional, String note,
                    SortedMap<LocalDate, String> holidays, SortedMap<LocalDate, String> workingWeekends) {

    /** The State Council document the dates are taken from. */
    record Notice(String title, String reference, LocalDate date) {

        Notice {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("The source needs a title");
            }
            Objects.requireNonNull(date, "The source needs a date");
        }
    }

    CalendarYear {
        Objects.requireNonNull(source, "A calendar year needs its source");
        holidays = Collections.unmodifiableSortedMap(new TreeMap<>(holidays));
        workingWeekends = Collections.unmodifiableSortedMap(new TreeMap<>(workingWeekends));
        for (Map.Entry<LocalDate, String> holiday : holidays.entrySet()) {
            requireInYear(holiday.getKey(), "holiday", holiday.getValue(), year);
        }
        for (Map.Entry<LocalDate, String> workday : workingWeekends.entrySet()) {
            LocalDate day = workday.getKey();
            requireInYear(day, "make-up working day", workday.getValue(), year);
            if (holidays.containsKey(day)) {
                throw new IllegalArgumentException(day + " is both a holiday (" + holidays.get(day)
                        + ") and a make-up working day (" + workday.getValue() + ")");
            }
            // Make-up working days are weekend days by definition; a weekday here is a typo.
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException(day + " is listed as a make-up working day (" + workday.getValue()
                        + ") but is a " + day.getDayOfWeek() + ", a working day anyway");
            }
        }
    }

    private static void requireInYear(LocalDate day, String kind, String name, int year) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " (" + kind + ", " + name + ") lies outside " + year);
        }
    }
}
