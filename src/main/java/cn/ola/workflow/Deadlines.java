package cn.ola.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.ola.calendar.WorkingDayCalendar;

/**
 * Statutory deadlines in working days, for timer expressions and listeners in the models
 * ({@code ${deadlines.start(execution, 'initialReview', 30)}}). A deadline falls at the end of
 * its last working day, Beijing time. "Now" is the engine's clock, so tests can move it.
 *
 * <p>A regulator's clock stops while the applicant supplies materials: {@link #stop} keeps the
 * working days that were left, {@link #resume} sets a new due date from them.
 */
@Component("deadlines")
public class Deadlines {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final WorkingDayCalendar calendar;

    public Deadlines(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** End of the working day that lies {@code workingDays} working days after today. */
    public Date workingDaysFromNow(int workingDays) {
        return endOf(calendar.addWorkingDays(today(), workingDays));
    }

    /**
     * End of the day that lies the given calendar months after today: for periods the rules set
     * in months rather than working days (a filing lapses 12 months after its notice).
     */
    public Date monthsFromNow(int months) {
        return endOf(today().plusMonths(months));
    }

    /**
     * Starts the named clock: {@code <clock>Due} becomes the due date, which is also returned. A clock runs unless
     * it is marked stopped ({@code <clock>Stopped}); one started again after a stop is marked running again.
     */
    public Date start(DelegateExecution execution, String clock, int workingDays) {
        Date due = workingDaysFromNow(workingDays);
        execution.setVariable(ProcessVariables.due(clock), due);
        if (execution.hasVariable(ProcessVariables.clockStopped(clock))) {
            execution.setVariable(ProcessVariables.clockStopped(clock), false);
        }
        return due;
    }

    /** Stops the named clock, keeping the working days that were left ({@code <clock>RemainingWd}). */
    public void stop(DelegateExecution execution, String clock) {
        Date due = (Date) execution.getVariable(ProcessVariables.due(clock));
        if (due == null) {
            return;
        }
        int remaining = Math.max(0, calendar.workingDaysBetween(today(), day(due)));
        execution.setVariable(ProcessVariables.remainingWorkingDays(clock), remaining);
        execution.setVariable(ProcessVariables.clockStopped(clock), true);
    }

    /** Restarts a stopped clock with the working days it had left; a clock that was never stopped keeps its date. */
    public Date resume(DelegateExecution execution, String clock) {
        if (!Boolean.TRUE.equals(execution.getVariable(ProcessVariables.clockStopped(clock)))) {
            return (Date) execution.getVariable(ProcessVariables.due(clock));
        }
        Number remaining = (Number) execution.getVariable(ProcessVariables.remainingWorkingDays(clock));
        return start(execution, clock, remaining == null ? 0 : remaining.intValue());
    }

    /** Working days from today to the due date: 0 on the last day, negative once it has passed. */
    public int workingDaysLeft(Date due) {
        return calendar.workingDaysBetween(today(), day(due));
    }

    /** Whether {@code done} came more than {@code allowedWorkingDays} working days after {@code event}. */
    public boolean isLate(LocalDate event, LocalDate done, int allowedWorkingDays) {
        return calendar.workingDaysBetween(event, done) > allowedWorkingDays;
    }

    /** The same for ISO dates (yyyy-MM-dd) as process variables carry them; false when either is missing. */
    public boolean isLate(String eventIsoDate, String doneIsoDate, int allowedWorkingDays) {
        if (eventIsoDate == null || doneIsoDate == null) {
            return false;
        }
        return isLate(LocalDate.parse(eventIsoDate), LocalDate.parse(doneIsoDate), allowedWorkingDays);
    }

    /** Today as an ISO date, for variables such as the day a report arrived. */
    public String todayIso() {
        return today().toString();
    }

    public LocalDate today() {
        return day(ClockUtil.getCurrentTime());
    }

    /** Now, by the engine's clock, which the deadlines and due dates of the models are reckoned by. */
    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static LocalDate day(Date instant) {
        return instant.toInstant().atZone(BEIJING).toLocalDate();
    }

    static Date endOf(LocalDate day) {
        return Date.from(ZonedDateTime.of(day, END_OF_DAY, BEIJING).toInstant());
    }
}
