package cn.ola.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

import cn.ola.support.MySqlDatabase;

/**
 * The first submissions of a year, all at once, on MySQL: each gets its own number, none fails.
 * (Taking the number by locking the year's counter row before the row existed made MySQL lock
 * the gap instead, and two first submissions deadlocked.)
 */
@ExtendWith(MySqlDatabase.class)
class ApplicationNumberCounterMySqlIT {

    @Test
    void theFirstSubmissionsOfAYearAtTheSameMomentEachGetTheirOwnNumber() throws Exception {
        MySqlDatabase.Connection mysql = MySqlDatabase.connection();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(mysql.url(), mysql.user(), mysql.password());
        Flyway.configure().dataSource(dataSource).table("ola_schema_history").load().migrate();
        // A year no other test numbers in, so that its counter row does not exist yet.
        int year = 2100 + ThreadLocalRandom.current().nextInt(7000);
        Clock inThatYear = Clock.fixed(ZonedDateTime.of(year, 1, 1, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ListingApplications applications = new ListingApplications(jdbc, inThatYear, new JdbcTransactionManager(dataSource));

        int submissions = 8;
        ExecutorService pool = Executors.newFixedThreadPool(submissions);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApplicationNumber>> taken = new ArrayList<>();
            for (int i = 0; i < submissions; i++) {
                taken.add(pool.submit(() -> {
                    start.await();
                    return applications.nextNumber();
                }));
            }
            start.countDown();
            List<Long> sequences = new ArrayList<>();
            for (Future<ApplicationNumber> number : taken) {
                ApplicationNumber each = number.get(60, TimeUnit.SECONDS);
                assertThat(each.year()).isEqualTo(year);
                sequences.add(each.sequence());
            }
            assertThat(sequences).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        } finally {
            pool.shutdownNow();
            jdbc.sql("DELETE FROM application_number_counters WHERE counter_year = ?").param(year).update();
        }
    }
}
