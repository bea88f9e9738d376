package cn.ola.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ola.workflow.CaseWorkflow;

/**
 * The benchmark of the whole system: cases carried end to end against a bare-engine baseline,
 * task and case lists with many open cases, start-up time and heap, on H2 and on MySQL one after
 * the other (one Camunda engine per JVM). Run it with {@code ./mvnw -Pbenchmark verify}; it
 * prints progress and a table, and writes {@code results.csv} and {@code benchmark.png} to
 * {@code target/bench/}. Parameters: see {@link Settings}.
 */
public final class Benchmark {

    /** What counts as idle when settling between timed phases: a tenth of a core, over half a second. */
    static final double IDLE_CORES = 0.1;
    static final long SETTLE_WINDOW_MILLIS = 500;
    static final long SETTLE_AT_MOST_NANOS = 30_000_000_000L;

    static final String END_TO_END = "1 end to end";
    static final String BASELINE = "2 bare engine";
    static final String SYSTEM = "4 system";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Files.createDirectories(settings.out());
        String machine = machine();
        System.out.println("Benchmark: " + settings.describe());
        System.out.println("Machine: " + machine);
        Results results = new Results();
        List<String> measured = new ArrayList<>();
        for (String database : settings.databases()) {
            System.out.printf("%n=== %s ===%n", database);
            try (RunningSystem system = RunningSystem.start(database, settings)) {
                if (system == null) {
                    continue;
                }
                measured.add(database);
                run(system, settings, results);
            }
        }
        String table = results.table();
        System.out.println();
        System.out.println("Benchmark: " + settings.describe());
        System.out.println("Machine: " + machine);
        System.out.println(table);
        results.writeCsv(settings.out().resolve("results.csv"));
        Files.writeString(settings.out().resolve("results.txt"),
                "Benchmark: " + settings.describe() + "\nMachine: " + machine + "\n\n" + table);
        Chart.write(results, measured, settings.describe(), settings.out().resolve("benchmark.png"));
        System.out.println("Written: " + settings.out().resolve("results.csv") + ", " + settings.out().resolve("results.txt")
                + ", " + settings.out().resolve("benchmark.png"));
        System.exit(0);
    }

    private static void run(RunningSystem system, Settings settings, Results results) throws Exception {
        String db = system.database;
        results.add(db, SYSTEM, "start-up to ready", system.startupMillis, "ms");
        System.out.printf("[%s] started in %,d ms%n", db, system.startupMillis);
        BenchPeople people = BenchPeople.create(system, settings.companies());

        // Warm-up, untimed: the JIT, the caches and the connection pools get to work on cases of both kinds first.
        if (settings.warmup() > 0) {
            System.out.printf("[%s] warm-up: %d cases of each kind, not timed%n", db, settings.warmup());
            new CaseDriver(db + " warm-up", settings, new ApplicationScript(system), people.companies).run(settings.warmup());
            new CaseDriver(db + " warm-up bare", settings, new BaselineScript(system), List.of()).run(settings.warmup());
        }
        // Ours and the bare engine take turns, a share of the N cases each turn, so that both meet the machine in
        // the same states: on a shared machine the CPU per case of the same code moved by a third within minutes.
        Phase oursTurns = new Phase();
        Phase bareTurns = new Phase();
        int turns = settings.turns();
        for (int turn = 0; turn < turns; turn++) {
            int from = settings.cases() * turn / turns;
            int count = settings.cases() * (turn + 1) / turns - from;
            String label = turns == 1 ? "" : String.format(Locale.ROOT, " (turn %d of %d)", turn + 1, turns);
            oursTurns.add(db, "end to end" + label, () -> new CaseDriver(db + " end to end" + label, settings,
                    new ApplicationScript(system), people.companies).run(from, count));
            bareTurns.add(db, "bare engine" + label, () -> new CaseDriver(db + " bare engine" + label, settings,
                    new BaselineScript(system), List.of()).run(from, count));
        }
        CaseDriver.Outcome ours = oursTurns.outcome();
        CaseDriver.Outcome bare = bareTurns.outcome();
        double oursCpu = oursTurns.cpuPerCase();
        double bareCpu = bareTurns.cpuPerCase();
        report(results, db, END_TO_END, ours);
        results.add(db, END_TO_END, "CPU of this JVM per case", oursCpu, "ms");
        if (oursTurns.serverKnown) {
            results.add(db, END_TO_END, "CPU of the local database server per case", oursTurns.serverPerCase(), "ms");
        }
        endStates(system, results, settings.warmup() + settings.cases());
        report(results, db, BASELINE, bare);
        results.add(db, BASELINE, "CPU of this JVM per case", bareCpu, "ms");
        if (bareTurns.serverKnown) {
            results.add(db, BASELINE, "CPU of the local database server per case", bareTurns.serverPerCase(), "ms");
        }
        results.add(db, END_TO_END, "ratio to bare engine", ours.casesPerSecond() / bare.casesPerSecond(), "x");
        // The engine work per case, told apart from whatever else the machine runs: the application's own CPU
        // time (driver threads, job executor and GC included) per case, the bare engine's over ours.
        results.add(db, END_TO_END, "ratio to bare engine by CPU per case", bareCpu / oursCpu, "x");
        if (oursTurns.serverKnown && bareTurns.serverKnown) {
            results.add(db, END_TO_END, "ratio to bare engine by CPU per case with the database server's",
                    (bareCpu + bareTurns.serverPerCase()) / (oursCpu + oursTurns.serverPerCase()), "x");
        }
        System.out.printf(Locale.ROOT, "[%s] CPU per case: ours %.0f ms, bare engine %.0f ms (ratio %.2f)%n", db, oursCpu,
                bareCpu, bareCpu / oursCpu);
        oursTurns.printThreads(db, END_TO_END);
        bareTurns.printThreads(db, BASELINE);

        if (!settings.sizes().isEmpty()) {
            new TaskListLoad(system, settings, people, results).run();
        }
        results.add(db, SYSTEM, "heap used after the run (after GC)", RunningSystem.heapAfterGcMiB(), "MiB");
    }

    private static void report(Results results, String db, String workload, CaseDriver.Outcome outcome) {
        results.add(db, workload, "cases", outcome.cases(), "cases");
        results.add(db, workload, "cases ended", outcome.ended(), "cases");
        results.add(db, workload, "cases given up", outcome.failed(), "cases");
        results.add(db, workload, "duration", outcome.seconds(), "s");
        results.add(db, workload, "cases/s", outcome.casesPerSecond(), "cases/s");
        results.add(db, workload, "tasks/s", outcome.tasksPerSecond(), "tasks/s");
        results.add(db, workload, "tasks per case", (double) outcome.tasks() / Math.max(1, outcome.ended()), "tasks");
        results.add(db, workload, "retried steps", outcome.retries(), "steps");
        results.add(db, workload, "looks at a waiting case per case", (double) outcome.idleLooks() / Math.max(1, outcome.ended()),
                "looks");
        results.latency(db, workload, "submission", outcome.submission());
        results.latency(db, workload, "task completion", outcome.taskCompletion());
    }

    /** How every case ended, from our applications table: must add up to the warm-up and N, with no case left running. */
    private static void endStates(RunningSystem system, Results results, int cases) {
        JdbcClient jdbc = JdbcClient.create(system.dataSource());
        List<Map<String, Object>> states = jdbc.sql("SELECT status, COUNT(*) AS n FROM applications GROUP BY status ORDER BY status")
                .query().listOfRows();
        long total = 0;
        for (Map<String, Object> state : states) {
            long n = ((Number) state.get("n")).longValue();
            total += n;
            results.add(system.database, END_TO_END, "ended " + state.get("status"), n, "cases");
        }
        long distinct = jdbc.sql("SELECT COUNT(DISTINCT application_number) FROM applications").query(Long.class).single();
        long running = system.bean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey(CaseWorkflow.PROCESS_KEY)
                .count();
        long jobs = system.bean(ManagementService.class).createJobQuery().count();
        results.add(system.database, END_TO_END, "applications in all states", total, "cases");
        results.add(system.database, END_TO_END, "distinct application numbers", distinct, "cases");
        results.add(system.database, END_TO_END, "process instances still running", running, "instances");
        results.add(system.database, END_TO_END, "jobs left", jobs, "jobs");
        String verdict = total == cases && distinct == cases && running == 0 && jobs == 0 ? "OK: every case ended once"
                : "MISMATCH: expected " + cases + " applications, all ended";
        System.out.printf("[%s] end states %s: %s (%d applications, %d numbers, %d running, %d jobs)%n", system.database,
                states, verdict, total, distinct, running, jobs);
    }

    /** A workload measured in turns, added up: its cases, their time, the CPU they took. */
    private static final class Phase {
        private int cases;
        private int ended;
        private int failed;
        private long tasks;
        private long retries;
        private long idleLooks;
        private double seconds;
        private long cpuNanos;
        private long serverMillis;
        private boolean serverKnown = true;
        private final Map<String, long[]> threadMillis = new TreeMap<>();
        private final Latency submission = new Latency();
        private final Latency taskCompletion = new Latency();

        /**
         * Runs one turn after the system has settled, and counts the CPU this JVM and the database server spent on it;
         * prints the turn's own CPU per case, with the JIT compilers' part of it (whether the JIT has settled).
         */
        void add(String db, String label, Callable<CaseDriver.Outcome> turn) throws Exception {
            settle(db);
            long cpuBefore = processCpuNanos();
            ThreadCpu threadsBefore = ThreadCpu.now();
            long serverBefore = databaseServerCpuMillis();
            CaseDriver.Outcome outcome = turn.call();
            long turnCpu = processCpuNanos() - cpuBefore;
            cpuNanos += turnCpu;
            Map<String, long[]> turnThreads = ThreadCpu.now().since(threadsBefore);
            ThreadCpu.addTo(threadMillis, turnThreads);
            long serverAfter = databaseServerCpuMillis();
            serverKnown &= serverBefore >= 0 && serverAfter >= 0;
            serverMillis += serverAfter - serverBefore;
            int perCase = Math.max(1, outcome.ended());
            long[] jit = turnThreads.getOrDefault(ThreadCpu.JIT, new long[2]);
            System.out.printf(Locale.ROOT, "[%s] %s: CPU per case %.0f ms in this JVM (JIT compilers %.0f ms), %.0f ms in the "
                    + "database server%n", db, label, turnCpu / 1e6 / perCase, (jit[0] + jit[1]) / (double) perCase,
                    (serverAfter - serverBefore) / (double) perCase);
            cases += outcome.cases();
            ended += outcome.ended();
            failed += outcome.failed();
            tasks += outcome.tasks();
            retries += outcome.retries();
            idleLooks += outcome.idleLooks();
            seconds += outcome.seconds();
            submission.add(outcome.submission());
            taskCompletion.add(outcome.taskCompletion());
        }

        CaseDriver.Outcome outcome() {
            return new CaseDriver.Outcome(cases, ended, failed, tasks, seconds, submission, taskCompletion, retries, idleLooks);
        }

        double cpuPerCase() {
            return cpuNanos / 1e6 / Math.max(1, ended);
        }

        double serverPerCase() {
            return serverMillis / (double) Math.max(1, ended);
        }

        /** Prints this JVM's CPU per case by kind of thread, user and kernel, the largest first. */
        void printThreads(String db, String workload) {
            int perCase = Math.max(1, ended);
            System.out.printf(Locale.ROOT, "[%s] %s: CPU per case by kind of thread (user + kernel, ms):%n", db, workload);
            threadMillis.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                    .filter(entry -> entry.getValue()[0] + entry.getValue()[1] >= perCase)
                    .forEach(entry -> System.out.printf(Locale.ROOT, "    %-40s %7.1f + %6.1f%n", entry.getKey(),
                            entry.getValue()[0] / (double) perCase, entry.getValue()[1] / (double) perCase));
        }
    }

    /**
     * Collects the heap and waits until this JVM and the local database server are idle (each below a tenth
     * of a core over half a second; at most 30 s), so that a timed phase is not charged with what the phase
     * before it left behind: its garbage, and the deleted rows the database still purges after it.
     */
    static void settle(String db) throws InterruptedException {
        long start = System.nanoTime();
        System.gc();
        while (System.nanoTime() - start < SETTLE_AT_MOST_NANOS) {
            long jvm = processCpuNanos();
            long server = databaseServerCpuMillis();
            Thread.sleep(SETTLE_WINDOW_MILLIS);
            double jvmCores = (processCpuNanos() - jvm) / (SETTLE_WINDOW_MILLIS * 1e6);
            double serverCores = server < 0 ? 0 : (databaseServerCpuMillis() - server) / (double) SETTLE_WINDOW_MILLIS;
            if (jvmCores < IDLE_CORES && serverCores < IDLE_CORES) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "[%s] idle after %.1f s%n", db, (System.nanoTime() - start) / 1e9);
    }

    /** CPU time this JVM has used so far, every thread (the application, the driver, the job executor, GC). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time the local MariaDB or MySQL server has used so far (Linux, from /proc), or -1 where there is
     * none to read. Other work on the same server counts too: read it as an upper bound.
     */
    static long databaseServerCpuMillis() {
        try {
            for (String name : List.of("mariadbd", "mysqld")) {
                Process find = new ProcessBuilder("pgrep", "-x", name).start();
                String pid = new String(find.getInputStream().readAllBytes()).strip().split("\\s+")[0];
                if (find.waitFor() == 0 && !pid.isEmpty()) {
                    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    return ticks * 10;
                }
            }
        } catch (Exception unavailable) {
            // not Linux, or no local server
        }
        return -1;
    }

    static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%s %s, %d cores, Java %s, max heap %d MiB, load average %.2f at %s", os.getName(),
                os.getArch(), os.getAvailableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), os.getSystemLoadAverage(),
                LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }
}
