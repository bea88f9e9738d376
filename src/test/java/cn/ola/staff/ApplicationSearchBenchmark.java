package cn.ola.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.ola.calendar.WorkingDayCalendar;
import cn.ola.filing.CaseSearch;
import cn.ola.filing.CaseStatus;
import cn.ola.filing.Stage;
import cn.ola.staff.ApplicationSearch.Criteria;
import cn.ola.staff.ApplicationSearch.Sort;
import cn.ola.workflow.Deadlines;

/**
 * How long the staff search takes with tens of thousands of cases: our migrations, 5,000
 * companies and 60,000 cases, then every kind of search, timed and printed (not asserted: the
 * numbers depend on the machine). Not part of the build; run it on purpose:
 *
 * <pre>./mvnw test -Dtest=ApplicationSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * On H2 in memory by default; set {@code OLA_BENCH_MYSQL_URL} (plus {@code OLA_BENCH_MYSQL_USER},
 * {@code OLA_BENCH_MYSQL_PASSWORD}) to an empty MySQL schema to measure MySQL.
 */
class ApplicationSearchBenchmark {

    static final int COMPANIES = 5_000;
    static final int CASES = 60_000;
    static final int RUNS = 20;

    @Test
    void searchesStayFastWithTensOfThousandsOfCases() throws SQLException {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).table("ola_schema_history").load().migrate();
        seed(dataSource);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // The page's deadlines come from the engine's open tasks; here there are none, so the query runs on empty tables.
        jdbc.sql("CREATE TABLE IF NOT EXISTS ACT_RU_EXECUTION (ID_ VARCHAR(64), ROOT_PROC_INST_ID_ VARCHAR(64))").update();
        jdbc.sql("CREATE TABLE IF NOT EXISTS ACT_RU_TASK (ID_ VARCHAR(64), PROC_INST_ID_ VARCHAR(64), DUE_DATE_ TIMESTAMP NULL)")
                .update();
        jdbc.sql("CREATE TABLE IF NOT EXISTS ACT_RU_IDENTITYLINK (TASK_ID_ VARCHAR(64), TYPE_ VARCHAR(255), GROUP_ID_ VARCHAR(255))")
                .update();
        var search = new ApplicationSearch(new CaseSearch(jdbc), jdbc,
                new Deadlines(new WorkingDayCalendar(Set.of(), Set.of(), Set.of())));
        long touched = jdbc.sql("SELECT MIN(id) FROM applications").query(Long.class).single();

        Map<String, Criteria> searches = new LinkedHashMap<>();
        searches.put("all, newest first", criteria(null, null, null, 0, Sort.SUBMITTED, true));
        searches.put("all, page 2,000", criteria(null, null, null, 2_000, Sort.SUBMITTED, true));
        searches.put("status FILED", criteria(null, "FILED", null, 0, Sort.SUBMITTED, true));
        searches.put("status FILED and overdue", criteria(null, "FILED", true, 0, Sort.SUBMITTED, true));
        searches.put("number prefix", criteria("OLA-2025-0471", null, null, 0, Sort.SUBMITTED, true));
        searches.put("credit code", criteria("91" + "0".repeat(12) + "4711", null, null, 0, Sort.SUBMITTED, true));
        searches.put("name substring, one company", criteria("公司4711股份", null, null, 0, Sort.SUBMITTED, true));
        searches.put("name substring, every company", criteria("test company", null, null, 0, Sort.SUBMITTED, true));
        searches.put("sorted by number", criteria(null, null, null, 0, Sort.NUMBER, false));
        searches.put("sorted by status", criteria(null, null, null, 0, Sort.STATUS, true));
        searches.put("sorted by company", criteria(null, null, null, 0, Sort.COMPANY, false));

