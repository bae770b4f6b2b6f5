package dev.jobrouter.simulation;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.RouterJob;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A stream of arriving jobs: when they come, and on which channel, queue and priority. Immutable;
 * each method returns a changed copy:
 *
 * <pre>{@code
 * Arrivals.poisson(Rate.perMinute(120)).channel("voice").queue("q1").abandonAfter(Duration.ofMinutes(5))
 * }</pre>
 *
 * Defaults: channel {@code "voice"}, queue {@code "q1"}, priority 1, callers never abandon.
 */
public final class Arrivals {
    private final Rate poissonRate;
    private final Duration interval;
    private final String channelId;
    private final String queueId;
    private final int priority;
    private final Duration patience;

    private Arrivals(Rate poissonRate, Duration interval, String channelId, String queueId, int priority,
            Duration patience) {
        this.poissonRate = poissonRate;
        this.interval = interval;
        this.channelId = channelId;
        this.queueId = queueId;
        this.priority = priority;
        this.patience = patience;
    }

    /** @return jobs arriving as a Poisson process: independent, exponentially distributed gaps */
    public static Arrivals poisson(Rate rate) {
        if (rate == null) {
            throw RouterException.invalid("the arrival rate must not be null");
        }
        return new Arrivals(rate, null, "voice", "q1", RouterJob.DEFAULT_PRIORITY, null);
    }

    /** @return one job every {@code interval}, the first one interval after the start */
    public static Arrivals every(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw RouterException.invalid("the arrival interval must be a positive duration, not " + interval);
        }
        return new Arrivals(null, interval, "voice", "q1", RouterJob.DEFAULT_PRIORITY, null);
    }

    /** @return these arrivals on the given channel */
    public Arrivals channel(String channelId) {
        return new Arrivals(poissonRate, interval, required("channelId", channelId), queueId, priority, patience);
    }

    /** @return these arrivals in the given queue, which must exist when the simulation runs */
    public Arrivals queue(String queueId) {
        return new Arrivals(poissonRate, interval, channelId, required("queueId", queueId), priority, patience);
    }

    /** @return these arrivals with the given priority */
    public Arrivals priority(int priority) {
        if (priority < RouterJob.MIN_PRIORITY || priority > RouterJob.MAX_PRIORITY) {
            throw RouterException.invalid("priority must be between " + RouterJob.MIN_PRIORITY + " and "
                    + RouterJob.MAX_PRIORITY + ", not " + priority);
        }
        return new Arrivals(poissonRate, interval, channelId, queueId, priority, patience);
    }

    /** @return these arrivals, each cancelled when still waiting for a worker {@code patience} after it came */
    public Arrivals abandonAfter(Duration patience) {
        if (patience == null || patience.isNegative()) {
            throw RouterException.invalid("patience must be zero or more, not " + patience);
        }
        return new Arrivals(poissonRate, interval, channelId, queueId, priority, patience);
    }

    String channelId() {
        return channelId;
    }

    String queueId() {
        return queueId;
    }

    int priority() {
        return priority;
    }

    /** @return how long a caller waits before hanging up, or {@code null} for forever */
    Duration patience() {
        return patience;
    }

    /** @return the gap to the next arrival, in whole milliseconds and at least one */
    Duration nextGap(RandomGenerator random) {
        if (interval != null) {
            return interval;
        }
        double seconds = -Math.log(1 - random.nextDouble()) / poissonRate.perSecond();
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw RouterException.invalid(name + " must not be null or blank");
        }
        return value;
    }
}
