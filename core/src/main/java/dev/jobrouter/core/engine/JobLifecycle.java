package dev.jobrouter.core.engine;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.CancelJob;
import dev.jobrouter.core.command.CloseJob;
import dev.jobrouter.core.command.CompleteJob;
import dev.jobrouter.core.command.CreateJob;
import dev.jobrouter.core.command.DeleteJob;
import dev.jobrouter.core.command.OfferRetryDue;
import dev.jobrouter.core.command.ReleaseCapacity;
import dev.jobrouter.core.command.UpdateJob;
import dev.jobrouter.core.event.JobCancelled;
import dev.jobrouter.core.event.JobClosed;
import dev.jobrouter.core.event.JobCompleted;
import dev.jobrouter.core.event.JobDeleted;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.JobReceived;
import dev.jobrouter.core.event.JobUpdated;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.Labels;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobAssignment;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.rules.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Creates jobs and moves them through complete, close, cancel and delete. */
final class JobLifecycle {
    private final Context ctx;
    private final OfferLifecycle offers;

    JobLifecycle(Context ctx, OfferLifecycle offers) {
        this.ctx = ctx;
        this.offers = offers;
    }

    RouterJob upsert(JobSpec spec) {
        String jobId = Ids.check("jobId", spec.jobId());
        RouterJob current = ctx.state.jobs.get(jobId);
        if (spec.priority() != null && (spec.priority() < RouterJob.MIN_PRIORITY || spec.priority() > RouterJob.MAX_PRIORITY)) {
            throw RouterException.invalid("priority of job " + jobId + " must be between " + RouterJob.MIN_PRIORITY
                    + " and " + RouterJob.MAX_PRIORITY + ", not " + spec.priority());
        }
        Map<String, Object> labels = Labels.checked("label of job " + jobId, spec.labels());
        Map<String, Object> tags = Labels.checked("tag of job " + jobId, spec.tags());
        return current == null ? create(jobId, spec, labels, tags) : update(current, spec, labels, tags);
    }

    private RouterJob create(String jobId, JobSpec spec, Map<String, Object> labels, Map<String, Object> tags) {
        String channelId = Ids.check("channelId of new job " + jobId, spec.channelId());
        String queueId = Ids.check("queueId of new job " + jobId, spec.queueId());
        if (ctx.state.queues.get(queueId) == null) {
            throw RouterException.invalid("job " + jobId + " names queue " + queueId + ", which does not exist");
        }
        int priority = spec.priority() == null ? RouterJob.DEFAULT_PRIORITY : spec.priority();
        Instant now = ctx.now();
        RouterJob job = new RouterJob(jobId, channelId, queueId, priority, JobStatus.QUEUED, now, labels, tags,
                ImmutableMap.of(), List.of(), null);
        ctx.decider.require(new CreateJob(jobId, channelId, queueId, priority, labels, tags),
                () -> "job " + jobId + " is new", job, null, null);
        ctx.state.jobs.put(jobId, job);
        ctx.publish(new JobReceived(now, jobId, channelId, queueId, priority));
        ctx.publish(new JobQueued(now, jobId, queueId));
        ctx.jobsToMatch.add(jobId);
        return job;
    }

    private RouterJob update(RouterJob current, JobSpec spec, Map<String, Object> labels, Map<String, Object> tags) {
        String jobId = current.id();
        unchangeable(jobId, "channel", current.channelId(), spec.channelId());
        unchangeable(jobId, "queue", current.queueId(), spec.queueId());
        int priority = spec.priority() == null ? current.priority() : spec.priority();
        RouterJob job = new RouterJob(jobId, current.channelId(), current.queueId(), priority, current.status(),
                current.enqueuedAt(), Labels.merged(current.labels(), labels), Labels.merged(current.tags(), tags),
                current.assignments(), current.notes(), current.dispositionCode());
        ctx.decider.require(new UpdateJob(jobId, spec.priority(), labels, tags),
                () -> "job " + jobId + " is " + current.status(), job, null, null);
        ctx.state.jobs.put(jobId, job);
        ctx.publish(new JobUpdated(ctx.now(), jobId));
        ctx.jobsToMatch.add(jobId);
        return job;
    }

    RouterJob complete(String jobId, String assignmentId, String note) {
        RouterJob job = ctx.job(jobId);
        RouterJobAssignment assignment = assignmentOf(job, assignmentId);
        ctx.decider.require(new CompleteJob(jobId, assignmentId, note), () -> describe(job), job,
                ctx.state.workers.get(assignment.workerId()), null);
        RouterJob completed = markCompleted(job, assignment);
        completed = Snapshots.withOutcome(completed, note, ctx.now(), null);
        ctx.state.jobs.put(jobId, completed);
        return completed;
    }

