package cn.ola.notification;

import java.time.Instant;
import java.util.List;

/** A notification as stored: one company's, possibly about one of its applications. */
record Notification(long id, long companyId, Long applicationId, String applicationNumber, Kind kind, String messageKey,
        List<String> params, String details, Instant due, String link, Instant createdAt, Instant readAt) {

    boolean unread() {
        return readAt == null;
    }
}
