package cn.ola.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Two requests sent at the same moment, as a double click or two colleagues send them: each
 * runs on a thread of its own, both threads wait at a barrier and are released together.
 */
public final class Race implements AutoCloseable {

    private static final long PAIR_TIMEOUT_SECONDS = 120;
    /** Pairs raced side by side: 2, or -Dola.race.lanes=1 for one pair at a time. */
    public static final int LANES = Integer.getInteger("ola.race.lanes", 2);

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    /**
     * Races the two requests made for each subject (a case, a draft, a task) and checks that
     * nothing of it was logged as an error or with a stack trace. Pairs run on {@link #LANES}
     * lanes side by side, each lane one pair after the other; the two requests of a pair are
     * always released together. Returns each subject's two answers in the order of the requests.
     */
    public static <K, A> Map<K, List<A>> eachPair(List<K> subjects, Function<K, List<Callable<A>>> pairOf) {
        Map<K, List<A>> answers = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        java.util.Queue<K> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>(subjects);
        long started = System.nanoTime();
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        try (ProblemLog log = ProblemLog.watch()) {
            List<Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                running.add(lanes.submit(() -> {
                    try (Race race = new Race()) {
                        for (K subject = waiting.poll(); subject != null; subject = waiting.poll()) {
                            List<Callable<A>> pair = pairOf.apply(subject);
                            answers.put(subject, race.run(pair.get(0), pair.get(1)));
                        }
                    }
                }));
            }
            for (Future<?> lane : running) {
                finished(lane);
            }
            assertThat(log.problems()).as("errors and stack traces logged during the race").isEmpty();
        } finally {
            lanes.shutdownNow();
        }
        System.out.printf("%d pairs raced on %d lanes in %.1f s%n", subjects.size(), LANES,
                (System.nanoTime() - started) / 1e9);
        return answers;
    }

    /** Every pair: exactly one answer won, the other one was told it lost; otherwise a summary and examples. */
    public static <K, A> void expectOneWinnerEach(Map<K, List<A>> answers, Predicate<A> won, Predicate<A> lost) {
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        answers.forEach((subject, pair) -> {
            boolean oneWinner = won.test(pair.get(0)) && lost.test(pair.get(1))
                    || won.test(pair.get(1)) && lost.test(pair.get(0));
            outcomes.merge(oneWinner ? "one won, one told" : "other", 1, Integer::sum);
            if (!oneWinner && examples.size() < 5) {
                examples.add(subject + ": " + pair);
            }
        });
        assertThat(outcomes).as("outcomes of the pairs; for example %s", examples)
                .containsExactly(Map.entry("one won, one told", answers.size()));
    }

    /** Both answers, in the order of the requests. */
    public <T> List<T> run(Callable<T> first, Callable<T> second) {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<T> one = threads.submit(released(start, first));
        Future<T> two = threads.submit(released(start, second));
        return List.of(answer(one), answer(two));
    }

    private static <T> Callable<T> released(CyclicBarrier start, Callable<T> request) {
        return () -> {
            start.await(PAIR_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return request.call();
        };
    }

    private static <T> T answer(Future<T> future) {
        try {
            return future.get(PAIR_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() instanceof BrokenBarrierException ? failed : failed.getCause();
            throw new IllegalStateException("A request of the pair failed to run", cause);
        } catch (TimeoutException slow) {
            future.cancel(true);
            throw new IllegalStateException("A request of the pair took longer than " + PAIR_TIMEOUT_SECONDS + " s", slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Waits for a lane to have raced all its pairs, passing on what went wrong in it. */
    private static void finished(Future<?> lane) {
        try {
            lane.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
