package cn.ola.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.ola.filing.ListingApplications;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.DueStep;
import cn.ola.workflow.OpenStep;

/**
 * Reminds a company when one of its own steps falls due within {@value #WORKING_DAYS} working
 * days and at least half of the step's time has passed: a step that is given no more than those
 * days from the start (a confirmation due in 5) is not reminded of the moment the company was told
 * of it, but half-way. It runs every hour (ola.notifications.reminder-cron) and once shortly after
 * start; each open step is reminded of once, however often it runs.
 */
@Component
class DeadlineReminders {

    static final int WORKING_DAYS = 5;
    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

    private final CaseWorkflow workflow;
    private final ListingApplications applications;
    private final Notifications notifications;

    private final Deadlines deadlines;

    DeadlineReminders(CaseWorkflow workflow, ListingApplications applications, Notifications notifications,
            Deadlines deadlines) {
        this.workflow = workflow;
        this.applications = applications;
        this.notifications = notifications;
        this.deadlines = deadlines;
    }

    @Scheduled(cron = "${ola.notifications.reminder-cron:0 0 * * * *}", zone = "Asia/Shanghai")
    void hourly() {
        remind();
    }

    @Scheduled(initialDelayString = "${ola.notifications.reminder-initial-delay:PT1M}")
    void afterStart() {
        remind();
    }

    /**
     * Writes the reminders that are due, each on its own (one that fails is tried again next
     * time, the others stand); returns how many it wrote. Several instances of the application
     * may run it at once: the dedupe key lets only one reminder per step in.
     */
    public int remind() {
        Instant now = deadlines.now();
        List<DueStep> due = workflow.applicantStepsDueWithin(WORKING_DAYS).stream()
                .filter(step -> halfwayThrough(step.step(), now)).toList();
        int written = 0;
        for (DueStep step : due) {
            try {
                if (remind(step)) {
                    written++;
                }
            } catch (RuntimeException failed) {
                log.warn("No reminder for step {} of application {} this time", step.step().taskId(), step.number(), failed);
            }
        }
        if (written > 0) {
            log.info("Reminded companies of {} deadline(s) within {} working days", written, WORKING_DAYS);
        }
        return written;
    }

    /** Whether at least half of the time between the step's opening and its due date has passed. */
    static boolean halfwayThrough(OpenStep step, Instant now) {
        if (step.openedAt() == null || step.due() == null) {
            return true;
        }
        Instant halfway = step.openedAt().plus(Duration.between(step.openedAt(), step.due()).dividedBy(2));
        return !now.isBefore(halfway);
    }

    private boolean remind(DueStep step) {
        String key = "REMINDER:" + step.step().taskId();
        if (notifications.exists(key)) {
            return false;
        }
        var application = applications.find(step.number()).orElse(null);
        if (application == null) {
            return false;
        }
        Notice reminder = new Notice(Kind.REMINDER, "notification.reminder." + step.step().taskKey(),
                List.of(step.number().toString(), String.valueOf(step.step().workingDaysLeft())),
                NotificationRules.blankToNull(step.step().request()), step.step().due(), null, key);
        return notifications.add(application.companyId(), application.id(), step.number().toString(), reminder).isPresent();
    }
}
