package dev.jobrouter.simulation;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.RouterJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A stream of arriving jobs: when they come, on which channel, queue and priority, with which labels,
 * and how long the callers wait before hanging up. Immutable; each method returns a changed copy:
 *
 * <pre>{@code
 * Arrivals.poisson(Rate.perMinute(120)).channel("voice").queue("q1").abandonAfter(Duration.ofMinutes(5))
 * Arrivals.poisson(RateProfile.startingAt(LocalTime.of(8, 0), 60).from(LocalTime.of(18, 0), 0))
 *     .labels(LabelMix.of(4, Map.of()).or(1, Map.of("vip", true)))
 * }</pre>
 *
 * Defaults: channel {@code "voice"}, queue {@code "q1"}, priority 1, no labels, callers never abandon.
 */
public final class Arrivals {
    private final Rate poissonRate;
    private final RateProfile profile;
    private final Duration interval;
    private final String channelId;
    private final String queueId;
    private final int priority;
    private final LabelMix labels;
    private final TimeDistribution patience;

    private Arrivals(Rate poissonRate, RateProfile profile, Duration interval, String channelId, String queueId,
            int priority, LabelMix labels, TimeDistribution patience) {
        this.poissonRate = poissonRate;
        this.profile = profile;
        this.interval = interval;
        this.channelId = channelId;
        this.queueId = queueId;
        this.priority = priority;
        this.labels = labels;
        this.patience = patience;
    }

    /**
     * @param rate the rate
     * @return jobs arriving as a Poisson process: independent, exponentially distributed gaps
     */
    public static Arrivals poisson(Rate rate) {
        if (rate == null) {
            throw RouterException.invalid("the arrival rate must not be null");
        }
        return new Arrivals(rate, null, null, "voice", "q1", RouterJob.DEFAULT_PRIORITY, null, null);
    }

    /**
     * @param profile the rate over the day
     * @return jobs arriving as a Poisson process whose rate follows {@code profile} over the day: shifts,
     *     peaks, quiet nights (a zero rate)
     */
    public static Arrivals poisson(RateProfile profile) {
        if (profile == null) {
            throw RouterException.invalid("the rate profile must not be null");
        }
        return new Arrivals(null, profile, null, "voice", "q1", RouterJob.DEFAULT_PRIORITY, null, null);
    }

    /**
     * @param interval the interval
     * @return one job every {@code interval}, the first one interval after the start
     */
    public static Arrivals every(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw RouterException.invalid("the arrival interval must be a positive duration, not " + interval);
        }
        return new Arrivals(null, null, interval, "voice", "q1", RouterJob.DEFAULT_PRIORITY, null, null);
    }

    /**
     * @param channelId the channel's id
     * @return these arrivals on the given channel
     */
    public Arrivals channel(String channelId) {
        return new Arrivals(poissonRate, profile, interval, required("channelId", channelId), queueId, priority, labels,
                patience);
    }

    /**
     * @param queueId the queue's id
     * @return these arrivals in the given queue, which must exist when the simulation runs
     */
    public Arrivals queue(String queueId) {
        return new Arrivals(poissonRate, profile, interval, channelId, required("queueId", queueId), priority, labels,
                patience);
    }

    /**
     * @param priority the priority, from -100 to 100
     * @return these arrivals with the given priority
     */
    public Arrivals priority(int priority) {
        if (priority < RouterJob.MIN_PRIORITY || priority > RouterJob.MAX_PRIORITY) {
            throw RouterException.invalid("priority must be between " + RouterJob.MIN_PRIORITY + " and "
                    + RouterJob.MAX_PRIORITY + ", not " + priority);
        }
        return new Arrivals(poissonRate, profile, interval, channelId, queueId, priority, labels, patience);
    }

    /**
     * @param mix the label mix
     * @return these arrivals, each job carrying one variant of the mix, drawn per arrival
     */
    public Arrivals labels(LabelMix mix) {
        if (mix == null) {
            throw RouterException.invalid("the label mix must not be null");
        }
        return new Arrivals(poissonRate, profile, interval, channelId, queueId, priority, mix, patience);
    }

    /**
     * @param labels the labels: string, number or boolean values
     * @return these arrivals, every job carrying {@code labels}
     */
    public Arrivals labels(Map<String, ?> labels) {
        return labels(LabelMix.always(labels));
    }

    /**
     * @param patience how long a caller waits before hanging up
     * @return these arrivals, each cancelled when still waiting for a worker {@code patience} after it came
     */
    public Arrivals abandonAfter(Duration patience) {
        if (patience == null || patience.isNegative()) {
            throw RouterException.invalid("patience must be zero or more, not " + patience);
        }
        return abandonAfter(TimeDistribution.fixed(patience));
    }

    /**
     * @param patience how long a caller waits before hanging up
     * @return these arrivals, each caller hanging up after a patience drawn per arrival, if still waiting
     */
    public Arrivals abandonAfter(TimeDistribution patience) {
        if (patience == null) {
            throw RouterException.invalid("the patience distribution must not be null");
        }
        return new Arrivals(poissonRate, profile, interval, channelId, queueId, priority, labels, patience);
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

    /** @return the labels of one arrival, drawn from the mix; none without one */
    Map<String, Object> drawLabels(RandomGenerator random) {
        return labels == null ? Map.of() : labels.draw(random);
    }

    /** @return how long one caller waits before hanging up, or {@code null} for forever */
    Duration drawPatience(RandomGenerator random) {
        return patience == null ? null : patience.sample(random);
    }

    /** @return the instant of the next arrival after one at {@code previous}, or {@code null} for none ever */
    Instant next(Instant previous, RandomGenerator random) {
        if (interval != null) {
            return previous.plus(interval);
        }
        double work = -Math.log(1 - random.nextDouble());   // a unit exponential draw
        if (profile != null) {
            return profile.after(previous, work);
        }
        // A steady rate keeps its own rounding rather than going through RateProfile.constant: a rate
        // profile rounds up to the millisecond, and that would move every arrival of a seed's earlier runs.
        double seconds = work / poissonRate.perSecond();
        return previous.plusMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw RouterException.invalid(name + " must not be null or blank");
        }
        return value;
    }
}
