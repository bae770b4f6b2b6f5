package dev.jobrouter.core.engine;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.command.IssueOffer;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Issues offers after each command, for the jobs and workers whose change may allow one. Jobs are
 * served in queue order and take the longest-idle fitting worker; workers are served longest idle
 * first and take the first fitting job of their queues. Both walk the indexes from the front, so the
 * cost does not grow with the number of idle workers or queued jobs.
 */
final class Matcher {
    private final Context ctx;
    private final OfferLifecycle offers;

    Matcher(Context ctx, OfferLifecycle offers) {
        this.ctx = ctx;
        this.offers = offers;
    }

    void run() {
        while (!ctx.jobsToMatch.isEmpty() || !ctx.workersToMatch.isEmpty()) {
            List<WaitingJobs.Place> jobs = new ArrayList<>();
            for (String jobId : ctx.jobsToMatch) {
                WaitingJobs.Place place = ctx.state.waitingJobs.placeOf(jobId);
                if (place != null) {
                    jobs.add(place);
                }
            }
            ctx.jobsToMatch.clear();
            jobs.sort(WaitingJobs.QUEUE_ORDER);
            for (WaitingJobs.Place place : jobs) {
                offerJob(place.jobId());
            }

            List<AvailableWorkers.Place> workers = new ArrayList<>();
            for (String workerId : ctx.workersToMatch) {
                AvailableWorkers.Place place = ctx.state.availableWorkers.placeOf(workerId);
                if (place != null) {
                    workers.add(place);
                }
            }
            ctx.workersToMatch.clear();
            workers.sort(AvailableWorkers.LONGEST_IDLE);
            for (AvailableWorkers.Place place : workers) {
                offerWorker(place.workerId());
            }
        }
    }

    /** Offers the job to fitting workers until it has as many open offers as its policy allows. */
    private void offerJob(String jobId) {
        Set<String> refused = new HashSet<>();
        while (ctx.state.waitingJobs.placeOf(jobId) != null) {
            RouterJob job = ctx.state.jobs.get(jobId);
            RouterWorker worker = firstFittingWorker(job, refused);
            if (worker == null) {
                return;
            }
            if (ctx.decider.allows(new IssueOffer(jobId, worker.id()), job, worker)) {
                offers.issue(job, worker);
            } else {
                refused.add(worker.id());
            }
        }
    }

    /** Offers the worker the best fitting jobs of its queues until it has no room left. */
    private void offerWorker(String workerId) {
        Set<String> refused = new HashSet<>();
        while (ctx.state.availableWorkers.placeOf(workerId) != null) {
            RouterWorker worker = ctx.state.workers.get(workerId);
            RouterJob job = firstFittingJob(worker, refused);
            if (job == null) {
                return;
            }
            if (ctx.decider.allows(new IssueOffer(job.id(), workerId), job, worker)) {
                offers.issue(job, worker);
            } else {
                refused.add(job.id());
            }
        }
    }

    private RouterWorker firstFittingWorker(RouterJob job, Set<String> refused) {
        for (AvailableWorkers.Place place : ctx.state.availableWorkers.in(new QueueChannel(job.queueId(), job.channelId()))) {
            if (!refused.contains(place.workerId()) && mayOffer(job.id(), place.workerId())) {
                return ctx.state.workers.get(place.workerId());
            }
        }
        return null;
    }

    private RouterJob firstFittingJob(RouterWorker worker, Set<String> refused) {
        WaitingJobs.Place best = null;
        for (String channelId : worker.channels().keySet()) {
            if (!worker.hasRoomOn(channelId)) {
                continue;
            }
            for (String queueId : worker.queues()) {
                for (WaitingJobs.Place place : ctx.state.waitingJobs.in(new QueueChannel(queueId, channelId))) {
                    if (best != null && WaitingJobs.QUEUE_ORDER.compare(place, best) >= 0) {
                        break;
                    }
                    if (!refused.contains(place.jobId()) && mayOffer(place.jobId(), worker.id())) {
                        best = place;
                        break;
                    }
                }
            }
        }
        return best == null ? null : ctx.state.jobs.get(best.jobId());
    }

    /** Whether the worker neither holds an open offer for the job nor declined it (with no retry due yet). */
    private boolean mayOffer(String jobId, String workerId) {
        for (RouterJobOffer offer : ctx.state.workers.get(workerId).offers()) {
            if (offer.jobId().equals(jobId)) {
                return false;
            }
        }
        ImmutableMap<String, Instant> declined = ctx.state.declines.get(workerId);
        Instant retryAt = declined == null ? null : declined.get(jobId);
        return retryAt == null || !retryAt.isAfter(ctx.now());
    }

}
