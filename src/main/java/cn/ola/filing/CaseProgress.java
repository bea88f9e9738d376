package cn.ola.filing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a submitted case stands: its status, its overdue mark and the stages it stands in now. The
 * process moves it on (through {@code cn.ola.workflow.CaseRecord}); the rows stay with the rest of the
 * application here. Every change is made in the caller's transaction.
 */
@Service
public class CaseProgress {

    /** The key of the ids read in a transaction, among the resources bound to it. */
    private static final Object IDS_READ = new Object();

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseProgress(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A running case's id and the stages it stands in now. */
    public record OpenCase(long id, Set<String> stages) {
    }

    /**
     * The id of the submitted application with this number. A number keeps its id for good, so in a transaction
     * it is read once: the listeners of one step of a case (its stage, its outcome, its status) ask for it in turn.
     */
    public Optional<Long> idOf(String applicationNumber) {
        Map<String, Long> known = idsReadInThisTransaction();
        Long id = known.get(applicationNumber);
        if (id != null) {
            return Optional.of(id);
        }
        Optional<Long> read = jdbc.sql("SELECT id FROM applications WHERE application_number = ?").param(applicationNumber)
                .query(Long.class).optional();
        read.ifPresent(found -> known.put(applicationNumber, found));
        return read;
    }

    /** The ids read in the transaction now running, forgotten when it ends; outside one, none are kept. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> idsReadInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Map<String, Long> known = (Map<String, Long>) TransactionSynchronizationManager.getResource(IDS_READ);
        if (known == null) {
            Map<String, Long> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(IDS_READ, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(IDS_READ);
                }
            });
            known = fresh;
        }
        return known;
    }

    /** A non-final status change of a submitted case. */
    public void changeStatus(long id, CaseStatus status) {
        if (status.isFinal() || !CaseStatus.ofSubmittedCases().contains(status)) {
            throw new IllegalArgumentException(status + " is no status a case moves on to: a case closes with a final status");
        }
        update(id, "UPDATE applications SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?", status.name());
    }

    /** The case ends with a final status: it is closed now and stands in no stage any more. */
    public void close(long id, CaseStatus status) {
        if (!status.isFinal()) {
            throw new IllegalArgumentException(status + " is no final status: a case cannot close with it");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE applications SET status = ?, closed_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(status.name(), now, now, id).update();
        jdbc.sql("DELETE FROM case_stages WHERE application_id = ?").param(id).update();
    }

    /** A regulator-side deadline of the case passed. */
    public void markOverdue(long id) {
        update(id, "UPDATE applications SET overdue = TRUE, updated_at = ?, version = version + 1 WHERE id = ?", null);
    }

    /**
     * Moves the case from the stages it stands in to those {@code change} makes of them. The application
     * row is updated first: its lock keeps two changes of the same case's stages apart.
     */
    public void changeStages(long id, UnaryOperator<Set<String>> change) {
        update(id, "UPDATE applications SET updated_at = ?, version = version + 1 WHERE id = ?", null);
        Set<String> current = stagesOf(id);
        Set<String> next = change.apply(current);
        Timestamp now = Timestamp.from(clock.instant());
        for (String left : current) {
            if (!next.contains(left)) {
                jdbc.sql("DELETE FROM case_stages WHERE application_id = ? AND stage = ?").params(id, left).update();
            }
        }
        for (String entered : next) {
            if (!current.contains(entered)) {
                jdbc.sql("INSERT INTO case_stages (application_id, stage, entered_at) VALUES (?, ?, ?)")
                        .params(id, entered, now).update();
            }
        }
    }

    /** The stages the case stands in now, in no particular order. */
    public Set<String> stagesOf(long id) {
        return Set.copyOf(jdbc.sql("SELECT stage FROM case_stages WHERE application_id = ?").param(id)
                .query(String.class).list());
    }

    /**
     * Every submitted case that has not closed, by number, with the stages it stands in now: all of
     * them in one read, so that a caller comparing every open case issues no query per case.
     */
    public Map<String, OpenCase> openCases() {
        Map<String, Long> ids = new HashMap<>();
        Map<String, Set<String>> stagesByCase = new HashMap<>();
        jdbc.sql("""
                SELECT a.application_number, a.id, s.stage FROM applications a
                LEFT JOIN case_stages s ON s.application_id = a.id
                WHERE a.closed_at IS NULL AND a.application_number IS NOT NULL""")
                .query(row -> {
                    String number = row.getString("application_number");
                    ids.put(number, row.getLong("id"));
                    Set<String> stages = stagesByCase.computeIfAbsent(number, n -> new HashSet<>());
                    if (row.getString("stage") != null) {
                        stages.add(row.getString("stage"));
                    }
                });
        Map<String, OpenCase> open = new HashMap<>();
        ids.forEach((number, id) -> open.put(number, new OpenCase(id, Set.copyOf(stagesByCase.get(number)))));
        return open;
    }

    private void update(long id, String sql, String value) {
        Timestamp now = Timestamp.from(clock.instant());
        var statement = jdbc.sql(sql);
        if (value != null) {
            statement = statement.param(value);
        }
        statement.param(now).param(id).update();
    }
}
