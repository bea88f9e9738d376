package cn.ola.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The benchmark's parameters, read from system properties with the defaults of the benchmark issue. */
record Settings(int cases, int warmup, int openCases, List<Integer> sizes, List<String> databases, int threads, int companies,
        int queryRuns, boolean portalLoad, String mysqlUrl, String mysqlUser, String mysqlPassword, Path out, int timeoutMinutes,
        int queueCases, List<Integer> copyStops, int turns) {

    static final String DEFAULT_MYSQL_URL =
            "jdbc:mysql://127.0.0.1:3306/ola_bench?sendFractionalSeconds=false&nullCatalogMeansCurrent=true";

    static Settings fromSystemProperties() {
        int openCases = Integer.getInteger("bench.m", 50_000);
        int cases = Integer.getInteger("bench.n", 2_000);
        return new Settings(
                cases,
                // As many untimed cases of each kind as timed ones: our application has far more code for the JIT to
                // compile than the bare engine, and it settles only after some 1,500 of our cases (docs/benchmarks.md).
                Integer.getInteger("bench.warmup", Math.max(4, cases)),
                openCases,
                sizes(System.getProperty("bench.sizes"), openCases),
                Arrays.stream(System.getProperty("bench.databases", "h2,mysql").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList(),
                Integer.getInteger("bench.threads", 8),
                Integer.getInteger("bench.companies", 200),
                Integer.getInteger("bench.queries", 300),
                "portal".equals(System.getProperty("bench.load", "services")),
                blankTo(System.getProperty("bench.mysql.url"), DEFAULT_MYSQL_URL),
                blankTo(System.getProperty("bench.mysql.user"), "root"),
                System.getProperty("bench.mysql.password", ""),
                Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath(),
                Integer.getInteger("bench.timeout.minutes", 180),
                Integer.getInteger("bench.queue-cases", 50_000),
                numbers(blankTo(System.getProperty("bench.copy-stops"), "5000,10000")),
                Math.max(1, Math.min(Integer.getInteger("bench.turns", 4), cases)));
    }

    /**
     * The numbers of open cases the lists are measured at: {@code bench.sizes} if given, else a 25th,
     * a fifth and all of M (2,000, 10,000 and 50,000 for the default M), so that the growth shows.
     */
    static List<Integer> sizes(String given, int openCases) {
        if (given != null && !given.isBlank()) {
            return numbers(given);
        }
        if (openCases <= 0) {
            return List.of();
        }
        return java.util.stream.Stream.of(openCases / 25, openCases / 5, openCases).filter(n -> n > 0).distinct().toList();
    }

    /** Comma-separated numbers, in ascending order. */
    static List<Integer> numbers(String given) {
        return Arrays.stream(given.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                .sorted().toList();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    String describe() {
        return "N=%,d cases end to end (after %,d untimed; ours and the bare engine in %d turns each), open cases measured at %s, %d driver threads, %d companies, %d runs per query, databases %s"
                .formatted(cases, warmup, turns, sizes.stream().map(n -> "%,d".formatted(n)).toList(), threads, companies,
                        queryRuns, String.join(",", databases));
    }
}
