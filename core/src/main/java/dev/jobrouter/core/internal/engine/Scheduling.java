package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.command.ActivateJob;
import dev.jobrouter.core.command.SwitchMatchingMode;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.JobScheduled;
import dev.jobrouter.core.event.JobWaitingForActivation;
import dev.jobrouter.core.model.JobMatchingMode;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.QueueAndMatchMode;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.ScheduleAndSuspendMode;
import dev.jobrouter.core.time.RouterTime;
import java.time.Instant;

/**
 * Matching modes: a job scheduled for later or suspended is held out of matching (SCHEDULED, then
 * WAITING_FOR_ACTIVATION) until its caller switches it to queue-and-match, which queues it at once.
 * Scheduling is synchronous, so PENDING_SCHEDULE and SCHEDULE_FAILED are never produced.
 */
final class Scheduling implements Handlers.Family {
    private final RouterState state;
    private final Decider decider;
    private final OfferLifecycle offers;
    private final Classification classification;

    Scheduling(RouterState state, Decider decider, OfferLifecycle offers, Classification classification) {
        this.state = state;
        this.decider = decider;
        this.offers = offers;
        this.classification = classification;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(ActivateJob.class, this::activate);
    }

    /** @throws dev.jobrouter.core.RouterException INVALID_ARGUMENT for a schedule without a usable instant */
    static void check(String jobId, JobMatchingMode mode) {
        if (mode instanceof ScheduleAndSuspendMode schedule) {
            RouterTime.checked("scheduleAt of job " + jobId, schedule.scheduleAt());
        }
    }

    /** @return whether the mode holds a job out of matching */
    static boolean holds(JobMatchingMode mode) {
        return !(mode instanceof QueueAndMatchMode);
    }

    /** @return the status a job entering the mode gets now: SCHEDULED before its instant, else WAITING_FOR_ACTIVATION */
    static JobStatus heldStatus(JobMatchingMode mode, Instant now) {
        return mode instanceof ScheduleAndSuspendMode schedule && schedule.scheduleAt().isAfter(now)
                ? JobStatus.SCHEDULED : JobStatus.WAITING_FOR_ACTIVATION;
    }

    /** @return the instant the job's schedule named, when a job waiting in the mode from now has one */
    static Instant scheduledAt(JobMatchingMode mode, Instant now, Instant current) {
        return mode instanceof ScheduleAndSuspendMode schedule && !schedule.scheduleAt().isAfter(now)
                ? schedule.scheduleAt() : current;
    }

    /** Publishes what a job just stored in a holding mode is waiting for, and sets its timer. */
    void held(Transaction tx, RouterJob job) {
        if (job.status() == JobStatus.SCHEDULED) {
            Instant scheduleAt = ((ScheduleAndSuspendMode) job.matchingMode()).scheduleAt();
            state.timers.schedule(new ActivateJob(job.id(), scheduleAt));
            tx.publish(new JobScheduled(tx.sequence(), tx.now(), job.id(), scheduleAt));
        } else {
            tx.publish(new JobWaitingForActivation(tx.sequence(), tx.now(), job.id(), job.scheduledAt()));
        }
    }

    /**
     * Switches a stored job to another matching mode, decided as {@link SwitchMatchingMode}. To
     * queue-and-match: queued at once (classified first when it has a policy), keeping its
     * {@code scheduledAt}. To a holding mode: its open offers are revoked and it is held.
     *
     * @param before the job as it was before the command, for the timer it may have
     */
    void switchMode(Transaction tx, RouterJob before, RouterJob job, JobMatchingMode mode) {
        decider.require(tx, new SwitchMatchingMode(job.id(), mode), () -> "job " + job.id() + " is " + job.status(),
                job, null, null);
        forget(before);
        Instant now = tx.now();
        if (!holds(mode)) {
            RouterJob queueing = Snapshots.withMode(job, job.classificationPolicyId() == null ? JobStatus.QUEUED
                    : JobStatus.PENDING_CLASSIFICATION, mode, job.scheduledAt(), now);
            state.jobs.put(job.id(), queueing);
            if (queueing.classificationPolicyId() == null) {
                tx.publish(new JobQueued(tx.sequence(), now, job.id(), job.queueId()));
                tx.entered(job.id());
            } else {
                classification.classify(tx, state.jobs.get(job.id()), before);
            }
            tx.jobsToMatch.add(job.id());
            return;
        }
        RouterJob held = state.jobs.put(job.id(), Snapshots.withMode(job, heldStatus(mode, now), mode,
                scheduledAt(mode, now, job.scheduledAt()), job.enqueuedAt()));
        offers.revokeOpenOffers(tx, job.id());
        held(tx, held);
    }

    /** Cancels the activation timer a job in the state given may have; for a switch, a cancel or a delete. */
    void forget(RouterJob job) {
        if (job != null && job.status() == JobStatus.SCHEDULED
                && job.matchingMode() instanceof ScheduleAndSuspendMode schedule) {
            state.timers.cancel(new ActivateJob(job.id(), schedule.scheduleAt()));
        }
    }

    /** A scheduled job's instant came: it waits for activation from now. */
    Void activate(ActivateJob timer, Transaction tx) {
        RouterJob job = state.jobs.get(timer.jobId());
        if (job == null || job.status() != JobStatus.SCHEDULED
                || !(job.matchingMode() instanceof ScheduleAndSuspendMode schedule)
                || !schedule.scheduleAt().equals(timer.dueAt())) {
            return null;
        }
        RouterJob waiting = Snapshots.withMode(job, JobStatus.WAITING_FOR_ACTIVATION, schedule, timer.dueAt(),
                job.enqueuedAt());
        decider.decideTimed(tx, timer, waiting, null, null);
        held(tx, state.jobs.put(job.id(), waiting));
        return null;
    }
}
