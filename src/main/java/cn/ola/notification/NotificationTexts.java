package cn.ola.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.ola.workflow.Deadlines;

/** A notification's words in a reader's language, from its message key and parameters. */
@Component
class NotificationTexts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    NotificationTexts(MessageSource messages) {
        this.messages = messages;
    }

    String title(Notification notification, Locale locale) {
        return messages.getMessage("notification.kind." + notification.kind().name(), null, notification.kind().name(), locale);
    }

    String text(Notification notification, Locale locale) {
        Object[] params = notification.params().toArray();
        String text = messages.getMessage(notification.messageKey(), params, null, locale);
        if (text == null) {
            // A key a newer version wrote, or an outcome without its own wording: still say what happened.
            text = messages.getMessage("notification.generic", params, locale);
        }
        return text;
    }

    String due(Notification notification, Locale locale) {
        return notification.due() == null ? null
                : messages.getMessage("notification.due", new Object[] {DAY.format(notification.due().atZone(Deadlines.BEIJING))}, locale);
    }

    String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    static String time(java.time.Instant instant) {
        return MINUTE.format(instant.atZone(Deadlines.BEIJING));
    }
}
