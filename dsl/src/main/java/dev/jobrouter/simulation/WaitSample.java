package dev.jobrouter.simulation;

import java.time.Duration;
import java.util.Arrays;

/** Waits in whole milliseconds, collected for a mean and percentiles; one array, grown by doubling. */
final class WaitSample {
    private long[] millis = new long[16];
    private int size;

    void add(Duration wait) {
        if (size == millis.length) {
            millis = Arrays.copyOf(millis, size * 2);
        }
        millis[size++] = wait.toMillis();
    }

    long count() {
        return size;
    }

    SimulationReport.WaitingTimes summary() {
        if (size == 0) {
            return new SimulationReport.WaitingTimes(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        long[] sorted = Arrays.copyOf(millis, size);
        Arrays.sort(sorted);
        long sum = 0;
        for (long wait : sorted) {
            sum += wait;
        }
        return new SimulationReport.WaitingTimes(size, Duration.ofMillis(Math.round((double) sum / size)),
                Duration.ofMillis(percentile(sorted, 50)), Duration.ofMillis(percentile(sorted, 95)),
                Duration.ofMillis(sorted[size - 1]));
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
