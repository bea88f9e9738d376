package cn.ola.filing;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which application for a listing on another market follows which listed case: the company starts it from
 * its listed case, and both cases show the link. A link is set once, when the application is started.
 */
@Service
public class ListingsElsewhere {

    private final JdbcClient jdbc;

    ListingsElsewhere(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The application {@code applicationId} follows the listed case {@code listedId}. */
    public void link(long applicationId, long listedId) {
        int updated = jdbc.sql("UPDATE applications SET follows_application_id = ? WHERE id = ? AND follows_application_id IS NULL")
                .params(listedId, applicationId).update();
        if (updated != 1) {
            throw new IllegalStateException("Application " + applicationId + " does not exist or follows a listed case already");
        }
    }

    /** The listed case an application follows, if it was started from one. */
    public Optional<Long> follows(long applicationId) {
        return jdbc.sql("SELECT follows_application_id FROM applications WHERE id = ? AND follows_application_id IS NOT NULL")
                .param(applicationId).query(Long.class).optional();
    }

    /** The applications started from a listed case, oldest first. */
    public List<Long> following(long listedId) {
        return jdbc.sql("SELECT id FROM applications WHERE follows_application_id = ? ORDER BY id").param(listedId)
                .query(Long.class).list();
    }
}
