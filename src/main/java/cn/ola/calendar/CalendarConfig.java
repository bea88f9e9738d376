package cn.ola.calendar;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working-day calendar from the yearly holiday data files. {@code ola.calendar.locations}
 * (comma-separated resource patterns) lets operators add a year's file outside the application,
 * e.g. {@code classpath*:calendar/cn-*.yaml,file:/etc/ola/calendar/cn-*.yaml}.
 */
@Configuration
class CalendarConfig {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfig.class);

    @Bean
    WorkingDayCalendar workingDayCalendar(
            @Value("${ola.calendar.locations:" + CalendarDataFiles.DEFAULT_LOCATION + "}") String[] locations, Clock clock) {
        List<CalendarYear> years = CalendarDataFiles.load(locations);
        WorkingDayCalendar calendar = CalendarDataFiles.calendarOf(years);
        log.info("Working-day calendar: holiday data for {}",
                years.isEmpty() ? "no year" : years.stream().map(CalendarConfig::describe).collect(Collectors.joining("; ")));
        CalendarCoverage coverage = CalendarCoverage.of(calendar, Year.now(clock));
        if (coverage.complete()) {
            log.info("Working-day calendar: {}", coverage.message());
        } else {
            log.warn("Working-day calendar: {}", coverage.message());
        }
        return calendar;
    }

    /** Health component {@code workingDayCalendar}: Spring Boot drops the HealthIndicator suffix. */
    @Bean
    WorkingDayCalendarHealthIndicator workingDayCalendarHealthIndicator(WorkingDayCalendar workingDayCalendar, Clock clock) {
        return new WorkingDayCalendarHealthIndicator(workingDayCalendar, clock);
    }

    private static String describe(CalendarYear year) {
        return year.year() + (year.provisional() ? " (provisional)" : "") + " from " + year.source().title()
                + " of " + year.source().date();
    }
}
