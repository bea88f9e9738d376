package cn.ola.calendar;

import java.time.Clock;
import java.time.Year;
import java.util.List;

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
                .withDetail("yearsWithData", List.copyOf(coverage.yearsWithData()))
                .withDetail("provisionalYears", List.copyOf(coverage.provisionalYears()))
                .withDetail("fallback", List.copyOf(coverage.fallbackYears()))
                .withDetail("message", coverage.message())
                .build();
    }
}