        System.out.printf("%n%,d cases of %,d companies on %s%n", CASES, COMPANIES, product(dataSource));
        for (Map.Entry<String, Criteria> entry : searches.entrySet()) {
            ApplicationSearch.Result result = null;
            for (int i = 0; i < 3; i++) {
                result = search.search(entry.getValue());
            }
            long elapsed = 0;
            for (int i = 0; i < RUNS; i++) {
                // A live system changes its cases all the time: no database may answer from a cached result.
                jdbc.sql("UPDATE applications SET version = version + 1 WHERE id = ?").param(touched).update();
                long start = System.nanoTime();
                result = search.search(entry.getValue());
                elapsed += System.nanoTime() - start;
            }
            double millis = elapsed / 1e6 / RUNS;
            System.out.printf("%8.1f ms  %-32s %,7d found%n", millis, entry.getKey(), result.total());
            assertThat(result.hits()).hasSizeLessThanOrEqualTo(25);
        }
    }

    private static Criteria criteria(String text, String status, Boolean overdue, int page, Sort sort, boolean descending) {
        return new Criteria(text, status, null, overdue, page, 25, sort, descending,
                new cn.ola.workflow.CaseParticipation.Reader(java.util.Set.of(cn.ola.security.Roles.CSRC_OFFICER)));
    }

    private static void seed(DataSource dataSource) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO companies (credit_code, name_zh, name_en, contact_person, contact_email, contact_phone,
                        camunda_group_id, created_at) VALUES (?, ?, ?, 'x', 'x@example.cn', '1', ?, ?)""")) {
                for (int i = 1; i <= COMPANIES; i++) {
                    insert.setString(1, "91" + String.format("%016d", i));
                    insert.setString(2, "测试公司" + i + "股份有限公司");
                    insert.setString(3, "Test Company " + i + " Ltd.");
                    insert.setString(4, "company-bench-" + i);
                    insert.setTimestamp(5, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            long firstCompany = JdbcClient.create(dataSource).sql("SELECT MIN(id) FROM companies").query(Long.class).single();
            String[] statuses = CaseStatus.names(CaseStatus.ofSubmittedCases()).toArray(String[]::new);
            String[] stages = Stage.names().toArray(String[]::new);
            Instant first = Instant.parse("2024-01-01T00:00:00Z");
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO applications (application_number, company_id, status, overdue, submitted_at,
                        created_at, updated_at, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 1; i <= CASES; i++) {
                    insert.setString(1, String.format("OLA-%d-%06d", 2024 + i % 3, i));
                    insert.setLong(2, firstCompany + i % COMPANIES);
                    insert.setString(3, statuses[i % statuses.length]);
                    insert.setBoolean(4, i % 13 == 0);
                    insert.setTimestamp(5, Timestamp.from(first.plus(i, ChronoUnit.MINUTES)));
                    insert.setTimestamp(6, now);
                    insert.setTimestamp(7, now);
                    insert.setString(8, UUID.randomUUID().toString());
                    insert.addBatch();
                    if (i % 2_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            // Each case in one stage, in turn; every fifth of those in a check also in the review next to it.
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO case_stages (application_id, stage, entered_at)
                    SELECT id, ?, ? FROM applications WHERE MOD(id, ?) = ?""")) {
                for (int stage = 0; stage < stages.length; stage++) {
                    insert.setString(1, stages[stage]);
                    insert.setTimestamp(2, now);
                    insert.setInt(3, stages.length);
                    insert.setInt(4, stage);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO case_stages (application_id, stage, entered_at)
                    SELECT application_id, 'CYBERSECURITY_REVIEW', entered_at FROM case_stages
                    WHERE stage IN ('DATA_PROTECTION', 'INDUSTRY_APPROVAL') AND MOD(application_id, 5) = 0""")) {
                insert.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
        if (product(dataSource).startsWith("MySQL")) {
            // Fresh statistics, as a database that grew to this size over months would have.
            JdbcClient.create(dataSource).sql("ANALYZE TABLE applications, companies, case_stages").query().listOfRows();
        }
    }

    private static DataSource dataSource() {
        String mysql = System.getenv("OLA_BENCH_MYSQL_URL");
        if (mysql != null && !mysql.isBlank()) {
            return new SingleConnectionDataSource(mysql + (mysql.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true",
                    System.getenv().getOrDefault("OLA_BENCH_MYSQL_USER", "root"),
                    System.getenv().getOrDefault("OLA_BENCH_MYSQL_PASSWORD", ""), true);
        }
        return new SingleConnectionDataSource("jdbc:h2:mem:search-benchmark;DB_CLOSE_DELAY=-1", "sa", "", true);
    }

    private static String product(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
        }
    }
}
