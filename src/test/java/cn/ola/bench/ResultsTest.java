package cn.ola.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

    @Test
    void theTableHasOneColumnPerDatabaseAndADashWhereADatabaseWasNotMeasured() {
        Results results = new Results();
        results.add("h2", "1 end to end", "cases/s", 12.345, "cases/s");
        results.add("mysql", "1 end to end", "cases/s", 7.5, "cases/s");
        results.add("h2", "4 system", "start-up to ready", 9311, "ms");

        String[] lines = results.table().split("\n");

        assertThat(lines[0]).contains("workload", "metric", "h2", "mysql", "unit");
        assertThat(lines[2]).contains("1 end to end", "cases/s", "12.35", "7.50");
        assertThat(lines[3]).contains("start-up to ready", "9,311", "-", "ms");
    }

    @Test
    void percentilesComeFromTheRecordedDurations() {
        Latency latency = new Latency();
        for (int millis = 1; millis <= 100; millis++) {
            latency.record(millis * 1_000_000L);
        }
        Results results = new Results();
        results.latency("h2", "3 task lists", "(a) list", latency);

        assertThat(results.value("h2", "3 task lists", "(a) list p50")).isCloseTo(50, org.assertj.core.data.Offset.offset(0.1));
        assertThat(results.value("h2", "3 task lists", "(a) list p95")).isCloseTo(95, org.assertj.core.data.Offset.offset(0.1));
        assertThat(results.value("h2", "3 task lists", "(a) list p99")).isCloseTo(99, org.assertj.core.data.Offset.offset(0.1));
        assertThat(results.value("h2", "3 task lists", "(a) list count")).isEqualTo(100);
    }

    @Test
    void theCsvQuotesTextWithCommas(@TempDir Path dir) throws Exception {
        Results results = new Results();
        results.add("h2", "1 end to end", "ended LISTED, with letters", 3, "cases");

        results.writeCsv(dir.resolve("results.csv"));

        assertThat(Files.readAllLines(dir.resolve("results.csv"))).containsExactly("database,workload,metric,value,unit",
                "h2,1 end to end,\"ended LISTED, with letters\",3.000,cases");
    }
}
