package dev.jobrouter.simulation;

import dev.jobrouter.core.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Simulation} run measured.
 *
 * @param seed the seed of the run; the same seed, rules and inputs give the same run
 * @param simulated how much virtual time the run covered
 * @param jobs how many jobs were created, assigned, completed, closed and cancelled during the run
 * @param offers how many offers were issued, accepted, declined, expired and revoked
 * @param waiting how long assigned jobs waited from creation to the accepted offer
 * @param jobsStillWaiting jobs created in the run and still queued at its end
 * @param utilisation the share of the workers' total capacity held by assigned jobs, from accept to
 *     capacity release, averaged over the run; 0 when the workers have no capacity
 * @param refusals commands of the simulated workers and callers that the router refused, by error
 *     code: what your rules vetoed, or answers that came too late (an offer already revoked)
 * @param invariantViolations broken invariants found after each step; expected to be empty
 * @param eventLog every event of the run, one {@code toString()} per line, when the simulation was
 *     asked to {@link Simulation#recordEvents(boolean) record} them; else empty
 */
public record SimulationReport(
        long seed,
        Duration simulated,
        JobCounts jobs,
        OfferCounts offers,
        WaitingTimes waiting,
        long jobsStillWaiting,
        double utilisation,
        Map<ErrorCode, Long> refusals,
        List<String> invariantViolations,
        List<String> eventLog) {

    public SimulationReport {
        refusals = Map.copyOf(refusals);
        invariantViolations = List.copyOf(invariantViolations);
        eventLog = List.copyOf(eventLog);
    }

    /** Jobs that reached each status during the run. */
    public record JobCounts(long created, long assigned, long completed, long closed, long cancelled) {}

    /** Offers by what happened to them during the run. */
    public record OfferCounts(long issued, long accepted, long declined, long expired, long revoked) {}

    /** Waiting time from creation to assignment over the jobs assigned in the run; all zero when none was. */
    public record WaitingTimes(long count, Duration mean, Duration p50, Duration p95, Duration max) {}

    /** @return the figures as a few lines of text, for logs and comparisons */
    public String summary() {
        return String.format("""
                simulated %s, seed %d
                jobs: %d created, %d assigned, %d completed, %d closed, %d cancelled, %d still waiting
                offers: %d issued, %d accepted, %d declined, %d expired, %d revoked
                waiting: mean %s, p50 %s, p95 %s, max %s (over %d jobs)
                utilisation: %.1f%%
                refused commands: %s
                invariant violations: %d""",
                simulated, seed,
                jobs.created(), jobs.assigned(), jobs.completed(), jobs.closed(), jobs.cancelled(), jobsStillWaiting,
                offers.issued(), offers.accepted(), offers.declined(), offers.expired(), offers.revoked(),
                waiting.mean(), waiting.p50(), waiting.p95(), waiting.max(), waiting.count(),
                utilisation * 100, refusals, invariantViolations.size());
    }
}
