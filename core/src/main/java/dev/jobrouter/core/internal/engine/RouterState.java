package dev.jobrouter.core.internal.engine;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.internal.matching.AvailableWorkers;
import dev.jobrouter.core.internal.matching.QueueChannel;
import dev.jobrouter.core.internal.matching.QueuedJobs;
import dev.jobrouter.core.internal.matching.WaitingJobs;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.ExceptionPolicy;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterWorker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Everything the router holds. The primary maps, the timers and the counters go back on rollback; the
 * indexes are derived from the maps through listeners, so they can never disagree with them.
 */
final class RouterState {
    final UndoLog undo = new UndoLog();
    final Sequences sequences;
    final TimerQueue timers;

    final TrackedMap<String, DistributionPolicy> policies;
    final TrackedMap<String, RouterQueue> queues;
    final TrackedMap<String, ClassificationPolicy> classificationPolicies;
    final TrackedMap<String, ExceptionPolicy> exceptionPolicies;
    /** Per QUEUED job in a queue with an exception policy: its entry into the queue and the rules fired since. */
    final TrackedMap<String, QueueEntry> queueEntries = new TrackedMap<>(undo);
    /**
     * Per job with a classification policy, the queue its caller set on it, if any: classification
     * falls back to it when no selector chooses a queue, however often the job moved since.
     */
    final TrackedMap<String, String> requestedQueues = new TrackedMap<>(undo);
    /** Per round-robin queue, the worker that received its last offer: the cursor the next offer starts after. */
    final TrackedMap<String, String> roundRobinCursors = new TrackedMap<>(undo);
    /** A job's arrival number, the last tie-breaker of queue order; set before the job enters its map. */
    final TrackedMap<String, Long> arrivals = new TrackedMap<>(undo);
    final TrackedMap<String, RouterJob> jobs;
    final TrackedMap<String, RouterJobOffer> offers = new TrackedMap<>(undo, this::offerChanged);
    final AvailableWorkers availableWorkers = new AvailableWorkers();
    final TrackedMap<String, RouterWorker> workers;
    /** Per worker: the jobs it declined and from when it may be offered each again ({@link Instant#MAX}: never). */
    final TrackedMap<String, ImmutableMap<String, Instant>> declines = new TrackedMap<>(undo);

    final WaitingJobs waitingJobs = new WaitingJobs();
    /** Job ids in id order, all and per status and queue, for lists and their pages. */
    final JobIndex jobIndex = new JobIndex();
    /** Worker ids in id order, for lists and their pages. */
    final NavigableSet<String> workerIds = new TreeSet<>();
    /** Every QUEUED job per queue, for positions and statistics. */
    final QueuedJobs queuedJobs = new QueuedJobs();

    /** @param seed the start of the generator weighted allocations draw from */
    RouterState(long seed) {
        sequences = new Sequences(seed);
        timers = new TimerQueue(undo, sequences);
        policies = new TrackedMap<>(undo, Snapshots.DISTRIBUTION_POLICIES, sequences);
        queues = new TrackedMap<>(undo, Snapshots.QUEUES, sequences);
        classificationPolicies = new TrackedMap<>(undo, Snapshots.CLASSIFICATION_POLICIES, sequences);
        exceptionPolicies = new TrackedMap<>(undo, Snapshots.EXCEPTION_POLICIES, sequences);
        jobs = new TrackedMap<>(undo, (id, before, after) -> {
            jobIndex.changed(id, before, after);
            queuedJobs.changed(before, after, arrivals.get(id));
            refreshWaiting(id);
        }, Snapshots.JOBS, sequences);
        workers = new TrackedMap<>(undo, (id, before, after) -> {
            if (before == null) {
                workerIds.add(id);
            } else if (after == null) {
                workerIds.remove(id);
            }
            availableWorkers.changed(id, before, after);
        }, Snapshots.WORKERS, sequences);
    }
    /**
     * Fills an empty state from a snapshot: entities with their etags, in an order that lets each
     * index find what it looks up (arrivals and offers before jobs), timers in due order, then the
     * counters as they were, so the next id, etag, event number and draw are the ones the snapshot's
     * engine would have made.
     */
    void load(EngineSnapshot snapshot) {
        snapshot.policies().forEach(policy -> policies.load(policy.id(), policy));
        snapshot.classificationPolicies().forEach(policy -> classificationPolicies.load(policy.id(), policy));
        snapshot.exceptionPolicies().forEach(policy -> exceptionPolicies.load(policy.id(), policy));
        snapshot.queues().forEach(queue -> queues.load(queue.id(), queue));
        snapshot.arrivals().forEach(arrivals::load);
        snapshot.requestedQueues().forEach(requestedQueues::load);
        snapshot.roundRobinCursors().forEach(roundRobinCursors::load);
        snapshot.queueEntries().forEach(queueEntries::load);
        snapshot.declines().forEach((workerId, declined) -> declines.load(workerId, ImmutableMap.copyOf(declined)));
        snapshot.offers().stream()
                .sorted(Comparator.comparingLong(RouterState::issueNumber))   // issue order, not id order
                .forEach(offer -> offers.load(offer.offerId(), offer));
        snapshot.workers().forEach(worker -> workers.load(worker.id(), worker));
        snapshot.jobs().forEach(job -> jobs.load(job.id(), job));
        snapshot.timers().forEach(timers::schedule);
        sequences.load(snapshot.counters());
        undo.commit();
    }

