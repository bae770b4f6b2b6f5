package dev.jobrouter.properties;

import dev.jobrouter.core.event.JobCancelled;
import dev.jobrouter.core.event.JobClassified;
import dev.jobrouter.core.event.JobClosed;
import dev.jobrouter.core.event.JobCompleted;
import dev.jobrouter.core.event.JobDeleted;
import dev.jobrouter.core.event.JobUnassigned;
import dev.jobrouter.core.event.JobWaitingForActivation;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.JobReceived;
import dev.jobrouter.core.event.JobScheduled;
import dev.jobrouter.core.event.JobUpdated;
import dev.jobrouter.core.event.OfferAccepted;
import dev.jobrouter.core.event.OfferDeclined;
import dev.jobrouter.core.event.OfferExpired;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.event.WorkerDeleted;
import dev.jobrouter.core.event.WorkerDeregistered;
import dev.jobrouter.core.event.WorkerRegistered;
import dev.jobrouter.core.event.WorkerUpdated;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.WorkerState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A view of jobs and workers kept from the router's events alone, as a listener elsewhere would keep
 * it: if the events carry what happened in full, it equals what the router shows.
 */
final class EventProjection implements Consumer<RouterEvent> {

    static final class Job {
        String channel;
        String queue;
        int priority;
        JobStatus status;
        Map<String, Object> labels;
        Map<String, Object> tags;
        final Map<String, String> openOffers = new LinkedHashMap<>();   // offer id -> worker id
        String assignedWorker;
    }

    static final class Worker {
        int capacity;
        Map<String, ChannelConfiguration> channels;
        Set<String> queues;
        Map<String, Object> labels;
        Map<String, Object> tags;
        boolean available;
        final Map<String, Integer> offers = new LinkedHashMap<>();       // offer id -> capacity cost
        final Map<String, Integer> assignments = new LinkedHashMap<>();  // assignment id -> capacity cost
    }

    final Map<String, Job> jobs = new TreeMap<>();
    final Map<String, Worker> workers = new TreeMap<>();
    private long nextSequence = -1;

    @Override
    public void accept(RouterEvent event) {
        if (nextSequence >= 0 && event.sequence() != nextSequence) {
            throw new AssertionError("event " + event + " should be number " + nextSequence);
        }
        nextSequence = event.sequence() + 1;
        if (event instanceof JobReceived e) {
            Job job = new Job();
            job.channel = e.channelId();
            job.queue = e.queueId();
            job.priority = e.priority();
            job.status = e.status();
            job.labels = e.labels();
            job.tags = e.tags();
            jobs.put(e.jobId(), job);
        } else if (event instanceof JobQueued e) {
            Job job = jobs.get(e.jobId());
            job.status = JobStatus.QUEUED;
            job.queue = e.queueId();   // an exception policy's manual reclassify moves a job with this event alone
        } else if (event instanceof JobClassified e) {
            Job job = jobs.get(e.jobId());
            job.queue = e.queueId();
            job.priority = e.priority();
        } else if (event instanceof JobUpdated e) {
            Job job = jobs.get(e.jobId());
            job.priority = e.priority();
            job.labels = e.labels();
            job.tags = e.tags();
        } else if (event instanceof OfferIssued e) {
            jobs.get(e.jobId()).openOffers.put(e.offerId(), e.workerId());
            workers.get(e.workerId()).offers.put(e.offerId(), e.capacityCost());
        } else if (event instanceof OfferAccepted e) {
            Job job = jobs.get(e.jobId());
            job.openOffers.remove(e.offerId());
            job.status = JobStatus.ASSIGNED;
            job.assignedWorker = e.workerId();
            Worker worker = workers.get(e.workerId());
            worker.assignments.put(e.assignmentId(), worker.offers.remove(e.offerId()));
        } else if (event instanceof OfferDeclined e) {
            endOffer(e.jobId(), e.workerId(), e.offerId());
        } else if (event instanceof OfferExpired e) {
            endOffer(e.jobId(), e.workerId(), e.offerId());
        } else if (event instanceof OfferRevoked e) {
            endOffer(e.jobId(), e.workerId(), e.offerId());
        } else if (event instanceof JobCompleted e) {
            jobs.get(e.jobId()).status = JobStatus.COMPLETED;
        } else if (event instanceof JobClosed e) {
            jobs.get(e.jobId()).status = JobStatus.CLOSED;
            workers.get(e.workerId()).assignments.remove(e.assignmentId());
        } else if (event instanceof JobCancelled e) {
            jobs.get(e.jobId()).status = JobStatus.CANCELLED;
            if (e.assignmentId() != null) {
                workers.get(e.workerId()).assignments.remove(e.assignmentId());
            }
        } else if (event instanceof JobDeleted e) {
            jobs.remove(e.jobId());
        } else if (event instanceof JobUnassigned e) {
            jobs.get(e.jobId()).assignedWorker = null;
            workers.get(e.workerId()).assignments.remove(e.assignmentId());
        } else if (event instanceof JobScheduled e) {
            jobs.get(e.jobId()).status = JobStatus.SCHEDULED;
        } else if (event instanceof JobWaitingForActivation e) {
            jobs.get(e.jobId()).status = JobStatus.WAITING_FOR_ACTIVATION;
        } else if (event instanceof WorkerDeleted e) {
            workers.remove(e.workerId());
        } else if (event instanceof WorkerRegistered e) {
            settings(e.workerId(), e.state(), e.capacity(), e.channels(), e.queues(), e.labels(), e.tags());
        } else if (event instanceof WorkerDeregistered e) {
            settings(e.workerId(), e.state(), e.capacity(), e.channels(), e.queues(), e.labels(), e.tags());
        } else if (event instanceof WorkerUpdated e) {
            settings(e.workerId(), e.state(), e.capacity(), e.channels(), e.queues(), e.labels(), e.tags());
        }
    }

    private void endOffer(String jobId, String workerId, String offerId) {
        jobs.get(jobId).openOffers.remove(offerId);
        workers.get(workerId).offers.remove(offerId);
    }

    private void settings(String workerId, WorkerState state, int capacity, Map<String, ChannelConfiguration> channels,
            Set<String> queues, Map<String, Object> labels, Map<String, Object> tags) {
        Worker worker = workers.computeIfAbsent(workerId, id -> new Worker());
        worker.capacity = capacity;
        worker.channels = channels;
        worker.queues = queues;
        worker.labels = labels;
        worker.tags = tags;
        worker.available = state == WorkerState.ACTIVE;
    }
}
