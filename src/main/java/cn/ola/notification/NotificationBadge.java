package cn.ola.notification;

import org.springframework.stereotype.Component;

import cn.ola.company.CompanyUsers;

/**
 * The unread count in the page header ({@code ${@notificationBadge.unread(#authentication.name)}}),
 * for company users; anyone else has none.
 */
@Component("notificationBadge")
public class NotificationBadge {

    private final CompanyUsers users;
    private final Notifications notifications;

    NotificationBadge(CompanyUsers users, Notifications notifications) {
        this.users = users;
        this.notifications = notifications;
    }

    public long unread(String userId) {
        return users.companyOf(userId).map(company -> notifications.unread(company.id())).orElse(0L);
    }
}