    /** @return the number in an offer id ({@code offer-12}: 12), which counts offers in issue order */
    private static long issueNumber(RouterJobOffer offer) {
        String id = offer.offerId();
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }

    /** Every offer id of each job, open or ended, in issue order. */
    private final Map<String, List<String>> offerIdsByJob = new HashMap<>();
    /**
     * The open offer ids of each job, in issue order. Kept apart from the history because matching asks
     * for them on every change, and a job offered again and again would make that walk ever longer.
     */
    private final Map<String, List<String>> openOfferIdsByJob = new HashMap<>();

    /** @throws RouterException INVALID_ARGUMENT for a null or blank id, NOT_FOUND for an unknown job */
    RouterJob job(String jobId) {
        return found("job", jobId, jobs.get(Ids.check("jobId", jobId)));
    }

    /** @throws RouterException INVALID_ARGUMENT for a null or blank id, NOT_FOUND for an unknown worker */
    RouterWorker worker(String workerId) {
        return found("worker", workerId, workers.get(Ids.check("workerId", workerId)));
    }

    /** @throws RouterException INVALID_ARGUMENT for a null or blank id, NOT_FOUND for an unknown queue */
    RouterQueue queue(String queueId) {
        return found("queue", queueId, queues.get(Ids.check("queueId", queueId)));
    }

    /** @throws RouterException INVALID_ARGUMENT for a null or blank id, NOT_FOUND for an unknown policy */
    DistributionPolicy policy(String policyId) {
        return found("distribution policy", policyId, policies.get(Ids.check("distributionPolicyId", policyId)));
    }

    /** @throws RouterException INVALID_ARGUMENT for a null or blank id, NOT_FOUND for an unknown policy */
    ClassificationPolicy classificationPolicy(String policyId) {
        return found("classification policy", policyId,
                classificationPolicies.get(Ids.check("classificationPolicyId", policyId)));
    }

    /** @throws RouterException INVALID_ARGUMENT for a null or blank id, NOT_FOUND for an unknown policy */
    ExceptionPolicy exceptionPolicy(String policyId) {
        return found("exception policy", policyId, exceptionPolicies.get(Ids.check("exceptionPolicyId", policyId)));
    }

    private static <T> T found(String what, String id, T value) {
        if (value == null) {
            throw RouterException.notFound(what + " " + id + " not found");
        }
        return value;
    }

    List<RouterJobOffer> offersOf(String jobId) {
        return offers(offerIdsByJob, jobId);
    }

    List<RouterJobOffer> openOffersOf(String jobId) {
        return offers(openOfferIdsByJob, jobId);
    }

    private List<RouterJobOffer> offers(Map<String, List<String>> idsByJob, String jobId) {
        List<String> ids = idsByJob.get(jobId);
        if (ids == null) {
            return List.of();
        }
        List<RouterJobOffer> result = new ArrayList<>(ids.size());
        for (String offerId : ids) {
            result.add(offers.get(offerId));
        }
        return result;
    }

    RouterQueue queueOf(RouterJob job) {
        return queues.get(job.queueId());
    }

    DistributionPolicy policyOf(RouterQueue queue) {
        return queue == null ? null : policies.get(queue.distributionPolicyId());
    }

    DistributionPolicy policyOf(String queueId) {
        return policyOf(queues.get(queueId));
    }

    DistributionPolicy policyOf(RouterJob job) {
        return policyOf(queueOf(job));
    }

    /** Recomputes whether the job wants another offer; called whenever its job, offers or policy change. */
    void refreshWaiting(String jobId) {
        RouterJob job = jobs.get(jobId);
        boolean wantsOffer = job != null
                && job.status() == JobStatus.QUEUED
                && openOfferIdsByJob.getOrDefault(jobId, List.of()).size() < policyOf(job).maxConcurrentOffers();
        if (!wantsOffer) {
            waitingJobs.update(jobId, null, null);
            return;
        }
        waitingJobs.update(jobId, new QueueChannel(job.queueId(), job.channelId()),
                QueuedJobs.placeOf(job, arrivals.get(jobId)));
    }

    private void offerChanged(String offerId, RouterJobOffer before, RouterJobOffer after) {
        String jobId = after != null ? after.jobId() : before.jobId();
        index(offerIdsByJob, jobId, offerId, before != null, after != null);
        index(openOfferIdsByJob, jobId, offerId, isOpen(before), isOpen(after));
        refreshWaiting(jobId);
    }

    private static boolean isOpen(RouterJobOffer offer) {
        return offer != null && offer.status() == OfferStatus.OPEN;
    }

    /** Adds or removes the offer id when its membership changed; most changes leave it where it is. */
    private static void index(Map<String, List<String>> idsByJob, String jobId, String offerId, boolean was, boolean is) {
        if (is && !was) {
            idsByJob.computeIfAbsent(jobId, id -> new ArrayList<>(2)).add(offerId);
        } else if (was && !is) {
            List<String> ids = idsByJob.get(jobId);
            ids.remove(offerId);
            if (ids.isEmpty()) {
                idsByJob.remove(jobId);
            }
        }
    }
}
