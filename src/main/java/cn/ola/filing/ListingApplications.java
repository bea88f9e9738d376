package cn.ola.filing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The applications companies file: drafts, and submitted ones with their numbers. */
@Service
public class ListingApplications {

    private static final String DRAFT = CaseStatus.DRAFT.name();
    private static final String DELETED = CaseStatus.DELETED.name();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;
    /** A transaction of its own, committed at once, whatever transaction the caller is in. */
    private final TransactionTemplate ownTransaction;

    ListingApplications(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A third-party cloud contract of a company under a state-assets supervisor. */
    public record CloudContract(String provider, LocalDate endDate) {
    }

    @Transactional
    public long createDraft(long companyId, ApplicationFacts facts, List<CloudContract> cloudContracts) {
        Timestamp now = Timestamp.from(clock.instant());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO applications (company_id, status, facts, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(companyId, DRAFT, FactsJson.write(facts), now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertCloudContracts(id, cloudContracts);
        return id;
    }

    private void insertCloudContracts(long id, List<CloudContract> cloudContracts) {
        for (CloudContract contract : cloudContracts) {
            jdbc.sql("INSERT INTO cloud_contracts (application_id, provider, contract_end_date) VALUES (?, ?, ?)")
                    .params(id, contract.provider(), date(contract.endDate())).update();
        }
    }

    /**
     * Replaces the facts of a draft, if it is still a draft at the version the editor read;
     * returns false otherwise (submitted meanwhile, or changed by someone else).
     */
    @Transactional
    public boolean updateDraft(long id, int expectedVersion, ApplicationFacts facts, List<CloudContract> cloudContracts) {
        int updated = jdbc.sql("""
                UPDATE applications SET facts = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND status = ? AND version = ?""")
                .params(FactsJson.write(facts), Timestamp.from(clock.instant()), id, DRAFT, expectedVersion)
                .update();
        if (updated == 1) {
            jdbc.sql("DELETE FROM cloud_contracts WHERE application_id = ?").param(id).update();
            insertCloudContracts(id, cloudContracts);
        }
        return updated == 1;
    }

    /** The company's applications, newest first. */
    public List<ListingApplication> ofCompany(long companyId) {
        List<ListingApplication> found = jdbc.sql(SELECT + " WHERE a.company_id = ? AND a.status <> ? ORDER BY a.created_at DESC, a.id DESC")
                .params(companyId, DELETED).query(ListingApplications::map).list();
        // The stages of all of them in one query: one per application made the list cost a query per case filed.
        Map<Long, List<String>> stages = new HashMap<>();
        jdbc.sql("SELECT s.application_id, s.stage FROM case_stages s JOIN applications a ON a.id = s.application_id"
                        + " WHERE a.company_id = ?")
                .param(companyId)
                .query(row -> {
                    stages.computeIfAbsent(row.getLong("application_id"), id -> new ArrayList<>()).add(row.getString("stage"));
                });
        return found.stream().map(application -> withStages(application, stages.getOrDefault(application.id(), List.of())))
                .toList();
    }

    public List<CloudContract> cloudContracts(long id) {
        return jdbc.sql("SELECT provider, contract_end_date FROM cloud_contracts WHERE application_id = ? ORDER BY id")
                .param(id).query((row, n) -> new CloudContract(row.getString(1), local(row.getDate(2)))).list();
    }

    /** The engine's process instance of a submitted application, once its case started. */
    public Optional<String> processInstanceId(long id) {
        return jdbc.sql("SELECT process_instance_id FROM applications WHERE id = ?").param(id).query(String.class).optional();
    }

    /** Whether any application was ever created, draft or submitted. */
    public boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM applications").query(Long.class).single() > 0;
    }

    public Optional<ListingApplication> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ? AND a.status <> ?").params(id, DELETED).query(ListingApplications::map)
                .optional().map(this::withStages);
    }

    /** Reads the application and locks its row until the caller's transaction ends (see {@link #findForUpdate}). */
    public Optional<ListingApplication> findForUpdate(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ? AND a.status <> ? FOR UPDATE").params(id, DELETED)
                .query(ListingApplications::map).optional().map(this::withStages);
    }

    /**
     * Deletes a draft, if it is still one: its cloud contracts go, the row is marked {@link CaseStatus#DELETED}.
     * False when it was submitted or deleted meanwhile.
     */
    public boolean deleteDraft(long id) {
        int deleted = jdbc.sql("UPDATE applications SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = ?")
                .params(DELETED, Timestamp.from(clock.instant()), id, DRAFT).update();
        if (deleted == 1) {
            jdbc.sql("DELETE FROM cloud_contracts WHERE application_id = ?").param(id).update();
        }
        return deleted == 1;
    }

    public Optional<ListingApplication> find(ApplicationNumber number) {
        return jdbc.sql(SELECT + " WHERE a.application_number = ?").param(number.toString())
                .query(ListingApplications::map).optional().map(this::withStages);
    }

    /**
     * Reads the application and locks its row until the caller's transaction ends, so that
     * actions on one case take turns: whoever comes second waits, then reads what the first one
     * left (READ COMMITTED) instead of a mix of before and after.
     */
    public Optional<ListingApplication> findForUpdate(ApplicationNumber number) {
        return jdbc.sql(SELECT + " WHERE a.application_number = ? FOR UPDATE").param(number.toString())
                .query(ListingApplications::map).optional().map(this::withStages);
    }

    /**
     * Takes the next application number of the year, in a short transaction of its own that
     * commits before this method returns. The year's counter row is locked only for that moment:
     * held until the case had started (decisions, screening records, the first task), it made
     * every other submission wait. The price is a gap in the numbering when the submission that
     * took a number then fails or loses a double-click race: numbers stay unique and readable,
     * they are just not guaranteed to be consecutive.
     */
    public ApplicationNumber nextNumber() {
        int year = clock.instant().atZone(BEIJING).getYear();
        ensureCounter(year);
        return ownTransaction.execute(status -> new ApplicationNumber(year, nextSequence(year)));
    }

    /**
     * The year's counter row, created by the first submission of the year. It must exist before a
     * number is taken: locking a row that is not there ({@code SELECT … FOR UPDATE}) makes MySQL lock
     * the gap instead, and two first submissions of a year deadlock on it.
     */
    private void ensureCounter(int year) {
        for (int attempt = 1; !counterExists(year); attempt++) {
            try {
                ownTransaction.executeWithoutResult(status -> jdbc
                        .sql("INSERT INTO application_number_counters (counter_year, last_value) VALUES (?, 0)").param(year)
                        .update());
            } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
                // Another first submission of the year created it meanwhile (or is creating it): look again.
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    private boolean counterExists(int year) {
        return jdbc.sql("SELECT COUNT(*) FROM application_number_counters WHERE counter_year = ?").param(year)
                .query(Integer.class).single() > 0;
    }

    /**
     * Gives a draft the number taken with {@link #nextNumber()} and marks it submitted, in the
     * caller's transaction. Returns false when the application was submitted already (a second
     * click, a retried request): only a draft is updated, so it is submitted once.
     */
    @Transactional
    public boolean markSubmitted(long id, ApplicationNumber number) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                UPDATE applications SET application_number = ?, status = ?, submitted_at = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND status = ?""")
                .params(number.toString(), CaseStatus.SUBMITTED.name(), now, now, id, DRAFT).update();
        return updated == 1;
    }

    public void linkProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE applications SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    private long nextSequence(int year) {
        long last = jdbc.sql("SELECT last_value FROM application_number_counters WHERE counter_year = ? FOR UPDATE")
                .param(year).query(Long.class).single();
        jdbc.sql("UPDATE application_number_counters SET last_value = last_value + 1 WHERE counter_year = ?").param(year).update();
        return last + 1;
    }

    /** The earliest end of the company's third-party cloud contracts, if it has any. */
    public Optional<LocalDate> earliestCloudContractEnd(long id) {
        return jdbc.sql("SELECT MIN(contract_end_date) FROM cloud_contracts WHERE application_id = ?").param(id)
                .query((row, n) -> row.getDate(1)).optional().map(d -> d == null ? null : d.toLocalDate());
    }

    private static final String SELECT = "SELECT a.* FROM applications a";

    /** The application with the stages its case stands in now. */
    private ListingApplication withStages(ListingApplication application) {
        if (!application.submitted()) {
            return application;
        }
        return withStages(application, jdbc.sql("SELECT stage FROM case_stages WHERE application_id = ?")
                .param(application.id()).query(String.class).list());
    }

    /** The application with these stages, in the order of the process; a draft stands in none. */
    private static ListingApplication withStages(ListingApplication application, List<String> stages) {
        return application.submitted() ? application.withStages(Stages.inProcessOrder(stages)) : application;
    }

    private static ListingApplication map(ResultSet row, int n) throws SQLException {
        String number = row.getString("application_number");
        ApplicationFacts facts = FactsJson.read(row.getString("facts"));
        Timestamp submitted = row.getTimestamp("submitted_at");
        Timestamp closed = row.getTimestamp("closed_at");
        return new ListingApplication(row.getLong("id"), row.getLong("company_id"),
                number == null ? null : ApplicationNumber.parse(number), row.getString("status"), List.of(),
                row.getBoolean("overdue"), submitted == null ? null : submitted.toInstant(),
                closed == null ? null : closed.toInstant(), row.getTimestamp("updated_at").toInstant(), row.getInt("version"),
                facts);
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
