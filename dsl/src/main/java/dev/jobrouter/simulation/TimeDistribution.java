package dev.jobrouter.simulation;

import dev.jobrouter.core.RouterException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A random length of time, drawn from the simulation's seeded generator: handle times, wrap-ups,
 * response delays. Samples are rounded to whole milliseconds so that event times read cleanly.
 */
@FunctionalInterface
public interface TimeDistribution {

    /**
     * @param random the simulation's seeded generator
     * @return a length of time, zero or more
     */
    Duration sample(RandomGenerator random);

    /**
     * @param duration how long
     * @return always {@code duration}
     */
    static TimeDistribution fixed(Duration duration) {
        Duration checked = nonNegative("a fixed duration", duration);
        return random -> checked;
    }

    /**
     * @param mean the mean
     * @return exponentially distributed lengths with the given mean, as for memoryless handle times
     */
    static TimeDistribution exponential(Duration mean) {
        double meanMillis = nonNegative("the mean of an exponential distribution", mean).toMillis();
        return random -> Duration.ofMillis(Math.round(-meanMillis * Math.log(1 - random.nextDouble())));
    }

    /**
     * @param min the minimum
     * @param max the maximum
     * @return lengths uniformly distributed between {@code min} and {@code max}, both included
     */
    static TimeDistribution uniform(Duration min, Duration max) {
        long low = nonNegative("the minimum of a uniform distribution", min).toMillis();
        long high = nonNegative("the maximum of a uniform distribution", max).toMillis();
        if (high < low) {
            throw RouterException.invalid("a uniform distribution needs min <= max, not " + min + " > " + max);
        }
        return random -> Duration.ofMillis(random.nextLong(low, high + 1));
    }

    private static Duration nonNegative(String what, Duration duration) {
        if (duration == null) {
            throw RouterException.invalid(what + " must not be null");
        }
        if (duration.isNegative()) {
            throw RouterException.invalid(what + " must be zero or more, not " + duration);
        }
        return duration;
    }
}
