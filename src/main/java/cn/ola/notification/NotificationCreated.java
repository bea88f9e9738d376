package cn.ola.notification;

/** Published when a notification was written; the e-mail goes out once the transaction has committed. */
record NotificationCreated(Notification notification) {
}
