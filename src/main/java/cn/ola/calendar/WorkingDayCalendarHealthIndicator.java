package cn.ola.calendar;

import java.time.Clock;
import java.time.Year;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Shows operators which years the working-day calendar knows. Missing or provisional years do not
 * make the application unhealthy (deadlines still run, on weekends only), so the status stays UP
 * and the details say what to add.
 */
class WorkingDayCalendarHealthIndicator implements HealthIndicator {

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    WorkingDayCalendarHealthIndicator(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Health health() {
        CalendarCoverage coverage = CalendarCoverage.of(calendar, Year.now(clock));
        return Health.up()
                .withDetail("yearsWithData", coverage.yearsWithData())
                .withDetail("provisionalYears", coverage.provisionalYears())
                .withDetail("fallback", coverage.fallbackYears())
                .withDetail("message", coverage.message())
                .build();
    }
}
