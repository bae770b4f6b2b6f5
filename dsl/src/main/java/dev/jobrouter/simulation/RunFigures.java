package dev.jobrouter.simulation;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The tally of one simulation run: what happened, to the whole run and to the current interval. The
 * run tells it what it saw; it knows nothing of the router.
 */
final class RunFigures {

    /** An assignment holding capacity: since when, and how much. */
    private record Held(Instant since, int cost) {}

    /** The answered and abandoned callers of one group: the run, a queue, a priority. */
    private static final class Callers {
        final WaitSample answered = new WaitSample();
        final WaitSample abandoned = new WaitSample();
        long answeredWithin;

        void answered(Duration wait, boolean withinThreshold) {
            answered.add(wait);
            if (withinThreshold) {
                answeredWithin++;
            }
        }

        SimulationReport.CallerFigures figures() {
            // Callers who hung up are never within the service level, however short their wait.
            return new SimulationReport.CallerFigures(answered.count(), abandoned.count(), answered.summary(),
                    abandoned.summary(), serviceLevel(answeredWithin, answered.count() + abandoned.count()));
        }
    }

    private final Duration threshold;
    private final Duration intervalLength;
    private final long totalCapacity;
    private final Consumer<SimulationReport.IntervalFigures> onInterval;

    /** Simulated callers still waiting: when each arrived. */
    private final Map<String, Instant> waitingSince = new LinkedHashMap<>();
    private final Map<String, Held> held = new HashMap<>();

    /** Counted for the run only; what the intervals count, the run's totals add up from them. */
    private long completed, closed, cancelled, revoked;
    private final Map<ErrorCode, Long> refusals = new EnumMap<>(ErrorCode.class);
    private final Map<SimulationReport.Refusal, Long> refusalsByRule = new HashMap<>();
    private final Callers all = new Callers();
    private final Map<String, Callers> byQueue = new TreeMap<>();
    private final Map<Integer, Callers> byPriority = new TreeMap<>();
    private final List<SimulationReport.IntervalFigures> intervals = new ArrayList<>();
    private double busyCapacitySeconds;

    /** The current interval. */
    private Instant intervalStart;
    private Instant intervalEnd;
    private long arrivedNow, answeredNow, abandonedNow, answeredWithinNow, answeredWaitMillisNow, maxWaitingNow;
    private long issuedNow, acceptedNow, declinedNow, expiredNow, refusedNow;
    private double busyNow;

    RunFigures(Instant start, Duration threshold, Duration intervalLength, long totalCapacity,
            Consumer<SimulationReport.IntervalFigures> onInterval) {
        this.intervalStart = start;
        this.intervalEnd = end(start, intervalLength);
        this.threshold = threshold;
        this.intervalLength = intervalLength;
        this.totalCapacity = totalCapacity;
        this.onInterval = onInterval;
    }

    /** @return when the current interval ends: its start plus the interval length, or the end of time */
    Instant intervalEnd() {
        return intervalEnd;
    }

    /**
     * Computed once an interval: the run's loop asks for it at every step, and the overflow check
     * costs an exception inside {@code Duration.between} (it overflows nanoseconds near Instant.MAX).
     */
    private static Instant end(Instant start, Duration length) {
        return Duration.between(start, Instant.MAX).compareTo(length) <= 0 ? Instant.MAX : start.plus(length);
    }

    // ---- what happened

    void received(String jobId, Instant at) {
        arrivedNow++;
        waitingSince.put(jobId, at);
        maxWaitingNow = Math.max(maxWaitingNow, waitingSince.size());
    }

    /** A worker accepted the job's offer; it holds {@code cost} of the worker's capacity from {@code at}. */
    void answered(String jobId, Instant at, int cost, String queueId, int priority) {
        acceptedNow++;
        held.put(jobId, new Held(at, cost));
        Instant since = waitingSince.remove(jobId);
        if (since != null) {
            Duration wait = Duration.between(since, at);
            boolean within = wait.compareTo(threshold) <= 0;
            all.answered(wait, within);
            group(queueId, priority).forEach(callers -> callers.answered(wait, within));
            answeredNow++;
            answeredWaitMillisNow += wait.toMillis();
            if (within) {
                answeredWithinNow++;
            }
        }
    }

    /** The caller hung up: the simulation cancelled the waiting job at {@code at}. */
    void abandoned(String jobId, Instant at, String queueId, int priority) {
        Instant since = waitingSince.remove(jobId);
        if (since != null) {
            Duration wait = Duration.between(since, at);
            all.abandoned.add(wait);
            group(queueId, priority).forEach(callers -> callers.abandoned.add(wait));
            abandonedNow++;
        }
    }

