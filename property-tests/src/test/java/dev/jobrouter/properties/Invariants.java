package dev.jobrouter.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.event.JobCancelled;
import dev.jobrouter.core.event.JobClosed;
import dev.jobrouter.core.event.JobDeleted;
import dev.jobrouter.core.event.OfferAccepted;
import dev.jobrouter.core.event.OfferExpired;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobAssignment;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerAssignment;
import dev.jobrouter.core.model.WorkerState;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Invariants of the router's visible state and events, checked after every step independently of the
 * reference model: what must hold whatever the rules and the matcher chose.
 */
final class Invariants {
    private final Set<String> created = new HashSet<>();
    private final Set<String> deletedByCall = new HashSet<>();
    private final Map<String, JobStatus> terminal = new HashMap<>();

    /** Records that a create of the job succeeded. */
    void created(String jobId) {
        created.add(jobId);
        terminal.remove(jobId);
        deletedByCall.remove(jobId);
    }

    /** Records that a delete call for the job succeeded. */
    void deleted(String jobId) {
        deletedByCall.add(jobId);
        terminal.remove(jobId);
    }

    void check(JobRouter router, Instant stepStart, List<RouterEvent> events) {
        List<RouterJob> jobs = router.listJobs();
        Map<String, RouterJob> jobsById = jobs.stream().collect(Collectors.toMap(RouterJob::id, j -> j));
        Map<String, List<RouterJobOffer>> offersByJob = new HashMap<>();
        for (RouterJob job : jobs) {
            offersByJob.put(job.id(), router.getJobOffers(job.id()));
        }
        nothingLost(jobsById);
        terminalStaysTerminal(jobs);
        for (RouterWorker worker : router.listWorkers()) {
            checkWorker(router, worker, jobsById, offersByJob);
        }
        for (RouterJob job : jobs) {
            checkJob(router, job, offersByJob.get(job.id()));
        }
        checkEvents(router, stepStart, events, jobsById, offersByJob);
    }

    /**
     * Checks what holds of any state, whatever came before: capacity, offers and assignments of each
     * worker and job; for a router whose last commands a crash lost, which the history kept here
     * would take for lost jobs.
     */
    static void checkState(JobRouter router) {
        List<RouterJob> jobs = router.listJobs();
        Map<String, RouterJob> jobsById = jobs.stream().collect(Collectors.toMap(RouterJob::id, j -> j));
        Map<String, List<RouterJobOffer>> offersByJob = new HashMap<>();
        for (RouterJob job : jobs) {
            offersByJob.put(job.id(), router.getJobOffers(job.id()));
        }
        for (RouterWorker worker : router.listWorkers()) {
            checkWorker(router, worker, jobsById, offersByJob);
        }
        for (RouterJob job : jobs) {
            checkJob(router, job, offersByJob.get(job.id()));
        }
    }

    private void nothingLost(Map<String, RouterJob> jobsById) {
        for (String jobId : created) {
            assertThat(jobsById.containsKey(jobId) || deletedByCall.contains(jobId))
                    .as("job %s was created and neither is present nor was deleted by a delete call", jobId).isTrue();
        }
        assertThat(created).as("every present job was created").containsAll(jobsById.keySet());
    }

    private void terminalStaysTerminal(List<RouterJob> jobs) {
        for (RouterJob job : jobs) {
            JobStatus before = terminal.get(job.id());
            if (before != null) {
                assertThat(job.status()).as("job %s was %s", job.id(), before).isEqualTo(before);
            }
            if (job.status().isTerminal()) {
                terminal.put(job.id(), job.status());
            }
        }
    }

    private static void checkWorker(JobRouter router, RouterWorker worker, Map<String, RouterJob> jobsById,
            Map<String, List<RouterJobOffer>> offersByJob) {
        // Capacity as seen from the jobs' side: open offers and live assignments naming this worker.
        int heldByOffers = offersByJob.values().stream().flatMap(List::stream)
                .filter(offer -> offer.status() == OfferStatus.OPEN && offer.workerId().equals(worker.id()))
                .mapToInt(RouterJobOffer::capacityCost).sum();
        int heldByJobs = jobsById.values().stream().flatMap(job -> job.currentAssignment().stream())
                .filter(assignment -> assignment.workerId().equals(worker.id()))
                .mapToInt(RouterJobAssignment::capacityCost).sum();
        assertThat(worker.usedCapacity()).as("used capacity of %s", worker.id()).isEqualTo(heldByOffers + heldByJobs);
        assertThat(worker.usedCapacity()).as("used capacity of %s", worker.id()).isLessThanOrEqualTo(worker.capacity());
        for (ChannelConfiguration channel : worker.channels().values()) {
            if (channel.maxNumberOfJobs() != null) {
                assertThat(worker.jobsOn(channel.channelId())).as("jobs of %s on %s", worker.id(), channel.channelId())
                        .isLessThanOrEqualTo(channel.maxNumberOfJobs());
            }
        }
        if (worker.state() != WorkerState.ACTIVE) {
            assertThat(worker.offers()).as("offers of %s worker %s", worker.state(), worker.id()).isEmpty();
        }
        for (RouterJobOffer offer : worker.offers()) {
            assertThat(jobsById.get(offer.jobId()).status()).as("job of open offer %s", offer.offerId())
                    .isEqualTo(JobStatus.QUEUED);
            assertThat(offer.expiresAt()).as("expiry of open offer %s", offer.offerId()).isAfter(router.now());
            assertThat(offersByJob.get(offer.jobId())).contains(offer);
        }
        for (RouterWorkerAssignment held : worker.assignedJobs()) {
            RouterJob job = jobsById.get(held.jobId());
            assertThat(job.status()).as("job held by %s", worker.id()).isIn(JobStatus.ASSIGNED, JobStatus.COMPLETED);
            assertThat(job.currentAssignment()).hasValueSatisfying(a -> assertThat(a.workerId()).isEqualTo(worker.id()));
        }
    }

