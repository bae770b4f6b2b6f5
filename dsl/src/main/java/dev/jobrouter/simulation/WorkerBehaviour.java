package dev.jobrouter.simulation;

import dev.jobrouter.core.RouterException;
import java.time.Duration;

/**
 * How simulated workers answer offers and handle jobs. Immutable; each method returns a changed copy:
 *
 * <pre>{@code
 * WorkerBehaviour.accepting(0.9).handleTime(TimeDistribution.exponential(Duration.ofMinutes(4)))
 *     .wrapUp(Duration.ofSeconds(30))
 * }</pre>
 *
 * An offer is ignored (left to expire) with the {@link #ignoring ignoring} probability; otherwise it
 * is accepted with the {@link #accepting accepting} probability and declined else, after the response
 * delay. An accepted job is completed after the handle time, then closed with its capacity released
 * after the wrap-up. Defaults: respond at once, ignore nothing, handle time 5 minutes, no wrap-up, a
 * decline means never again for that job, a worker the router deregistered (for example on an
 * expired offer) registers again after 1 minute.
 */
public final class WorkerBehaviour {
    private final double accepting;
    private final double ignoring;
    private final TimeDistribution respondAfter;
    private final TimeDistribution handleTime;
    private final TimeDistribution wrapUp;
    private final Duration declineRetryAfter;
    private final Duration rejoinAfter;

    private WorkerBehaviour(double accepting, double ignoring, TimeDistribution respondAfter,
            TimeDistribution handleTime, TimeDistribution wrapUp, Duration declineRetryAfter, Duration rejoinAfter) {
        this.accepting = accepting;
        this.ignoring = ignoring;
        this.respondAfter = respondAfter;
        this.handleTime = handleTime;
        this.wrapUp = wrapUp;
        this.declineRetryAfter = declineRetryAfter;
        this.rejoinAfter = rejoinAfter;
    }

    /**
     * @param probability a probability between 0 and 1
     * @return workers that accept an answered offer with the given probability, between 0 and 1
     */
    public static WorkerBehaviour accepting(double probability) {
        return new WorkerBehaviour(probability("accepting", probability), 0, TimeDistribution.fixed(Duration.ZERO),
                TimeDistribution.fixed(Duration.ofMinutes(5)), TimeDistribution.fixed(Duration.ZERO), null,
                Duration.ofMinutes(1));
    }

    /**
     * @param probability a probability between 0 and 1
     * @return this behaviour, leaving offers unanswered (to expire) with the given probability
     */
    public WorkerBehaviour ignoring(double probability) {
        return new WorkerBehaviour(accepting, probability("ignoring", probability), respondAfter, handleTime, wrapUp,
                declineRetryAfter, rejoinAfter);
    }

    /**
     * @param delay the delay
     * @return this behaviour, answering offers after a delay drawn from {@code delay}
     */
    public WorkerBehaviour respondAfter(TimeDistribution delay) {
        return new WorkerBehaviour(accepting, ignoring, required("respondAfter", delay), handleTime, wrapUp,
                declineRetryAfter, rejoinAfter);
    }

    /**
     * @param delay the delay
     * @return this behaviour, answering offers after a fixed delay
     */
    public WorkerBehaviour respondAfter(Duration delay) {
        return respondAfter(TimeDistribution.fixed(delay));
    }

    /**
     * @param handleTime the handle time
     * @return this behaviour, completing a job after a time drawn from {@code handleTime}
     */
    public WorkerBehaviour handleTime(TimeDistribution handleTime) {
        return new WorkerBehaviour(accepting, ignoring, respondAfter, required("handleTime", handleTime), wrapUp,
                declineRetryAfter, rejoinAfter);
    }

    /**
     * @param handleTime the handle time
     * @return this behaviour, completing a job after a fixed time
     */
    public WorkerBehaviour handleTime(Duration handleTime) {
        return handleTime(TimeDistribution.fixed(handleTime));
    }

    /**
     * @param wrapUp the wrap-up time
     * @return this behaviour, closing a completed job with its capacity released after a drawn wrap-up
     */
    public WorkerBehaviour wrapUp(TimeDistribution wrapUp) {
        return new WorkerBehaviour(accepting, ignoring, respondAfter, handleTime, required("wrapUp", wrapUp),
                declineRetryAfter, rejoinAfter);
    }

    /**
     * @param wrapUp the wrap-up time
     * @return this behaviour, closing a completed job with its capacity released after a fixed wrap-up
     */
    public WorkerBehaviour wrapUp(Duration wrapUp) {
        return wrapUp(TimeDistribution.fixed(wrapUp));
    }

    /**
     * @param after the delay
     * @return this behaviour, declining with a retry time: the job may be offered to the worker again after {@code after}
     */
    public WorkerBehaviour declineRetryAfter(Duration after) {
        if (after == null || after.isNegative()) {
            throw RouterException.invalid("declineRetryAfter must be zero or more, not " + after);
        }
        return new WorkerBehaviour(accepting, ignoring, respondAfter, handleTime, wrapUp, after, rejoinAfter);
    }

    /**
     * @param after the delay
     * @return this behaviour, registering a deregistered worker again after {@code after}; {@code null} for never
     */
    public WorkerBehaviour rejoinAfter(Duration after) {
        if (after != null && after.isNegative()) {
            throw RouterException.invalid("rejoinAfter must be zero or more, not " + after);
        }
        return new WorkerBehaviour(accepting, ignoring, respondAfter, handleTime, wrapUp, declineRetryAfter, after);
    }

    double accepting() {
        return accepting;
    }

    double ignoring() {
        return ignoring;
    }

    TimeDistribution respondAfter() {
        return respondAfter;
    }

    TimeDistribution handleTime() {
        return handleTime;
    }

    TimeDistribution wrapUp() {
        return wrapUp;
    }

    /** @return the retry delay of a decline, or {@code null} for never again */
    Duration declineRetryAfter() {
        return declineRetryAfter;
    }

    /** @return the delay before a deregistered worker registers again, or {@code null} for never */
    Duration rejoinAfter() {
        return rejoinAfter;
    }

    private static double probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw RouterException.invalid(name + " must be a probability between 0 and 1, not " + value);
        }
        return value;
    }

    private static TimeDistribution required(String name, TimeDistribution distribution) {
        if (distribution == null) {
            throw RouterException.invalid(name + " must not be null");
        }
        return distribution;
    }
}
