package dev.jobrouter.core.internal.engine;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.CancelJob;
import dev.jobrouter.core.command.CloseJob;
import dev.jobrouter.core.command.CompleteJob;
import dev.jobrouter.core.command.CreateJob;
import dev.jobrouter.core.command.DeleteJob;
import dev.jobrouter.core.command.OfferRetryDue;
import dev.jobrouter.core.command.ReleaseCapacity;
import dev.jobrouter.core.command.UnassignJob;
import dev.jobrouter.core.command.UpdateJob;
import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.event.JobCancelled;
import dev.jobrouter.core.event.JobClosed;
import dev.jobrouter.core.event.JobCompleted;
import dev.jobrouter.core.event.JobDeleted;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.JobReceived;
import dev.jobrouter.core.event.JobUnassigned;
import dev.jobrouter.core.event.JobUpdated;
import dev.jobrouter.core.internal.routing.Selectors;
import dev.jobrouter.core.model.JobMatchingMode;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.Labels;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.QueueAndMatchMode;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobAssignment;
import dev.jobrouter.core.model.RouterJobNote;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.SuspendMode;
import dev.jobrouter.core.model.UnassignJobResult;
import dev.jobrouter.core.rules.Verdict;
import dev.jobrouter.core.time.RouterTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The job commands: upsert (classifying the job when it has a classification policy), complete, close, cancel,
 * delete, and the delayed release of a close.
 */
final class JobLifecycle implements Handlers.Family {
    private final RouterState state;
    private final Decider decider;
    private final OfferLifecycle offers;
    private final Classification classification;
    private final Scheduling scheduling;
    private final Exceptions exceptions;

    JobLifecycle(RouterState state, Decider decider, OfferLifecycle offers, Classification classification,
            Scheduling scheduling, Exceptions exceptions) {
        this.state = state;
        this.decider = decider;
        this.offers = offers;
        this.classification = classification;
        this.scheduling = scheduling;
        this.exceptions = exceptions;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(UpsertJob.class, this::upsert);
        handlers.on(CompleteJob.class, this::complete);
        handlers.on(CloseJob.class, this::close);
        handlers.on(CancelJob.class, this::cancel);
        handlers.on(DeleteJob.class, this::delete);
        handlers.on(ReleaseCapacity.class, this::release);
        handlers.on(UnassignJob.class, this::unassign);
    }

    RouterJob upsert(UpsertJob command, Transaction tx) {
        String jobId = Ids.check("jobId", command.jobId());
        RouterJob current = state.jobs.get(jobId);
        Integer priority = command.priority();
        if (priority != null && (priority < RouterJob.MIN_PRIORITY || priority > RouterJob.MAX_PRIORITY)) {
            throw RouterException.invalid("priority of job " + jobId + " must be between " + RouterJob.MIN_PRIORITY
                    + " and " + RouterJob.MAX_PRIORITY + ", not " + priority);
        }
        Map<String, Object> labels = Labels.checked("label of job " + jobId, command.labels());
        Map<String, Object> tags = Labels.checked("tag of job " + jobId, command.tags());
        return current == null ? create(tx, command, labels, tags) : update(tx, current, command, labels, tags);
    }

    private RouterJob create(Transaction tx, UpsertJob command, Map<String, Object> labels, Map<String, Object> tags) {
        String jobId = command.jobId();
        String channelId = Ids.check("channelId of new job " + jobId, command.channelId());
        String policyId = command.classificationPolicyId();
        String queueId = command.queueId();
        if (queueId == null && policyId == null) {
            throw RouterException.invalid("new job " + jobId + " needs a queue, a classification policy, or both");
        }
        if (queueId != null && state.queues.get(Ids.check("queueId of new job " + jobId, queueId)) == null) {
            throw RouterException.invalid("job " + jobId + " names queue " + queueId + ", which does not exist");
        }
        checkPolicy(jobId, policyId);
        Instant now = tx.now();
        List<RouterWorkerSelector> selectors = Selectors.stored("worker selector of job " + jobId,
                command.workerSelectors() == null ? List.of() : command.workerSelectors(), now);
        int priority = command.priority() == null ? RouterJob.DEFAULT_PRIORITY : command.priority();
        JobMatchingMode mode = command.matchingMode() == null ? new QueueAndMatchMode() : command.matchingMode();
        Scheduling.check(jobId, mode);
        boolean held = Scheduling.holds(mode);
        JobStatus status = held ? Scheduling.heldStatus(mode, now)
                : policyId == null ? JobStatus.QUEUED : JobStatus.PENDING_CLASSIFICATION;
        List<RouterJobNote> notes = command.note() == null ? List.of() : List.of(new RouterJobNote(command.note(), now));
        RouterJob job = new RouterJob(jobId, channelId, queueId, priority, status, now, labels, tags,
                ImmutableMap.of(), notes, null, policyId, selectors, List.of(), mode,
                held ? Scheduling.scheduledAt(mode, now, null) : null, command.channelReference(), null);
        decider.require(tx, new CreateJob(jobId, channelId, queueId, priority, labels, tags),
                () -> "job " + jobId + " is new", job, null, null);
        state.arrivals.put(jobId, state.sequences.nextArrival());
        if (policyId != null && queueId != null) {
            state.requestedQueues.put(jobId, queueId);
        }
        state.jobs.put(jobId, job);
        tx.publish(new JobReceived(tx.sequence(), now, jobId, channelId, queueId, priority, labels, tags, job.status()));
        if (held) {
            // Held jobs are classified when they are switched to queue-and-match, as they enter a queue.
            scheduling.held(tx, state.jobs.get(jobId));
            classification.rescheduleExpiry(null, job);
        } else if (policyId == null) {
            tx.publish(new JobQueued(tx.sequence(), now, jobId, queueId));
            tx.entered(jobId);
            classification.rescheduleExpiry(null, job);
        } else {
            classification.classify(tx, job, null);
        }
        tx.jobsToMatch.add(jobId);
        return state.jobs.get(jobId);
    }

