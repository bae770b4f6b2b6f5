package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.command.CancelJob;
import dev.jobrouter.core.command.ExceptionWaitTimeDue;
import dev.jobrouter.core.command.TriggerException;
import dev.jobrouter.core.event.JobExceptionTriggered;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.JobUpdated;
import dev.jobrouter.core.internal.routing.Selectors;
import dev.jobrouter.core.model.CancelExceptionAction;
import dev.jobrouter.core.model.ExceptionAction;
import dev.jobrouter.core.model.ExceptionPolicy;
import dev.jobrouter.core.model.ExceptionRule;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.Labels;
import dev.jobrouter.core.model.ManualReclassifyExceptionAction;
import dev.jobrouter.core.model.QueueLengthExceptionTrigger;
import dev.jobrouter.core.model.ReclassifyExceptionAction;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.WaitTimeExceptionTrigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exception policies at work. A job that enters a queue naming one (created into it, moved into it by
 * classification or by hand, unassigned, queued from a hold: {@link Transaction#entered}) is checked
 * against the queue-length rules at once, and gets one timer for the earliest wait-time rule still to
 * fire. A rule fires at most once per entry, and at most once per job in one command, so a policy that
 * moves a job back into the queue it overflows cannot loop: JobExceptionTriggered, then its actions in
 * order. A cancel runs as a follow-up {@link CancelJob}, decided like the caller's, and ends the actions.
 */
final class Exceptions implements Handlers.Family {
    private static final Logger log = LoggerFactory.getLogger(Exceptions.class);

    private final RouterState state;
    private final Decider decider;
    private final OfferLifecycle offers;
    private final Classification classification;

    Exceptions(RouterState state, Decider decider, OfferLifecycle offers, Classification classification) {
        this.state = state;
        this.decider = decider;
        this.offers = offers;
        this.classification = classification;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(ExceptionWaitTimeDue.class, this::waitTimeDue);
    }

    /**
     * @return whether it looked at any job. Entries that actions cause are looked at in further rounds;
     *     they end, since a round needs a rule that fired, and each rule fires once per job in a command
     */
    boolean run(Transaction tx) {
        boolean any = false;
        while (!tx.jobsEntered.isEmpty()) {
            List<String> entered = new ArrayList<>(tx.jobsEntered);
            tx.jobsEntered.clear();
            for (String jobId : entered) {
                entered(tx, jobId);
            }
            any = true;
        }
        return any;
    }

    /** Forgets the job's entry and its timer: for a job that is cancelled, closed or deleted. */
    void forget(String jobId) {
        QueueEntry entry = state.queueEntries.get(jobId);
        if (entry != null) {
            cancelTimer(jobId, entry);
            state.queueEntries.remove(jobId);
        }
    }

    private void entered(Transaction tx, String jobId) {
        RouterJob job = state.jobs.get(jobId);
        if (job == null || job.status() != JobStatus.QUEUED) {
            return;
        }
        forget(jobId);
        ExceptionPolicy policy = policyOf(job);
        if (policy == null) {
            return;
        }
        state.queueEntries.put(jobId, new QueueEntry(job.queueId(), job.enqueuedAt(), Set.of(), null));
        for (ExceptionRule rule : policy.exceptionRules()) {
            if (rule.trigger() instanceof QueueLengthExceptionTrigger length
                    && !tx.firedInThisCommand(jobId, rule.id())
                    && state.queuedJobs.length(job.queueId()) > length.threshold()
                    && decider.allows(tx, new TriggerException(jobId, job.queueId(), policy.id(), rule.id()), job,
                            null)
                    && !fire(tx, jobId, rule)) {
                return;
            }
        }
        scheduleWaitTime(jobId);
    }

    /** The earliest wait-time rule of the job's entry is due: it fires, with any other due by now. */
    Void waitTimeDue(ExceptionWaitTimeDue timer, Transaction tx) {
        QueueEntry entry = state.queueEntries.get(timer.jobId());
        if (entry == null || !timer.dueAt().equals(entry.timerDueAt())) {
            return null;
        }
        RouterJob job = state.jobs.get(timer.jobId());
        ExceptionPolicy policy = job == null ? null : policyOf(job);
        if (policy == null || job.status() != JobStatus.QUEUED || !entry.isEntry(job.queueId(), job.enqueuedAt())) {
            state.queueEntries.remove(timer.jobId());   // the job left that entry: nothing is due any more
            return null;
        }
        decider.decideTimed(tx, timer, job, null, null);
        state.queueEntries.put(job.id(), withTimer(entry, null));
        for (ExceptionRule rule : policy.exceptionRules()) {
            if (rule.trigger() instanceof WaitTimeExceptionTrigger wait
                    && !state.queueEntries.get(job.id()).firedRuleIds().contains(rule.id())
                    && !tx.firedInThisCommand(job.id(), rule.id())
                    && !job.enqueuedAt().plus(wait.threshold()).isAfter(tx.now())
                    && !fire(tx, job.id(), rule)) {
                return null;
            }
        }
        scheduleWaitTime(job.id());
        return null;
    }

    /**
     * Fires the rule for the job: JobExceptionTriggered, then its actions in order.
     *
     * @return whether the job is still queued in the same entry, so that further rules of it may fire
     */
    private boolean fire(Transaction tx, String jobId, ExceptionRule rule) {
        RouterJob job = state.jobs.get(jobId);
        QueueEntry entry = state.queueEntries.get(jobId);
        Set<String> fired = new HashSet<>(entry.firedRuleIds());
        fired.add(rule.id());
        state.queueEntries.put(jobId, new QueueEntry(entry.queueId(), entry.enqueuedAt(), fired, entry.timerDueAt()));
        tx.exceptionFired(jobId, rule.id());
        tx.publish(new JobExceptionTriggered(tx.sequence(), tx.now(), jobId, job.queueId(), rule.id()));
        for (ExceptionAction action : rule.actions()) {
            if (action instanceof CancelExceptionAction cancel) {
                tx.followUps.add(new CancelJob(jobId, cancel.dispositionCode(), cancel.note()));
                return false;
            } else if (action instanceof ManualReclassifyExceptionAction manual) {
                manualReclassify(tx, state.jobs.get(jobId), manual);
            } else if (action instanceof ReclassifyExceptionAction reclassify) {
                reclassify(tx, state.jobs.get(jobId), reclassify);
            }
        }
        RouterJob after = state.jobs.get(jobId);
        // An action that put the job into a queue anew (a manual reclassify) ends this entry's rules.
        return after.status() == JobStatus.QUEUED && !tx.jobsEntered.contains(jobId)
                && entry.isEntry(after.queueId(), after.enqueuedAt());
    }

    /**
     * Moves the job by hand; it re-enters its (new) queue from now, with its open offers revoked. The
     * queue exists: the policy's upsert checked it, and the rules refuse its deletion while named.
     */
    private void manualReclassify(Transaction tx, RouterJob job, ManualReclassifyExceptionAction action) {
        String queueId = action.queueId() == null ? job.queueId() : action.queueId();
        Instant now = tx.now();
        List<RouterWorkerSelector> requested = new ArrayList<>(job.requestedWorkerSelectors());
        requested.addAll(Selectors.stored("worker selector of job " + job.id(), action.workerSelectors(), now));
        RouterJob moved = Snapshots.routed(job, queueId, action.priority() == null ? job.priority() : action.priority(),
                JobStatus.QUEUED, now, List.copyOf(requested), job.attachedWorkerSelectors());
        state.jobs.put(job.id(), moved);
        if (moved.priority() != job.priority()) {
            // JobQueued names the queue only: without it an event consumer could not learn the new priority.
            tx.publish(new JobUpdated(tx.sequence(), now, job.id(), moved.priority(), moved.labels(), moved.tags(),
                    Map.of(), Map.of()));
        }
        tx.publish(new JobQueued(tx.sequence(), now, job.id(), queueId));
        tx.entered(job.id());
        offers.revokeOpenOffers(tx, job.id());
        classification.rescheduleExpiry(job, moved);
        tx.jobsToMatch.add(job.id());
    }

    /** Upserts the labels and classifies the job with the action's policy, or its own. */
    private void reclassify(Transaction tx, RouterJob job, ReclassifyExceptionAction action) {
        String policyId = action.classificationPolicyId() == null ? job.classificationPolicyId()
                : action.classificationPolicyId();
        if (policyId == null) {
            // The action names no policy and the job has none: nothing to classify with.
            log.warn("reclassify of job {} skipped: neither the action nor the job names a classification policy",
                    job.id());
            return;
        }
        if (job.classificationPolicyId() == null && state.requestedQueues.get(job.id()) == null) {
            state.requestedQueues.put(job.id(), job.queueId());   // the caller's queue, for the fallback
        }
        RouterJob relabelled = Snapshots.withLabelsAndPolicy(job, Labels.merged(job.labels(), action.labelsToUpsert()),
                policyId);
        state.jobs.put(job.id(), relabelled);
        if (!relabelled.labels().equals(job.labels())) {
            // Without it an event consumer could not learn the labels the action set.
            tx.publish(new JobUpdated(tx.sequence(), tx.now(), job.id(), job.priority(), relabelled.labels(),
                    relabelled.tags(), action.labelsToUpsert(), Map.of()));
        }
        classification.classify(tx, state.jobs.get(job.id()), job);
        tx.jobsToMatch.add(job.id());
    }

    /** Sets the job's one timer to its earliest wait-time rule not yet fired, if any. */
    private void scheduleWaitTime(String jobId) {
        RouterJob job = state.jobs.get(jobId);
        QueueEntry entry = state.queueEntries.get(jobId);
        Instant due = null;
        for (ExceptionRule rule : policyOf(job).exceptionRules()) {
            if (rule.trigger() instanceof WaitTimeExceptionTrigger wait && !entry.firedRuleIds().contains(rule.id())) {
                Instant at = entry.enqueuedAt().plus(wait.threshold());
                due = due == null || at.isBefore(due) ? at : due;
            }
        }
        if (due != null) {
            state.timers.schedule(new ExceptionWaitTimeDue(jobId, due));
            state.queueEntries.put(jobId, withTimer(entry, due));
        }
    }

    private void cancelTimer(String jobId, QueueEntry entry) {
        if (entry.timerDueAt() != null) {
            state.timers.cancel(new ExceptionWaitTimeDue(jobId, entry.timerDueAt()));
        }
    }

    private static QueueEntry withTimer(QueueEntry entry, Instant due) {
        return new QueueEntry(entry.queueId(), entry.enqueuedAt(), entry.firedRuleIds(), due);
    }

    private ExceptionPolicy policyOf(RouterJob job) {
        RouterQueue queue = state.queues.get(job.queueId());
        return queue == null || queue.exceptionPolicyId() == null ? null
                : state.exceptionPolicies.get(queue.exceptionPolicyId());
    }
}
