package cn.ola.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The benchmark's parameters, read from system properties with the defaults of the benchmark issue. */
record Settings(int cases, int openCases, List<String> databases, int threads, int companies, int queryRuns,
        String mysqlUrl, String mysqlUser, String mysqlPassword, Path out, int timeoutMinutes) {

    static final String DEFAULT_MYSQL_URL =
            "jdbc:mysql://127.0.0.1:3306/ola_bench?sendFractionalSeconds=false&nullCatalogMeansCurrent=true";

    static Settings fromSystemProperties() {
        return new Settings(
                Integer.getInteger("bench.n", 2_000),
                Integer.getInteger("bench.m", 50_000),
                Arrays.stream(System.getProperty("bench.databases", "h2,mysql").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList(),
                Integer.getInteger("bench.threads", 8),
                Integer.getInteger("bench.companies", 200),
                Integer.getInteger("bench.queries", 300),
                blankTo(System.getProperty("bench.mysql.url"), DEFAULT_MYSQL_URL),
                blankTo(System.getProperty("bench.mysql.user"), "root"),
                System.getProperty("bench.mysql.password", ""),
                Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath(),
                Integer.getInteger("bench.timeout.minutes", 180));
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    String describe() {
        return "N=%,d cases end to end, M=%,d open cases, %d driver threads, %d companies, %d runs per query, databases %s"
                .formatted(cases, openCases, threads, companies, queryRuns, String.join(",", databases));
    }
}