    private RouterJob update(Transaction tx, RouterJob current, UpsertJob command, Map<String, Object> labels,
            Map<String, Object> tags) {
        String jobId = current.id();
        unchangeable(jobId, "channel", current.channelId(), command.channelId());
        unchangeable(jobId, "queue", current.queueId(), command.queueId());
        checkPolicy(jobId, command.classificationPolicyId());
        int priority = command.priority() == null ? current.priority() : command.priority();
        String policyId = command.classificationPolicyId() == null ? current.classificationPolicyId()
                : command.classificationPolicyId();
        List<RouterWorkerSelector> requested = command.workerSelectors() == null ? current.requestedWorkerSelectors()
                : Selectors.stored("worker selector of job " + jobId, command.workerSelectors(), tx.now());
        Map<String, Object> keptLabels = Labels.without("label of job " + jobId, current.labels(), command.removedLabels());
        Map<String, Object> keptTags = Labels.without("tag of job " + jobId, current.tags(), command.removedTags());
        RouterJob job = Snapshots.withOutcome(new RouterJob(jobId, current.channelId(), current.queueId(), priority,
                current.status(), current.enqueuedAt(), Labels.merged(keptLabels, labels), Labels.merged(keptTags, tags),
                current.assignments(), current.notes(), current.dispositionCode(), policyId, requested,
                current.attachedWorkerSelectors(), current.matchingMode(), current.scheduledAt(),
                command.channelReference() == null ? current.channelReference() : command.channelReference(),
                current.etag()), command.note(), tx.now(), null);
        decider.require(tx, new UpdateJob(jobId, command.priority(), labels, tags),
                () -> "job " + jobId + " is " + current.status(), job, null, null);
        state.jobs.put(jobId, job);
        tx.publish(new JobUpdated(tx.sequence(), tx.now(), jobId, priority, job.labels(), job.tags(), labels, tags));
        boolean policyChanged = !Objects.equals(policyId, current.classificationPolicyId());
        boolean labelsChanged = !labels.isEmpty() || !command.removedLabels().isEmpty();
        if (policyId != null && (policyChanged || labelsChanged)
                && (job.status() == JobStatus.QUEUED || job.status() == JobStatus.CLASSIFICATION_FAILED)) {
            classification.classify(tx, job, current);
        } else {
            if (command.workerSelectors() != null && job.status() == JobStatus.QUEUED) {
                offers.revokeUnfitting(tx, job);
            }
            classification.rescheduleExpiry(current, job);
        }
        JobMatchingMode mode = command.matchingMode();
        if (mode != null && !mode.equals(current.matchingMode())) {
            Scheduling.check(jobId, mode);
            scheduling.switchMode(tx, current, state.jobs.get(jobId), mode);
        }
        tx.jobsToMatch.add(jobId);
        return state.jobs.get(jobId);
    }

    private void checkPolicy(String jobId, String policyId) {
        if (policyId != null && state.classificationPolicies.get(Ids.check("classificationPolicyId of job " + jobId,
                policyId)) == null) {
            throw RouterException.invalid("job " + jobId + " names classification policy " + policyId
                    + ", which does not exist");
        }
    }

