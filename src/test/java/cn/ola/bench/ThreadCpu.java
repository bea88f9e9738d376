package cn.ola.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * This JVM's CPU time by kind of thread (Linux, from {@code /proc/self/task}): the driver's threads, the job
 * executor, the garbage collector, the JIT compilers and the rest, each as user and kernel time. A thread's
 * kind is its name without its number ({@code GC Thread#1} and {@code GC Thread#0} are one kind). Threads that
 * ended between two readings lose what they used since the first, except the driver's: they come from
 * {@link #counted}, which keeps what each used when it ends. Read it only while none of those lives (between
 * turns): a live one would count once in {@code /proc} and again when it ends.
 */
final class ThreadCpu {

    /** Clock ticks per second of {@code /proc}'s times: 100 on every Linux this runs on. */
    private static final long TICK_MILLIS = 10;
    /** The kind of the JIT compilers' threads. */
    static final String JIT = "JIT compilers";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** What the ended threads of {@link #counted} used, in ns by kind: {user, kernel}. */
    private static final Map<String, long[]> ENDED = new TreeMap<>();

    private final Map<String, long[]> ticksByKind;

    private ThreadCpu(Map<String, long[]> ticksByKind) {
        this.ticksByKind = ticksByKind;
    }

    /** Threads named {@code kind-N} whose CPU time counts in the readings after they have ended. */
    static ThreadFactory counted(String kind) {
        AtomicInteger number = new AtomicInteger();
        return work -> new Thread(() -> {
            try {
                work.run();
            } finally {
                long total = THREADS.getCurrentThreadCpuTime();
                long user = THREADS.getCurrentThreadUserTime();
                synchronized (ENDED) {
                    long[] used = ENDED.computeIfAbsent(kind, k -> new long[2]);
                    used[0] += user;
                    used[1] += total - user;
                }
            }
        }, kind + "-" + number.incrementAndGet());
    }

    /** The times so far, or an empty reading where there is no {@code /proc}. */
    static ThreadCpu now() {
        Map<String, long[]> byKind = new TreeMap<>();
        synchronized (ENDED) {
            // in ticks, as /proc counts
            ENDED.forEach((kind, nanos) -> byKind.put(kind, new long[] {nanos[0] / (TICK_MILLIS * 1_000_000),
                    nanos[1] / (TICK_MILLIS * 1_000_000)}));
        }
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new ThreadCpu(byKind);
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long[] ticks = byKind.computeIfAbsent(kind(name), k -> new long[2]);
                    ticks[0] += Long.parseLong(fields[11]);
                    ticks[1] += Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            });
        } catch (IOException unreadable) {
            byKind.clear();
        }
        return new ThreadCpu(byKind);
    }

    /** The kind of a thread by its name (Linux keeps 15 characters of it): digits and their separator dropped. */
    static String kind(String name) {
        String kind = name.replaceAll("[-#_ ]?\\d+$", "").replaceAll("-thread$", "").strip();
        if (kind.startsWith("GC Thread") || kind.startsWith("G1 ")) {
            return "garbage collector (GC Thread, G1 …)";
        }
        if (kind.startsWith("C1 Compiler") || kind.startsWith("C2 Compiler")) {
            return JIT;
        }
        return kind;
    }

    /** What was used since {@code earlier}, in ms by kind: {user, kernel}. */
    Map<String, long[]> since(ThreadCpu earlier) {
        Map<String, long[]> used = new TreeMap<>();
        ticksByKind.forEach((kind, ticks) -> {
            long[] before = earlier.ticksByKind.getOrDefault(kind, new long[2]);
            long user = (ticks[0] - before[0]) * TICK_MILLIS;
            long kernel = (ticks[1] - before[1]) * TICK_MILLIS;
            if (user > 0 || kernel > 0) {
                used.put(kind, new long[] {Math.max(0, user), Math.max(0, kernel)});
            }
        });
        return used;
    }

    /** Adds one turn's use to a sum. */
    static void addTo(Map<String, long[]> sum, Map<String, long[]> turn) {
        turn.forEach((kind, ms) -> {
            long[] total = sum.computeIfAbsent(kind, k -> new long[2]);
            total[0] += ms[0];
            total[1] += ms[1];
        });
    }
}
