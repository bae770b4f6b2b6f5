package dev.jobrouter.core.time;

import dev.jobrouter.core.RouterException;
import java.time.Duration;
import java.time.Instant;

/**
 * The range of time the router works in. Every instant it accepts (a virtual clock's start, a close
 * or retry time, an instant to advance to) lies between {@link #EARLIEST} and {@link #LATEST}, and
 * every duration (an offer's time to live, a step of the clock) is at most {@link #LONGEST}. So the
 * router's own arithmetic, an instant plus a duration, stays far inside what {@link Instant} holds and
 * never throws once a change has been applied.
 */
public final class RouterTime {
    /** The earliest instant the router accepts: the start of year 1, UTC. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant the router accepts: the end of year 9999, UTC. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** The longest duration the router accepts: 36,525 days, a hundred years. */
    public static final Duration LONGEST = Duration.ofDays(36_525);

    private RouterTime() {}

    /**
     * @param name what the instant is, for the message
     * @param instant the instant to check
     * @return the instant
     * @throws RouterException INVALID_ARGUMENT when it is null or outside {@link #EARLIEST} to {@link #LATEST}
     */
    public static Instant checked(String name, Instant instant) {
        if (instant == null) {
            throw RouterException.invalid(name + " must not be null");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw RouterException.invalid(name + " must lie between " + EARLIEST + " and " + LATEST + ", not " + instant);
        }
        return instant;
    }

    /**
     * @param name what the duration is, for the message
     * @param duration how long
     * @return the duration
     * @throws RouterException INVALID_ARGUMENT when it is null, negative or longer than {@link #LONGEST}
     */
    public static Duration checked(String name, Duration duration) {
        if (duration == null) {
            throw RouterException.invalid(name + " must not be null");
        }
        if (duration.isNegative() || duration.compareTo(LONGEST) > 0) {
            throw RouterException.invalid(name + " must lie between zero and " + LONGEST + ", not " + duration);
        }
        return duration;
    }
}