    RouterJob complete(CompleteJob command, Transaction tx) {
        RouterJob job = state.job(command.jobId());
        RouterJobAssignment assignment = assignmentOf(job, command.assignmentId());
        decider.require(tx, command, () -> describe(job), job, state.workers.get(assignment.workerId()), null);
        RouterJob completed = Snapshots.withOutcome(markCompleted(tx, job, assignment, command.note()), command.note(),
                tx.now(), null);
        return state.jobs.put(job.id(), completed);
    }

    RouterJob close(CloseJob command, Transaction tx) {
        if (command.closeAt() != null) {
            RouterTime.checked("closeAt", command.closeAt());
        }
        RouterJob job = state.job(command.jobId());
        RouterJobAssignment assignment = assignmentOf(job, command.assignmentId());
        Verdict verdict = decider.require(tx, command, () -> describe(job), job,
                state.workers.get(assignment.workerId()), null);
        Instant now = tx.now();
        Instant releaseAt = verdict.releaseAt() == null || verdict.releaseAt().isBefore(now) ? now
                : Decider.chosenInstant(verdict, verdict.releaseAt(), "release instant");

        RouterJob closing = job.status() == JobStatus.ASSIGNED ? markCompleted(tx, job, assignment, null) : job;
        RouterJobAssignment releasing = closing.assignments().get(assignment.assignmentId()).releasingAt(releaseAt);
        closing = Snapshots.withOutcome(Snapshots.withAssignment(closing, releasing), command.note(), now,
                command.dispositionCode());
        state.jobs.put(job.id(), closing);
        if (releaseAt.equals(now)) {
            release(tx, closing, releasing);
        } else {
            state.timers.schedule(new ReleaseCapacity(job.id(), assignment.assignmentId(), releaseAt));
        }
        return state.jobs.get(job.id());
    }

    /**
     * Hands an assigned job back: its worker's capacity is released, and the job re-enters its queue
     * ({@code enqueuedAt} now) or, with {@code suspendMatching}, waits for activation in SuspendMode.
     */
    UnassignJobResult unassign(UnassignJob command, Transaction tx) {
        RouterJob job = state.job(command.jobId());
        RouterJobAssignment assignment = assignmentOf(job, command.assignmentId());
        decider.require(tx, command, () -> describe(job) + " and was unassigned " + job.unassignmentCount() + " times",
                job, state.workers.get(assignment.workerId()), null);
        Instant now = tx.now();
        releaseWorker(tx, assignment);   // only an ASSIGNED job gets here, so no close is pending
        RouterJob handedBack = Snapshots.withAssignment(job, assignment.unassigned(now));
        JobMatchingMode mode = command.suspendMatching() ? new SuspendMode() : handedBack.matchingMode();
        RouterJob stored = state.jobs.put(job.id(), Snapshots.withMode(handedBack,
                command.suspendMatching() ? JobStatus.WAITING_FOR_ACTIVATION : JobStatus.QUEUED, mode,
                handedBack.scheduledAt(), now));
        int count = stored.unassignmentCount();
        tx.publish(new JobUnassigned(tx.sequence(), now, job.id(), assignment.assignmentId(), assignment.workerId(),
                count));
        if (command.suspendMatching()) {
            scheduling.held(tx, stored);
        } else {
            tx.publish(new JobQueued(tx.sequence(), now, job.id(), job.queueId()));
            tx.entered(job.id());
            tx.jobsToMatch.add(job.id());
        }
        return new UnassignJobResult(job.id(), count);
    }

    /** Applies a delayed release, if the close it belongs to is still pending. */
    Void release(ReleaseCapacity timer, Transaction tx) {
        RouterJob job = state.jobs.get(timer.jobId());
        if (job == null || !job.closePending()) {
            return null;
        }
        RouterJobAssignment assignment = job.assignments().get(timer.assignmentId());
        if (assignment == null || !timer.dueAt().equals(assignment.releaseAt())) {
            return null;
        }
        decider.decideTimed(tx, timer, job, state.workers.get(assignment.workerId()), null);
        release(tx, job, assignment);
        return null;
    }

