package dev.jobrouter.core.internal.engine;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.command.IssueOffer;
import dev.jobrouter.core.internal.matching.AvailableWorkers;
import dev.jobrouter.core.internal.matching.DistributionStrategy;
import dev.jobrouter.core.internal.matching.QueueChannel;
import dev.jobrouter.core.internal.matching.WaitingJobs;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Issues offers after each command, for the jobs and workers whose change may allow one. Jobs are
 * served in queue order and take the first fitting worker in the order of their policy's
 * distribution mode; workers are served longest idle first and take the first fitting job of their
 * queues. A worker fits a job when it satisfies the job's active worker selectors (unless its policy
 * bypasses them). Both walk the indexes from the front and stop at the first fit, so without selectors
 * the cost does not grow with the number of idle workers or queued jobs; with selectors it grows with
 * the candidates that do not satisfy them, which an {@code EQUAL} selector narrows to one label value.
 */
final class Matcher {
    private final RouterState state;
    private final Decider decider;
    private final OfferLifecycle offers;
    private final Map<DistributionMode, DistributionStrategy> strategies;

    Matcher(RouterState state, Decider decider, OfferLifecycle offers,
            Map<DistributionMode, DistributionStrategy> strategies) {
        for (DistributionMode mode : DistributionMode.values()) {
            if (strategies.get(mode) == null) {
                throw new IllegalStateException("no distribution strategy for " + mode);
            }
        }
        this.state = state;
        this.decider = decider;
        this.offers = offers;
        this.strategies = strategies;
    }

    void run(Transaction tx) {
        while (!tx.jobsToMatch.isEmpty() || !tx.workersToMatch.isEmpty()) {
            List<WaitingJobs.Place> jobs = new ArrayList<>();
            for (String jobId : tx.jobsToMatch) {
                WaitingJobs.Place place = state.waitingJobs.placeOf(jobId);
                if (place != null) {
                    jobs.add(place);
                }
            }
            tx.jobsToMatch.clear();
            jobs.sort(WaitingJobs.QUEUE_ORDER);
            for (WaitingJobs.Place place : jobs) {
                offerJob(tx, place.jobId());
            }

            List<AvailableWorkers.Place> workers = new ArrayList<>();
            for (String workerId : tx.workersToMatch) {
                AvailableWorkers.Place place = state.availableWorkers.placeOf(workerId);
                if (place != null) {
                    workers.add(place);
                }
            }
            tx.workersToMatch.clear();
            workers.sort(AvailableWorkers.LONGEST_IDLE);
            for (AvailableWorkers.Place place : workers) {
                offerWorker(tx, place.workerId());
            }
        }
    }

    /** Offers the job to fitting workers until it has as many open offers as its policy allows. */
    private void offerJob(Transaction tx, String jobId) {
        Set<String> refused = new HashSet<>();
        while (state.waitingJobs.placeOf(jobId) != null) {
            RouterJob job = state.jobs.get(jobId);
            RouterWorker worker = firstFittingWorker(tx, job, refused);
            if (worker == null) {
                return;
            }
            if (decider.allows(tx, new IssueOffer(jobId, worker.id()), job, worker)) {
                offers.issue(tx, job, worker);
            } else {
                refused.add(worker.id());
            }
        }
    }

    /** Offers the worker the best fitting jobs of its queues until it has no room left. */
    private void offerWorker(Transaction tx, String workerId) {
        Set<String> refused = new HashSet<>();
        while (state.availableWorkers.placeOf(workerId) != null) {
            RouterWorker worker = state.workers.get(workerId);
            RouterJob job = firstFittingJob(tx, worker, refused);
            if (job == null) {
                return;
            }
            if (decider.allows(tx, new IssueOffer(job.id(), workerId), job, worker)) {
                offers.issue(tx, job, worker);
            } else {
                refused.add(job.id());
            }
        }
    }

    private RouterWorker firstFittingWorker(Transaction tx, RouterJob job, Set<String> refused) {
        DistributionPolicy policy = state.policyOf(job);
        Predicate<AvailableWorkers.Place> fits = place -> !refused.contains(place.workerId())
                && mayOffer(tx, job, policy, state.workers.get(place.workerId()));
        Iterable<AvailableWorkers.Place> candidates = strategies.get(policy.mode())
                .candidates(job, new QueueChannel(job.queueId(), job.channelId()), policy, fits);
        for (AvailableWorkers.Place place : candidates) {
            if (fits.test(place)) {
                return state.workers.get(place.workerId());
            }
        }
        return null;
    }

    private RouterJob firstFittingJob(Transaction tx, RouterWorker worker, Set<String> refused) {
        WaitingJobs.Place best = null;
        for (String channelId : worker.channels().keySet()) {
            if (!worker.hasRoomOn(channelId)) {
                continue;
            }
            for (String queueId : worker.queues()) {
                DistributionPolicy policy = state.policyOf(queueId);
                for (WaitingJobs.Place place : state.waitingJobs.in(new QueueChannel(queueId, channelId))) {
                    if (best != null && WaitingJobs.QUEUE_ORDER.compare(place, best) >= 0) {
                        break;
                    }
                    if (!refused.contains(place.jobId())
                            && mayOffer(tx, state.jobs.get(place.jobId()), policy, worker)) {
                        best = place;
                        break;
                    }
                }
            }
        }
        return best == null ? null : state.jobs.get(best.jobId());
    }

    /**
     * Whether the worker satisfies the job's active selectors (unless the policy bypasses them), holds
     * no open offer for it, and has not declined it (with no retry due yet).
     */
    private boolean mayOffer(Transaction tx, RouterJob job, DistributionPolicy policy, RouterWorker worker) {
        if (!policy.bypassSelectors() && !Fit.satisfies(job, worker)) {
            return false;
        }
        String jobId = job.id();
        String workerId = worker.id();
        for (RouterJobOffer offer : worker.offers()) {
            if (offer.jobId().equals(jobId)) {
                return false;
            }
        }
        ImmutableMap<String, Instant> declined = state.declines.get(workerId);
        Instant retryAt = declined == null ? null : declined.get(jobId);
        return retryAt == null || !retryAt.isAfter(tx.now());
    }
}