    private static void checkJob(JobRouter router, RouterJob job, List<RouterJobOffer> offers) {
        List<RouterJobOffer> open = offers.stream().filter(offer -> offer.status() == OfferStatus.OPEN).toList();
        if (!job.status().isTerminal()) {
            // An active job's queue and its policy exist: the rules refuse deleting them under it.
            int max = router.getDistributionPolicy(router.getQueue(job.queueId()).distributionPolicyId())
                    .maxConcurrentOffers();
            assertThat(open.size()).as("open offers of %s", job.id()).isLessThanOrEqualTo(max);
        }
        assertThat(open).extracting(RouterJobOffer::workerId).doesNotHaveDuplicates();
        if (job.status() != JobStatus.QUEUED) {
            assertThat(open).as("open offers of %s job %s", job.status(), job.id()).isEmpty();
        }
        // Live: neither closed nor handed back by an unassign.
        long live = job.assignments().values().stream()
                .filter(a -> a.closedAt() == null && a.unassignedAt() == null).count();
        if (job.status() == JobStatus.ASSIGNED || job.status() == JobStatus.COMPLETED) {
            assertThat(live).as("live assignments of %s job %s", job.status(), job.id()).isEqualTo(1);
        } else {
            assertThat(job.currentAssignment()).as("current assignment of %s job %s", job.status(), job.id()).isEmpty();
        }
        job.currentAssignment().ifPresent(a -> assertThat(router.getWorker(a.workerId()).assignedJobs())
                .extracting(RouterWorkerAssignment::assignmentId).contains(a.assignmentId()));
    }

    /** Every event agrees with the state it reports, and time never runs backwards. */
    private static void checkEvents(JobRouter router, Instant stepStart, List<RouterEvent> events,
            Map<String, RouterJob> jobsById, Map<String, List<RouterJobOffer>> offersByJob) {
        Instant previous = stepStart;
        for (RouterEvent event : events) {
            assertThat(event.at()).as("time of %s", event).isAfterOrEqualTo(previous).isBeforeOrEqualTo(router.now());
            previous = event.at();
            if (event instanceof JobClosed closed) {
                // The close's capacity release happened exactly at the event's time.
                RouterJob job = jobsById.get(closed.jobId());
                assertThat(job.status()).as("status after %s", event).isEqualTo(JobStatus.CLOSED);
                RouterJobAssignment assignment = job.assignments().get(closed.assignmentId());
                assertThat(assignment.closedAt()).as("release time of %s", event).isEqualTo(closed.at());
                assertThat(router.getWorker(closed.workerId()).assignedJobs())
                        .extracting(RouterWorkerAssignment::assignmentId).doesNotContain(closed.assignmentId());
            } else if (event instanceof OfferExpired expired) {
                RouterJobOffer offer = offerOf(offersByJob, expired.jobId(), expired.offerId());
                assertThat(offer.status()).as("status after %s", event).isEqualTo(OfferStatus.EXPIRED);
                assertThat(offer.expiresAt()).as("expiry time of %s", event).isEqualTo(expired.at());
            } else if (event instanceof OfferIssued issued) {
                RouterJobOffer offer = offerOf(offersByJob, issued.jobId(), issued.offerId());
                assertThat(offer.offeredAt()).as("offer time of %s", event).isEqualTo(issued.at());
                assertThat(offer.expiresAt()).as("expiry of %s", event).isEqualTo(issued.expiresAt());
            } else if (event instanceof OfferAccepted accepted) {
                RouterJobAssignment assignment = jobsById.get(accepted.jobId()).assignments().get(accepted.assignmentId());
                assertThat(assignment.workerId()).as("worker of %s", event).isEqualTo(accepted.workerId());
                assertThat(assignment.assignedAt()).as("assignment time of %s", event).isEqualTo(accepted.at());
            } else if (event instanceof JobCancelled cancelled) {
                assertThat(jobsById.get(cancelled.jobId()).status()).as("status after %s", event)
                        .isEqualTo(JobStatus.CANCELLED);
            } else if (event instanceof JobDeleted deleted) {
                assertThat(jobsById).as("jobs after %s", event).doesNotContainKey(deleted.jobId());
            }
        }
    }

    private static RouterJobOffer offerOf(Map<String, List<RouterJobOffer>> offersByJob, String jobId, String offerId) {
        return offersByJob.get(jobId).stream().filter(offer -> offer.offerId().equals(offerId)).findFirst()
                .orElseThrow(() -> new AssertionError("job " + jobId + " does not list offer " + offerId));
    }
}
