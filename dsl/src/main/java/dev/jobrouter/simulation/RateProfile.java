package dev.jobrouter.simulation;

import dev.jobrouter.core.RouterException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An arrival rate that changes over the day: quiet nights, a morning shift, a lunchtime peak. The day
 * is split into steps by time of day (in UTC, like the router's instants); each step's rate holds from
 * its start until the next step's, and the last step runs on past midnight into the first one.
 *
 * <pre>{@code
 * RateProfile.startingAt(LocalTime.MIDNIGHT, 0)      // calls per hour
 *     .from(LocalTime.of(8, 0), 60)
 *     .from(LocalTime.of(12, 0), 150)                // lunchtime peak
 *     .from(LocalTime.of(14, 0), 60)
 *     .from(LocalTime.of(18, 0), 0)
 * }</pre>
 *
 * Immutable; {@link #from} returns a changed copy.
 *
 * @param steps the steps in time-of-day order, each with a different start; at least one
 */
public record RateProfile(List<Step> steps) {

    /**
     * From {@code start} on, {@code perHour} arrivals an hour on average.
     *
     * @param start the time of day the rate starts at
     * @param perHour the mean number of arrivals per hour: zero or more, finite
     */
    public record Step(LocalTime start, double perHour) {
        /**
         * The canonical constructor: checks the components and keeps immutable copies of collections.
         *
         * @param start the time of day the rate starts at
         * @param perHour the mean number of arrivals per hour: zero or more, finite
         *     /
         */
        public Step {
            if (start == null) {
                throw RouterException.invalid("the start of a rate step must not be null");
            }
            if (!(perHour >= 0) || Double.isInfinite(perHour)) {
                throw RouterException.invalid("a rate step needs a finite rate of zero or more per hour, not " + perHour
                        + " from " + start);
            }
        }
    }

    private static final long DAY_NANOS = Duration.ofDays(1).toNanos();

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param steps the steps in time-of-day order, each with a different start; at least one
     *     /
     */
    public RateProfile {
        if (steps == null || steps.isEmpty()) {
            throw RouterException.invalid("a rate profile needs at least one step");
        }
        List<Step> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(Step::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().equals(sorted.get(i - 1).start())) {
                throw RouterException.invalid("a rate profile has two steps starting at " + sorted.get(i).start());
            }
        }
        steps = List.copyOf(sorted);
    }

    /**
     * @param rate the rate
     * @return the same rate all day
     */
    public static RateProfile constant(Rate rate) {
        if (rate == null) {
            throw RouterException.invalid("the arrival rate must not be null");
        }
        return new RateProfile(List.of(new Step(LocalTime.MIDNIGHT, rate.perSecond() * 3600)));
    }

    /**
     * @param start the start
     * @param perHour mean arrivals per hour
     * @return a profile of one step: {@code perHour} arrivals an hour from {@code start}, all day until another step
     */
    public static RateProfile startingAt(LocalTime start, double perHour) {
        return new RateProfile(List.of(new Step(start, perHour)));
    }

    /**
     * @param start the start
     * @param perHour mean arrivals per hour
     * @return this profile with one more step, from {@code start} on at {@code perHour} arrivals an hour
     */
    public RateProfile from(LocalTime start, double perHour) {
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(start, perHour));
        return new RateProfile(more);
    }

    /**
     * @param instant the instant
     * @return the mean arrivals per hour at {@code instant}
     */
    public double perHourAt(Instant instant) {
        return steps.get(stepAt(nanoOfDay(instant))).perHour();
    }

    /**
     * The instant at which {@code work} units of rate (arrivals) have accumulated since {@code from}: the
     * next arrival of a Poisson process with this profile, given a unit exponential draw. Exact, step
     * by step, so a peak starts at its minute and not at the next gap's.
     *
     * @return that instant, or {@code null} when the rate is zero all day
     */
    Instant after(Instant from, double work) {
        if (steps.stream().allMatch(step -> step.perHour() == 0)) {
            return null;
        }
        Instant at = from;
        double left = work;
        while (true) {
            long nanoOfDay = nanoOfDay(at);
            int index = stepAt(nanoOfDay);
            long stepEnd;
            if (index + 1 < steps.size()) {
                stepEnd = steps.get(index + 1).start().toNanoOfDay();
            } else {
                // The last step runs past midnight, or is still running from yesterday before the first starts.
                long firstStart = steps.get(0).start().toNanoOfDay();
                stepEnd = nanoOfDay < firstStart ? firstStart : DAY_NANOS + firstStart;
            }
            long spanNanos = stepEnd - nanoOfDay;
            double perNano = steps.get(index).perHour() / 3.6e12;
            double available = perNano * spanNanos;
            if (available >= left) {
                // Whole milliseconds, at least one after the previous arrival, so that event times read cleanly.
                long millis = Math.max(1, (long) Math.ceil(left / perNano / 1e6));
                Instant next = at.plusMillis(millis);
                return next.isAfter(from) ? next : from.plusMillis(1);
            }
            left -= available;
            at = at.plusNanos(spanNanos);
        }
    }

    /** @return the index of the step in force at this nanosecond of the day (the last one before the first step) */
    private int stepAt(long nanoOfDay) {
        int found = steps.size() - 1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).start().toNanoOfDay() <= nanoOfDay) {
                found = i;
            }
        }
        return found;
    }

    private static long nanoOfDay(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay();
    }
}
