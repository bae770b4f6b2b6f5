package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.command.TimedCommand;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.ExceptionPolicy;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterWorker;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an engine holds, as values: two engines with equal snapshots execute every command the
 * same way. Lists are ordered by id, maps sorted by key, timers in due order.
 *
 * @param policies every distribution policy
 * @param queues every queue
 * @param jobs every job
 * @param workers every worker
 * @param offers every offer, open or ended, of the jobs that exist
 * @param declines per worker, the jobs it declined and from when it may be offered each again
 *     ({@link Instant#MAX}: never)
 * @param arrivals each job's arrival number, the last tie-breaker of queue order
 * @param timers the pending timed commands, in the order they fire
 * @param counters the next ids and numbers
 * @param classificationPolicies every classification policy
 * @param roundRobinCursors per round-robin queue, the worker that received its last offer
 * @param requestedQueues per job with a classification policy, the queue its caller set on it
 * @param exceptionPolicies every exception policy
 * @param queueEntries per queued job in a queue with an exception policy, its entry and the rules fired since
 */
public record EngineSnapshot(
        List<DistributionPolicy> policies,
        List<RouterQueue> queues,
        List<RouterJob> jobs,
        List<RouterWorker> workers,
        List<RouterJobOffer> offers,
        Map<String, Map<String, Instant>> declines,
        Map<String, Long> arrivals,
        List<TimedCommand> timers,
        Counters counters,
        List<ClassificationPolicy> classificationPolicies,
        Map<String, String> roundRobinCursors,
        Map<String, String> requestedQueues,
        List<ExceptionPolicy> exceptionPolicies,
        Map<String, QueueEntry> queueEntries) {

    /**
     * The router's counters.
     *
     * @param offers the number of the next offer id
     * @param assignments the number of the next assignment id
     * @param events the sequence number of the next event
     * @param arrivals the next arrival number
     * @param timers the next timer's tie-breaker
     * @param etags the number of the next etag
     * @param random the state of the generator weighted allocations draw from
     */
    public record Counters(long offers, long assignments, long events, long arrivals, long timers, long etags,
            long random) {}
}
