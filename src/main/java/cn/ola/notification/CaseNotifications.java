package cn.ola.notification;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.ola.audit.AuditRecorded;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;
import cn.ola.workflow.ApplicantAction;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.OpenStep;

/**
 * Turns what the audit trail records into the company's notifications. It runs just before the
 * change commits, in its transaction: the inbox row exists exactly when the change does, and by
 * then the engine has written the task a request for materials opened, with its text and due date.
 */
@Component
class CaseNotifications {

    private static final Logger log = LoggerFactory.getLogger(CaseNotifications.class);

    private final ListingApplications applications;
    private final CaseWorkflow workflow;
    private final Notifications notifications;

    CaseNotifications(ListingApplications applications, CaseWorkflow workflow, Notifications notifications) {
        this.applications = applications;
        this.workflow = workflow;
        this.notifications = notifications;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AuditRecorded recorded) {
        if (recorded.applicationId() == null) {
            return;
        }
        try {
            notify(recorded);
        } catch (RuntimeException failed) {
            // A notice we cannot write must not undo the change; the company still sees it on the case page.
            log.error("No notification for {} of application {}", recorded.event(), recorded.applicationId(), failed);
        }
    }

    private void notify(AuditRecorded recorded) {
        // Most entries (stages, screening, company actions) are told to nobody: no need to read the case for them.
        if (!NotificationRules.tells(recorded.event())) {
            return;
        }
        ListingApplication application = applications.find(recorded.applicationId()).orElse(null);
        if (application == null || application.number() == null) {
            return;
        }
        String number = application.number().toString();
        if (NotificationRules.isMaterialsRequest(recorded.event())) {
            for (Notice request : requests(application)) {
                notifications.add(application.companyId(), application.id(), number, request);
            }
            return;
        }
        NotificationRules.noticeOf(application.id(), number, recorded.event())
                .ifPresent(notice -> notifications.add(application.companyId(), application.id(), number, notice));
    }

    /** One notice per open request; a request told before keeps its notice (several may be open at once). */
    private List<Notice> requests(ListingApplication application) {
        String number = application.number().toString();
        List<OpenStep> open = workflow.materialsRequests(application.number()).stream()
                .filter(step -> step.action() == ApplicantAction.SUPPLY_MATERIALS).toList();
        if (open.isEmpty()) {
            log.warn("Application {} recorded a request for materials, but no open request was found", number);
            return List.of(new Notice(Kind.REQUEST, "notification.request", List.of(number), null, null, null, null));
        }
        return open.stream()
                .map(step -> new Notice(Kind.REQUEST, requestKey(step.requestedBy()), List.of(number),
                        NotificationRules.blankToNull(step.request()), step.due(), null, "REQUEST:" + step.taskId()))
                .toList();
    }

    static String requestKey(String requestedBy) {
        return requestedBy == null ? "notification.request" : "notification.request." + requestedBy;
    }
}
