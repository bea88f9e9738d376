package cn.ola.bench;

import java.util.concurrent.Callable;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Recorded durations of one kind of call, in microseconds, safe to record from many threads. */
final class Latency {

    private final Histogram histogram = new ConcurrentHistogram(3);

    <T> T time(Callable<T> call) {
        long start = System.nanoTime();
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            record(System.nanoTime() - start);
        }
    }

    void time(Runnable call) {
        time(() -> {
            call.run();
            return null;
        });
    }

    void record(long nanos) {
        histogram.recordValue(Math.max(1, nanos / 1_000));
    }

    /** Adds the durations another recorded (a workload measured in turns). */
    void add(Latency other) {
        histogram.add(other.histogram);
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The percentile in milliseconds (0 when nothing was recorded). */
    double millis(double percentile) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }
}
