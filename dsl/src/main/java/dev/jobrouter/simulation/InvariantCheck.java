package dev.jobrouter.simulation;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.JobCancelled;
import dev.jobrouter.core.event.JobClosed;
import dev.jobrouter.core.event.JobCompleted;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.JobReceived;
import dev.jobrouter.core.event.JobUpdated;
import dev.jobrouter.core.event.OfferAccepted;
import dev.jobrouter.core.event.OfferDeclined;
import dev.jobrouter.core.event.OfferExpired;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.event.WorkerDeregistered;
import dev.jobrouter.core.event.WorkerRegistered;
import dev.jobrouter.core.event.WorkerUpdated;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobAssignment;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.WorkerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks the router's invariants after each step of a simulation, on the jobs and workers the step's
 * events name, so that the cost follows the traffic rather than the size of the router. Which offers
 * are open is followed from the events (issued, then accepted, declined, expired or revoked), so a
 * job that moves on while the events leave one of its offers open is caught, whether the state or
 * the events are wrong.
 */
final class InvariantCheck {
    /** Enough to diagnose; a broken router would otherwise fill the heap with the same finding. */
    private static final int MAX_VIOLATIONS = 100;

    private final JobRouter router;
    private final Map<String, JobStatus> terminal = new HashMap<>();
    /** Open offers per job, as the events tell it. */
    private final Map<String, Set<String>> openOffers = new HashMap<>();
    private final List<String> violations = new ArrayList<>();

    InvariantCheck(JobRouter router) {
        this.router = router;
    }

    List<String> violations() {
        return violations;
    }

    void check(List<RouterEvent> events) {
        Set<String> jobs = new LinkedHashSet<>();
        Set<String> workers = new LinkedHashSet<>();
        for (RouterEvent event : events) {
            note(event, jobs, workers);
            if (event instanceof JobClosed closed) {
                RouterJob job = job(closed.jobId());
                RouterJobAssignment assignment = job == null ? null : job.assignments().get(closed.assignmentId());
                expect(assignment != null && closed.at().equals(assignment.closedAt()),
                        () -> closed + " does not match the assignment's release time " + assignment);
            }
        }
        jobs.forEach(this::checkJob);
        workers.forEach(this::checkWorker);
    }

    private void checkJob(String jobId) {
        RouterJob job = job(jobId);
        if (job == null) {
            return;
        }
        JobStatus before = terminal.get(jobId);
        expect(before == null || before == job.status(), () -> "job " + jobId + " left terminal status " + before
                + " for " + job.status());
        if (job.status().isTerminal()) {
            terminal.put(jobId, job.status());
        }
        long live = job.assignments().values().stream().filter(a -> a.closedAt() == null).count();
        expect(live <= 1, () -> "job " + jobId + " has " + live + " live assignments");
        Set<String> open = openOffers.getOrDefault(jobId, Set.of());
        expect(job.status() == JobStatus.QUEUED || open.isEmpty(), () -> "job " + jobId + " is " + job.status()
                + " with open offers " + open);
    }

    private void checkWorker(String workerId) {
        RouterWorker worker = router.getWorker(workerId);
        expect(worker.usedCapacity() <= worker.capacity(), () -> "worker " + workerId + " uses "
                + worker.usedCapacity() + " of its capacity " + worker.capacity());
        for (ChannelConfiguration channel : worker.channels().values()) {
            Integer max = channel.maxNumberOfJobs();
            expect(max == null || worker.jobsOn(channel.channelId()) <= max, () -> "worker " + workerId + " holds "
                    + worker.jobsOn(channel.channelId()) + " jobs on " + channel.channelId() + ", above its limit " + max);
        }
        expect(worker.state() == WorkerState.ACTIVE || worker.offers().isEmpty(),
                () -> worker.state() + " worker " + workerId + " holds open offers " + worker.offers());
        for (RouterJobOffer offer : worker.offers()) {
            expect(offer.expiresAt().isAfter(router.now()), () -> "open offer " + offer.offerId() + " expired at "
                    + offer.expiresAt() + ", now is " + router.now());
        }
    }

    /** Forgets an ended offer; one issued before the simulation started was never followed. */
    private void ended(String offerId, String jobId, String workerId, Set<String> jobs, Set<String> workers) {
        jobs.add(jobId);
        workers.add(workerId);
        Set<String> open = openOffers.get(jobId);
        if (open != null && open.remove(offerId) && open.isEmpty()) {
            openOffers.remove(jobId);
        }
    }

    private RouterJob job(String jobId) {
        try {
            return router.getJob(jobId);
        } catch (RouterException deleted) {
            return null;
        }
    }

    private void expect(boolean holds, Supplier<String> violation) {
        if (!holds && violations.size() < MAX_VIOLATIONS) {
            violations.add(router.now() + ": " + violation.get());
        }
    }

    /** Notes the jobs and workers the event names, and follows the offer it opens or ends. */
    private void note(RouterEvent event, Set<String> jobs, Set<String> workers) {
        if (event instanceof OfferIssued e) {
            jobs.add(e.jobId());
            workers.add(e.workerId());
            openOffers.computeIfAbsent(e.jobId(), id -> new HashSet<>(2)).add(e.offerId());
        } else if (event instanceof OfferAccepted e) {
            ended(e.offerId(), e.jobId(), e.workerId(), jobs, workers);
        } else if (event instanceof OfferDeclined e) {
            ended(e.offerId(), e.jobId(), e.workerId(), jobs, workers);
        } else if (event instanceof OfferExpired e) {
            ended(e.offerId(), e.jobId(), e.workerId(), jobs, workers);
        } else if (event instanceof OfferRevoked e) {
            ended(e.offerId(), e.jobId(), e.workerId(), jobs, workers);
        } else if (event instanceof JobCompleted e) {
            jobs.add(e.jobId());
            workers.add(e.workerId());
        } else if (event instanceof JobClosed e) {
            jobs.add(e.jobId());
            workers.add(e.workerId());
        } else if (event instanceof JobCancelled e) {
            jobs.add(e.jobId());
        } else if (event instanceof JobReceived e) {
            jobs.add(e.jobId());
        } else if (event instanceof JobQueued e) {
            jobs.add(e.jobId());
        } else if (event instanceof JobUpdated e) {
            jobs.add(e.jobId());
        } else if (event instanceof WorkerRegistered e) {
            workers.add(e.workerId());
        } else if (event instanceof WorkerDeregistered e) {
            workers.add(e.workerId());
        } else if (event instanceof WorkerUpdated e) {
            workers.add(e.workerId());
        }
    }
}