    RouterJob close(String jobId, String assignmentId, String dispositionCode, Instant closeAt, String note) {
        RouterJob job = ctx.job(jobId);
        RouterJobAssignment assignment = assignmentOf(job, assignmentId);
        Verdict verdict = ctx.decider.require(new CloseJob(jobId, assignmentId, dispositionCode, closeAt, note),
                () -> describe(job), job, ctx.state.workers.get(assignment.workerId()), null);
        Instant now = ctx.now();
        Instant releaseAt = verdict.releaseAt() == null || verdict.releaseAt().isBefore(now) ? now : verdict.releaseAt();

        RouterJob closing = job.status() == JobStatus.ASSIGNED ? markCompleted(job, assignment) : job;
        RouterJobAssignment releasing = closing.assignments().get(assignmentId).releasingAt(releaseAt);
        closing = Snapshots.withOutcome(Snapshots.withAssignment(closing, releasing), note, now, dispositionCode);
        ctx.state.jobs.put(jobId, closing);
        if (releaseAt.equals(now)) {
            release(closing, releasing);
        } else {
            ctx.timers.schedule(new ReleaseCapacity(jobId, assignmentId, releaseAt));
        }
        return ctx.state.jobs.get(jobId);
    }

    /** Applies a delayed release, if the close it belongs to is still pending. */
    void release(ReleaseCapacity timer) {
        RouterJob job = ctx.state.jobs.get(timer.jobId());
        if (job == null || !job.closePending()) {
            return;
        }
        RouterJobAssignment assignment = job.assignments().get(timer.assignmentId());
        if (assignment == null || !timer.dueAt().equals(assignment.releaseAt())) {
            return;
        }
        ctx.decider.decideTimed(timer, job, ctx.state.workers.get(assignment.workerId()), null);
        release(job, assignment);
    }

    RouterJob cancel(String jobId, String dispositionCode, String note) {
        RouterJob job = ctx.job(jobId);
        RouterWorker worker = job.currentAssignment().map(a -> ctx.state.workers.get(a.workerId())).orElse(null);
        ctx.decider.require(new CancelJob(jobId, dispositionCode, note), () -> describe(job), job, worker, null);
        Instant now = ctx.now();
        job.currentAssignment().ifPresent(assignment -> {
            if (assignment.closePending()) {
                ctx.timers.cancel(new ReleaseCapacity(jobId, assignment.assignmentId(), assignment.releaseAt()));
            }
            releaseWorker(assignment, now);
        });
        String code = dispositionCode == null ? CancelJob.DEFAULT_DISPOSITION_CODE : dispositionCode;
        RouterJob cancelled = Snapshots.withOutcome(Snapshots.withStatus(job, JobStatus.CANCELLED), note, now, code);
        ctx.state.jobs.put(jobId, cancelled);
        ctx.publish(new JobCancelled(now, jobId, code));
        offers.revokeOpenOffers(jobId);
        return cancelled;
    }

    void delete(String jobId) {
        RouterJob job = ctx.job(jobId);
        ctx.decider.require(new DeleteJob(jobId), () -> describe(job), job, null, null);
        offers.revokeOpenOffers(jobId);
        for (RouterJobOffer offer : ctx.state.offersOf(jobId)) {
            if (offer.status() == OfferStatus.DECLINED) {
                forgetDecline(offer.workerId(), jobId);
            }
            ctx.state.offers.remove(offer.offerId());
        }
        ctx.state.jobs.remove(jobId);
        ctx.publish(new JobDeleted(ctx.now(), jobId));
    }

    private void forgetDecline(String workerId, String jobId) {
        ImmutableMap<String, Instant> declined = ctx.state.declines.get(workerId);
        if (declined == null || !declined.containsKey(jobId)) {
            return;
        }
        ctx.timers.cancel(new OfferRetryDue(jobId, workerId, declined.get(jobId)));
        ImmutableMap.Builder<String, Instant> rest = ImmutableMap.builder();
        declined.forEach((id, retryAt) -> {
            if (!id.equals(jobId)) {
                rest.put(id, retryAt);
            }
        });
        ctx.state.declines.put(workerId, rest.build());
    }

    /** @return the job COMPLETED with the assignment's completion time set; publishes JobCompleted */
    private RouterJob markCompleted(RouterJob job, RouterJobAssignment assignment) {
        Instant now = ctx.now();
        RouterJob completed = Snapshots.withStatus(Snapshots.withAssignment(job, assignment.completed(now)),
                JobStatus.COMPLETED);
        ctx.publish(new JobCompleted(now, job.id(), assignment.assignmentId(), assignment.workerId()));
        return completed;
    }

    private void release(RouterJob job, RouterJobAssignment assignment) {
        Instant now = ctx.now();
        releaseWorker(assignment, now);
        ctx.state.jobs.put(job.id(),
                Snapshots.withStatus(Snapshots.withAssignment(job, assignment.closed(now)), JobStatus.CLOSED));
        ctx.publish(new JobClosed(now, job.id(), assignment.assignmentId(), assignment.workerId(), job.dispositionCode()));
    }

    private void releaseWorker(RouterJobAssignment assignment, Instant now) {
        RouterWorker worker = ctx.state.workers.get(assignment.workerId());
        ctx.state.workers.put(worker.id(), Snapshots.withoutAssignment(worker, assignment.assignmentId(), now));
        ctx.workersToMatch.add(worker.id());
    }

    private static RouterJobAssignment assignmentOf(RouterJob job, String assignmentId) {
        RouterJobAssignment assignment = job.assignments().get(Ids.check("assignmentId", assignmentId));
        if (assignment == null) {
            throw RouterException.notFound("job " + job.id() + " has no assignment " + assignmentId);
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
