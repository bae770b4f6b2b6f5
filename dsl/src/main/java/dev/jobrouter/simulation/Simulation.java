package dev.jobrouter.simulation;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.RouterException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Simulated traffic against a router on a virtual clock: callers create jobs, workers answer offers,
 * handle and close jobs, while the router's rules decide every transition. A day runs in seconds,
 * and the same seed, rules and inputs replay the same run event for event.
 *
 * <pre>{@code
 * SimulationReport report = Simulation.of(router)
 *     .seed(42)
 *     .arrivals(Arrivals.poisson(Rate.perMinute(2)).channel("voice").queue("q1"))
 *     .workers(WorkerBehaviour.accepting(0.9).handleTime(TimeDistribution.exponential(Duration.ofMinutes(4)))
 *         .wrapUp(Duration.ofSeconds(30)))
 *     .run(Duration.ofHours(8));
 * }</pre>
 *
 * The simulation drives the workers already defined on the router; it creates jobs named
 * {@code sim-job-1}, {@code sim-job-2}... Defaults: seed 0, no arrivals, every worker
 * {@code WorkerBehaviour.accepting(1.0)}, no event log, a service level of answers within 20 seconds,
 * figures per 15-minute interval. Not thread-safe; one run at a time.
 */
public final class Simulation {
    private final JobRouter router;
    private final List<Arrivals> arrivals = new ArrayList<>();
    private long seed;
    private WorkerBehaviour workers = WorkerBehaviour.accepting(1.0);
    private boolean recordEvents;
    private Duration serviceLevelThreshold = Duration.ofSeconds(20);
    private Duration interval = Duration.ofMinutes(15);
    private Consumer<SimulationReport.IntervalFigures> onInterval = figures -> {};
    private long jobNumber;

    private Simulation(JobRouter router) {
        this.router = router;
    }

    /**
     * @param router a router built with {@code JobRouter.builder().virtualClock(start)}
     * @return this simulation, for chaining
     * @throws RouterException INVALID_ARGUMENT for a null router or one on a real clock
     */
    public static Simulation of(JobRouter router) {
        if (router == null) {
            throw RouterException.invalid("the router to simulate must not be null");
        }
        if (!router.hasVirtualClock()) {
            throw RouterException.invalid("a simulation needs a router on a virtual clock: "
                    + "build it with JobRouter.builder().virtualClock(start)");
        }
        return new Simulation(router);
    }

    /**
     * Sets the seed of every random draw: arrival gaps, answers, handle and wrap-up times.
     *
     * @param seed the seed
     * @return this simulation, for chaining
     */
    public Simulation seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Adds a stream of arriving jobs; several streams run side by side.
     *
     * @param arrivals a stream of arriving jobs
     * @return this simulation, for chaining
     */
    public Simulation arrivals(Arrivals arrivals) {
        if (arrivals == null) {
            throw RouterException.invalid("arrivals must not be null");
        }
        this.arrivals.add(arrivals);
        return this;
    }

    /**
     * Sets how every worker answers offers and handles jobs.
     *
     * @param behaviour how the workers act
     * @return this simulation, for chaining
     */
    public Simulation workers(WorkerBehaviour behaviour) {
        if (behaviour == null) {
            throw RouterException.invalid("the worker behaviour must not be null");
        }
        this.workers = behaviour;
        return this;
    }

    /**
     * Whether the report carries every event of the run as text (memory grows with the run).
     *
     * @param record whether to record every event
     * @return this simulation, for chaining
     */
    public Simulation recordEvents(boolean record) {
        this.recordEvents = record;
        return this;
    }

    /**
     * Sets the wait within which an answer counts for the service level (the classic target is 80%
     * within 20 seconds). Callers who hang up never count as within it, however short their wait.
     *
     * @param threshold the threshold
     * @return this simulation, for chaining
     * @throws RouterException INVALID_ARGUMENT for a null or negative threshold
     */
    public Simulation serviceLevelThreshold(Duration threshold) {
        if (threshold == null || threshold.isNegative()) {
            throw RouterException.invalid("the service level threshold must be zero or more, not " + threshold);
        }
        this.serviceLevelThreshold = threshold;
        return this;
    }

    /**
     * Sets the length of the intervals the report's time series is cut into, from the run's start.
     *
     * @param length the length
     * @return this simulation, for chaining
     * @throws RouterException INVALID_ARGUMENT for a null, zero or negative length
     */
    public Simulation interval(Duration length) {
        if (length == null || length.isNegative() || length.isZero()) {
            throw RouterException.invalid("the interval must be a positive duration, not " + length);
        }
        this.interval = length;
        return this;
    }

    /**
     * Calls {@code listener} with each interval's figures as soon as it ends, on the thread running
     * the simulation: for a progress display, or to stream the series somewhere. A listener that
     * throws stops the run with its exception.
     *
     * @param listener the listener
     * @return this simulation, for chaining
     */
    public Simulation onInterval(Consumer<SimulationReport.IntervalFigures> listener) {
        if (listener == null) {
            throw RouterException.invalid("the interval listener must not be null");
        }
        this.onInterval = listener;
        return this;
    }

    /**
     * Runs the traffic from the router's current time for {@code duration} of virtual time. The
     * router keeps its state afterwards: jobs still open stay open.
     *
     * @param duration how long
     * @return what the run measured
     * @throws RouterException INVALID_ARGUMENT for a null or negative duration, or one that runs past
     *     {@link Instant#MAX}
     */
    public SimulationReport run(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw RouterException.invalid("the simulated duration must be zero or more, not " + duration);
        }
        if (Duration.between(router.now(), Instant.MAX).compareTo(duration) < 0) {
            throw RouterException.invalid("the simulated duration " + duration + " from " + router.now()
                    + " runs past the last instant a clock can show");
        }
        return new SimulationRun(router, seed, List.copyOf(arrivals), workers, recordEvents, () -> ++jobNumber,
                serviceLevelThreshold, interval, onInterval).run(duration);
    }
}
