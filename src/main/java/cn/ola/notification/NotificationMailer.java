package cn.ola.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.company.CompanyUsers;

/**
 * E-mails each notification to the company's contact address and its users, in Chinese with the
 * English text below. Mail goes out only after the change has committed, on a thread of its own:
 * a mail server that is slow or down delays nobody and never undoes a change; it costs a warning
 * in the log, and the notification still waits in the portal inbox.
 */
@Component
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final Locale ENGLISH = Locale.ENGLISH;

    private final boolean enabled;
    private final String from;
    private final String baseUrl;
    private final ObjectProvider<JavaMailSender> sender;
    private final Companies companies;
    private final CompanyUsers users;
    private final NotificationTexts texts;
    private final ExecutorService outbox = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notification-mail");
        thread.setDaemon(true);
        return thread;
    });

    NotificationMailer(@Value("${ola.notifications.mail.enabled:false}") boolean enabled,
            @Value("${ola.notifications.mail.from:noreply@ola.example.cn}") String from,
            @Value("${ola.base-url:http://localhost:8080}") String baseUrl, ObjectProvider<JavaMailSender> sender,
            Companies companies, CompanyUsers users, NotificationTexts texts) {
        this.enabled = enabled;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.sender = sender;
        this.companies = companies;
        this.users = users;
        this.texts = texts;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(NotificationCreated created) {
        if (enabled) {
            outbox.execute(() -> send(created.notification()));
        }
    }

    void send(Notification notification) {
        try {
            JavaMailSender mail = sender.getIfAvailable();
            if (mail == null) {
                log.warn("Notification {} not e-mailed: ola.notifications.mail.enabled is true but spring.mail.host is not set",
                        notification.id());
                return;
            }
            Company company = companies.findById(notification.companyId()).orElseThrow();
            Collection<String> to = recipients(company);
            if (to.isEmpty()) {
                log.warn("Notification {} not e-mailed: company {} has no e-mail address", notification.id(), company.id());
                return;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to.toArray(String[]::new));
            message.setSubject(subject(notification));
            message.setText(body(notification));
            mail.send(message);
        } catch (RuntimeException failed) {
            log.warn("Notification {} could not be e-mailed (it stays in the portal inbox): {}", notification.id(),
                    failed.toString());
        }
    }

    String subject(Notification notification) {
        return "[" + notification.applicationNumber() + "] " + texts.title(notification, CHINESE) + " / "
                + texts.title(notification, ENGLISH);
    }

    String body(Notification notification) {
        StringBuilder body = new StringBuilder();
        part(body, notification, CHINESE);
        body.append("\n----------------------------------------\n\n");
        part(body, notification, ENGLISH);
        return body.toString();
    }

    String caseLink(Notification notification) {
        return baseUrl + "/applications/" + notification.applicationNumber();
    }

    private void part(StringBuilder body, Notification notification, Locale locale) {
        body.append(texts.text(notification, locale)).append("\n\n");
        if (notification.details() != null) {
            body.append(texts.label("notification.details", locale)).append('\n').append(notification.details()).append("\n\n");
        }
        String due = texts.due(notification, locale);
        if (due != null) {
            body.append(due).append("\n\n");
        }
        if (notification.link() != null) {
            body.append(texts.label("notification.letter.download", locale)).append(": ").append(baseUrl)
                    .append(notification.link()).append('\n');
        }
        if (notification.applicationNumber() != null) {
            body.append(texts.label("notification.case.open", locale)).append(": ").append(caseLink(notification)).append('\n');
        }
    }

    private Collection<String> recipients(Company company) {
        Map<String, String> to = new LinkedHashMap<>();
        addAddress(to, company.contactEmail());
        for (User user : users.members(company)) {
            addAddress(to, user.getEmail());
        }
        return to.values();
    }

    /** Each address once, however its owners capitalised it. */
    private static void addAddress(Map<String, String> to, String address) {
        if (address != null && !address.isBlank()) {
            to.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), address.strip());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        outbox.shutdown();
        outbox.awaitTermination(10, TimeUnit.SECONDS);
    }
}
