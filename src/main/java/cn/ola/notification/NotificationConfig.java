package cn.ola.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The deadline reminders run on Spring's scheduler. */
@Configuration
@EnableScheduling
class NotificationConfig {
}
