package cn.ola.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The companies' notifications: written once per dedupe key, read newest first, marked read. */
@Repository
class Notifications {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    Notifications(JdbcClient jdbc, Clock clock, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.json = json;
    }

    /**
     * Writes the notice for the company, in the caller's transaction, unless one with the same
     * dedupe key exists already; the written notification is announced for the e-mail.
     */
    Optional<Notification> add(long companyId, Long applicationId, String applicationNumber, Notice notice) {
        if (notice.dedupeKey() != null && exists(notice.dedupeKey())) {
            return Optional.empty();
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO notifications (company_id, application_id, application_number, kind, message_key,
                                               message_params, details, due_at, link, created_at, dedupe_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(companyId, applicationId, applicationNumber, notice.kind().name(), notice.messageKey(),
                            write(notice.params()), truncate(notice.details()),
                            notice.due() == null ? null : Timestamp.from(notice.due()), notice.link(),
                            Timestamp.from(clock.instant()), notice.dedupeKey())
                    .update(keys, "id");
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
        Notification written = find(keys.getKey().longValue()).orElseThrow();
        events.publishEvent(new NotificationCreated(written));
        return Optional.of(written);
    }

    boolean exists(String dedupeKey) {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE dedupe_key = ?").param(dedupeKey)
                .query(Long.class).single() > 0;
    }

    List<Notification> ofCompany(long companyId, int limit) {
        return jdbc.sql("SELECT * FROM notifications WHERE company_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(companyId, limit).query(this::map).list();
    }

    Optional<Notification> find(long id) {
        return jdbc.sql("SELECT * FROM notifications WHERE id = ?").param(id).query(this::map).optional();
    }

    long unread(long companyId) {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE company_id = ? AND read_at IS NULL").param(companyId)
                .query(Long.class).single();
    }

    /** Marks the company's notification read; false when the company has no notification of that id. */
    boolean markRead(long companyId, long id) {
        jdbc.sql("UPDATE notifications SET read_at = ? WHERE id = ? AND company_id = ? AND read_at IS NULL")
                .params(Timestamp.from(clock.instant()), id, companyId).update();
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE id = ? AND company_id = ?").params(id, companyId)
                .query(Long.class).single() > 0;
    }

    int markAllRead(long companyId) {
        return jdbc.sql("UPDATE notifications SET read_at = ? WHERE company_id = ? AND read_at IS NULL")
                .params(Timestamp.from(clock.instant()), companyId).update();
    }

    private Notification map(ResultSet row, int n) throws SQLException {
        long applicationId = row.getLong("application_id");
        Long application = row.wasNull() ? null : applicationId;
        return new Notification(row.getLong("id"), row.getLong("company_id"), application,
                row.getString("application_number"), Kind.valueOf(row.getString("kind")), row.getString("message_key"),
                read(row.getString("message_params")), row.getString("details"), instant(row.getTimestamp("due_at")),
                row.getString("link"), instant(row.getTimestamp("created_at")), instant(row.getTimestamp("read_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    private String write(List<String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write notification parameters " + params, e);
        }
    }

    private List<String> read(String params) {
        if (params == null || params.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(params, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable notification parameters " + params, e);
        }
    }
}