    void cancelled(String jobId, Instant at) {
        cancelled++;
        waitingSince.remove(jobId);
        release(jobId, at);
    }

    void closed(String jobId, Instant at) {
        closed++;
        release(jobId, at);
    }

    void completed() {
        completed++;
    }

    void offerIssued() {
        issuedNow++;
    }

    void offerDeclined() {
        declinedNow++;
    }

    void offerExpired() {
        expiredNow++;
    }

    void offerRevoked() {
        revoked++;
    }

    void refused(String command, RouterException refusal) {
        refusals.merge(refusal.code(), 1L, Long::sum);
        refusalsByRule.merge(new SimulationReport.Refusal(command, refusal.rule(), refusal.code()), 1L, Long::sum);
        refusedNow++;
    }

    /** @return the simulated callers still waiting, in arrival order */
    Iterable<String> waiting() {
        return waitingSince.keySet();
    }

    // ---- intervals and the end

    /** Ends the current interval at {@code end} (its full length, or less at the end of the run). */
    void closeInterval(Instant end) {
        for (Held still : held.values()) {
            busyNow += still.cost() * seconds(Duration.between(later(still.since(), intervalStart), end));
        }
        Duration length = Duration.between(intervalStart, end);
        double capacitySeconds = totalCapacity * seconds(length);
        SimulationReport.IntervalFigures figures = new SimulationReport.IntervalFigures(intervalStart, length,
                arrivedNow, answeredNow, abandonedNow, waitingSince.size(), maxWaitingNow,
                answeredNow == 0 ? Duration.ZERO : Duration.ofMillis(Math.round((double) answeredWaitMillisNow / answeredNow)),
                serviceLevel(answeredWithinNow, answeredNow + abandonedNow),
                capacitySeconds == 0 ? 0 : busyNow / capacitySeconds,
                issuedNow, acceptedNow, declinedNow, expiredNow, refusedNow);
        intervals.add(figures);
        busyCapacitySeconds += busyNow;
        intervalStart = end;
        intervalEnd = end(end, intervalLength);
        arrivedNow = answeredNow = abandonedNow = answeredWithinNow = answeredWaitMillisNow = 0;
        issuedNow = acceptedNow = declinedNow = expiredNow = refusedNow = 0;
        maxWaitingNow = waitingSince.size();
        busyNow = 0;
        onInterval.accept(figures);
    }

    SimulationReport report(long seed, Duration simulated, long stillWaiting, List<String> violations, List<String> log) {
        double capacitySeconds = totalCapacity * seconds(simulated);
        long created = sum(SimulationReport.IntervalFigures::arrived);
        long accepted = sum(SimulationReport.IntervalFigures::offersAccepted);
        Map<String, SimulationReport.CallerFigures> queues = new LinkedHashMap<>();
        byQueue.forEach((queue, callers) -> queues.put(queue, callers.figures()));
        Map<Integer, SimulationReport.CallerFigures> priorities = new LinkedHashMap<>();
        byPriority.forEach((priority, callers) -> priorities.put(priority, callers.figures()));
        return new SimulationReport(seed, simulated,
                new SimulationReport.JobCounts(created, accepted, completed, closed, cancelled),
                new SimulationReport.OfferCounts(sum(SimulationReport.IntervalFigures::offersIssued), accepted,
                        sum(SimulationReport.IntervalFigures::offersDeclined),
                        sum(SimulationReport.IntervalFigures::offersExpired), revoked),
                all.figures(), threshold, stillWaiting,
                capacitySeconds == 0 ? 0 : busyCapacitySeconds / capacitySeconds,
                refusals, refusalsByRule, queues, priorities, intervals, violations, log);
    }

    // ---- helpers

    private long sum(ToLongFunction<SimulationReport.IntervalFigures> figure) {
        return intervals.stream().mapToLong(figure).sum();
    }

    private void release(String jobId, Instant at) {
        Held released = held.remove(jobId);
        if (released != null) {
            busyNow += released.cost() * seconds(Duration.between(later(released.since(), intervalStart), at));
        }
    }

    private List<Callers> group(String queueId, int priority) {
        return List.of(byQueue.computeIfAbsent(queueId == null ? "(none)" : queueId, queue -> new Callers()),
                byPriority.computeIfAbsent(priority, p -> new Callers()));
    }

    private static double serviceLevel(long within, long ended) {
        return ended == 0 ? Double.NaN : (double) within / ended;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