    RouterJob cancel(CancelJob command, Transaction tx) {
        RouterJob job = state.job(command.jobId());
        RouterJobAssignment held = job.currentAssignment().orElse(null);
        RouterWorker worker = held == null ? null : state.workers.get(held.workerId());
        decider.require(tx, command, () -> describe(job), job, worker, null);
        Instant now = tx.now();
        scheduling.forget(job);
        exceptions.forget(job.id());
        if (held != null) {
            if (held.closePending()) {
                state.timers.cancel(new ReleaseCapacity(job.id(), held.assignmentId(), held.releaseAt()));
            }
            releaseWorker(tx, held);
        }
        String code = command.dispositionCode() == null ? CancelJob.DEFAULT_DISPOSITION_CODE : command.dispositionCode();
        RouterJob cancelled = Snapshots.withOutcome(Snapshots.withStatus(job, JobStatus.CANCELLED), command.note(), now,
                code);
        state.jobs.put(job.id(), cancelled);
        tx.publish(new JobCancelled(tx.sequence(), now, job.id(), code, command.note(),
                held == null ? null : held.assignmentId(), held == null ? null : held.workerId()));
        offers.revokeOpenOffers(tx, job.id());
        return state.jobs.get(job.id());
    }

    Void delete(DeleteJob command, Transaction tx) {
        RouterJob job = state.job(command.jobId());
        decider.require(tx, command, () -> describe(job), job, null, null);
        offers.revokeOpenOffers(tx, job.id());
        for (RouterJobOffer offer : state.offersOf(job.id())) {
            if (offer.status() == OfferStatus.DECLINED) {
                forgetDecline(offer.workerId(), job.id());
            }
            state.offers.remove(offer.offerId());
        }
        classification.rescheduleExpiry(job, null);
        scheduling.forget(job);
        exceptions.forget(job.id());
        state.jobs.remove(job.id());
        state.arrivals.remove(job.id());
        state.requestedQueues.remove(job.id());
        tx.publish(new JobDeleted(tx.sequence(), tx.now(), job.id()));
        return null;
    }

    private void forgetDecline(String workerId, String jobId) {
        ImmutableMap<String, Instant> declined = state.declines.get(workerId);
        if (declined == null || !declined.containsKey(jobId)) {
            return;
        }
        state.timers.cancel(new OfferRetryDue(jobId, workerId, declined.get(jobId)));
        ImmutableMap.Builder<String, Instant> rest = ImmutableMap.builder();
        declined.forEach((id, retryAt) -> {
            if (!id.equals(jobId)) {
                rest.put(id, retryAt);
            }
        });
        ImmutableMap<String, Instant> remaining = rest.build();
        if (remaining.isEmpty()) {
            state.declines.remove(workerId);
        } else {
            state.declines.put(workerId, remaining);
        }
    }

    /** @return the job COMPLETED with the assignment's completion time set; publishes JobCompleted */
    private RouterJob markCompleted(Transaction tx, RouterJob job, RouterJobAssignment assignment, String note) {
        Instant now = tx.now();
        RouterJob completed = Snapshots.withStatus(Snapshots.withAssignment(job, assignment.completed(now)),
                JobStatus.COMPLETED);
        tx.publish(new JobCompleted(tx.sequence(), now, job.id(), assignment.assignmentId(), assignment.workerId(), note));
        return completed;
    }

    private void release(Transaction tx, RouterJob job, RouterJobAssignment assignment) {
        Instant now = tx.now();
        exceptions.forget(job.id());
        releaseWorker(tx, assignment);
        state.jobs.put(job.id(),
                Snapshots.withStatus(Snapshots.withAssignment(job, assignment.closed(now)), JobStatus.CLOSED));
        tx.publish(new JobClosed(tx.sequence(), now, job.id(), assignment.assignmentId(), assignment.workerId(),
                job.dispositionCode()));
    }

    private void releaseWorker(Transaction tx, RouterJobAssignment assignment) {
        RouterWorker worker = state.workers.get(assignment.workerId());
        state.workers.put(worker.id(), Snapshots.withoutAssignment(worker, assignment.assignmentId(), tx.now()));
        tx.workersToMatch.add(worker.id());
    }


    private static RouterJobAssignment assignmentOf(RouterJob job, String assignmentId) {
        RouterJobAssignment assignment = job.assignments().get(Ids.check("assignmentId", assignmentId));
        if (assignment == null) {
            throw RouterException.notFound("job " + job.id() + " has no assignment " + assignmentId);
        }
        if (assignment.unassignedAt() != null) {
            throw RouterException.notFound("job " + job.id() + " has no current assignment " + assignmentId
                    + ": it was unassigned at " + assignment.unassignedAt());
        }
        return assignment;
    }

    private static void unchangeable(String jobId, String what, String current, String requested) {
        if (requested != null && !requested.equals(current)) {
            throw RouterException.invalid("the " + what + " of job " + jobId + " is " + current
                    + " and cannot change to " + requested);
        }
    }

    private static String describe(RouterJob job) {
        return "job " + job.id() + " is " + job.status() + (job.closePending() ? " with a pending close" : "");
    }
}
