package dev.jobrouter.core.internal.matching;

import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.RouterJob;
import java.util.function.Predicate;

/**
 * How a distribution mode orders the workers a job may be offered to. The matcher walks the
 * candidates in this order and offers the job to the first that fits (satisfies the job's selectors,
 * has not declined it, holds no offer for it, and the rules allow), until the job has as many offers
 * as its policy allows. Each {@link dev.jobrouter.core.model.DistributionMode} has one; see
 * {@link DistributionStrategies}.
 */
public interface DistributionStrategy {

    /**
     * @param job the job to offer
     * @param queueChannel its queue and channel
     * @param policy its queue's distribution policy
     * @param fits whether a worker fits the job; a strategy that must look at every candidate (to score
     *     them) asks it, others may leave it to the caller, which checks every candidate again
     * @return the available workers with room on that queue and channel, best first; may be a live
     *     view, which the caller only reads
     */
    Iterable<AvailableWorkers.Place> candidates(RouterJob job, QueueChannel queueChannel, DistributionPolicy policy,
            Predicate<AvailableWorkers.Place> fits);
}
