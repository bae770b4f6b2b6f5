package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.command.ClassifyJob;
import dev.jobrouter.core.command.ExpireWorkerSelectors;
import dev.jobrouter.core.command.ReclassifyJob;
import dev.jobrouter.core.event.JobClassificationFailed;
import dev.jobrouter.core.event.JobClassified;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.JobWorkerSelectorsExpired;
import dev.jobrouter.core.internal.routing.Classifier;
import dev.jobrouter.core.internal.routing.Selectors;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.RouterWorkerSelectorStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Classification and worker selectors: classifying a job with its policy (on create, on an update of
 * its labels or policy, on {@link ReclassifyJob}), and the expiry of its selectors.
 */
final class Classification implements Handlers.Family {
    private final RouterState state;
    private final Decider decider;
    private final OfferLifecycle offers;
    private final Classifier classifier;

    Classification(RouterState state, Decider decider, OfferLifecycle offers, Classifier classifier) {
        this.state = state;
        this.decider = decider;
        this.offers = offers;
        this.classifier = classifier;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(ReclassifyJob.class, this::reclassify);
        handlers.on(ExpireWorkerSelectors.class, this::expire);
    }

    RouterJob reclassify(ReclassifyJob command, Transaction tx) {
        RouterJob job = state.job(command.jobId());
        decider.require(tx, command, () -> "job " + job.id() + " is " + job.status()
                + (job.classificationPolicyId() == null ? " without a classification policy" : ""), job, null, null);
        classify(tx, job, job);
        tx.jobsToMatch.add(job.id());
        return state.jobs.get(job.id());
    }

    /**
     * Classifies the job, stored as it is, with its policy: QUEUED in the chosen queue with its
     * priority and attached selectors (JobClassified, JobQueued), or CLASSIFICATION_FAILED
     * (JobClassificationFailed). A job that moves to another queue loses its open offers (they were made
     * under the old queue's policy) and is offered afresh; one whose selectors change loses those that
     * no longer fit.
     *
     * @param scheduled the job as it was before the command (its expiry timer scheduled for it), or
     *     {@code null} for a job the command creates
     */
    void classify(Transaction tx, RouterJob job, RouterJob scheduled) {
        ClassificationPolicy policy = state.classificationPolicies.get(job.classificationPolicyId());
        List<RouterQueue> queues = new ArrayList<>(state.queues.values());
        queues.sort(Comparator.comparing(RouterQueue::id));
        Classifier.Result result = classifier.classify(policy, job, state.requestedQueues.get(job.id()), queues,
                state.sequences::nextRandom);
        Instant now = tx.now();
        RouterJob classified;
        if (result instanceof Classifier.Classified ok) {
            List<RouterWorkerSelector> attached =
                    Selectors.stored("attached worker selector of job " + job.id(), ok.attachedWorkerSelectors(), now);
            boolean entering = job.status() != JobStatus.QUEUED || !ok.queueId().equals(job.queueId());
            classified = Snapshots.routed(job, ok.queueId(), ok.priority(), JobStatus.QUEUED,
                    entering ? now : job.enqueuedAt(), job.requestedWorkerSelectors(), attached);
            decider.require(tx, new ClassifyJob(job.id(), policy.id(), ok.queueId(), ok.priority(), attached, null),
                    () -> "job " + job.id() + " is " + job.status(), classified, null, null);
            state.jobs.put(job.id(), classified);
            tx.publish(new JobClassified(tx.sequence(), now, job.id(), policy.id(), ok.queueId(), ok.priority(), attached));
            tx.publish(new JobQueued(tx.sequence(), now, job.id(), ok.queueId()));
            if (entering) {
                tx.entered(job.id());
            }
            if (scheduled != null && !ok.queueId().equals(scheduled.queueId())) {
                // Its offers were made under the old queue's policy (its expiry, its offer limit): the new queue
                // offers it afresh.
                offers.revokeOpenOffers(tx, job.id());
            } else if (scheduled == null
                    || !scheduled.requestedWorkerSelectors().equals(classified.requestedWorkerSelectors())
                    || !sameSelectors(scheduled.attachedWorkerSelectors(), attached)) {
                offers.revokeUnfitting(tx, classified);   // new selectors cost the offers they make unfit
            }
        } else {
            String reason = ((Classifier.Failed) result).reason();
            classified = Snapshots.routed(job, job.queueId(), job.priority(), JobStatus.CLASSIFICATION_FAILED,
                    job.enqueuedAt(), job.requestedWorkerSelectors(), List.of());
            decider.require(tx, new ClassifyJob(job.id(), policy.id(), null, job.priority(), List.of(), reason),
                    () -> "job " + job.id() + " is " + job.status(), classified, null, null);
            state.jobs.put(job.id(), classified);
            tx.publish(new JobClassificationFailed(tx.sequence(), now, job.id(), policy.id(), reason));
            offers.revokeOpenOffers(tx, job.id());
        }
        rescheduleExpiry(scheduled, classified);
    }

    /** @return whether the lists hold the same selectors, as the caller gave them (stamps aside) */
    private static boolean sameSelectors(List<RouterWorkerSelector> stored, List<RouterWorkerSelector> fresh) {
        if (stored.size() != fresh.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            RouterWorkerSelector a = stored.get(i);
            RouterWorkerSelector b = fresh.get(i);
            if (!a.key().equals(b.key()) || a.labelOperator() != b.labelOperator() || !a.value().equals(b.value())
                    || a.expedite() != b.expedite() || !Objects.equals(a.expiresAfter(), b.expiresAfter())) {
                return false;
            }
        }
        return true;
    }

    /** Expires the job's active selectors due by the timer's instant, and matches the job again. */
    Void expire(ExpireWorkerSelectors timer, Transaction tx) {
        RouterJob job = state.jobs.get(timer.jobId());
        if (job == null || !timer.dueAt().equals(earliestExpiry(job))) {
            return null;
        }
        List<RouterWorkerSelector> expired = new ArrayList<>();
        List<RouterWorkerSelector> requested = expireDue(job.requestedWorkerSelectors(), timer.dueAt(), expired);
        List<RouterWorkerSelector> attached = expireDue(job.attachedWorkerSelectors(), timer.dueAt(), expired);
        RouterJob after = Snapshots.routed(job, job.queueId(), job.priority(), job.status(), job.enqueuedAt(), requested,
                attached);
        decider.decideTimed(tx, timer, after, null, null);
        state.jobs.put(job.id(), after);
        tx.publish(new JobWorkerSelectorsExpired(tx.sequence(), tx.now(), job.id(), List.copyOf(expired)));
        rescheduleExpiry(job, after);
        tx.jobsToMatch.add(job.id());
        return null;
    }

    private static List<RouterWorkerSelector> expireDue(List<RouterWorkerSelector> selectors, Instant dueAt,
            List<RouterWorkerSelector> expired) {
        List<RouterWorkerSelector> result = new ArrayList<>(selectors.size());
        for (RouterWorkerSelector selector : selectors) {
            if (selector.active() && selector.expiresAt() != null && !selector.expiresAt().isAfter(dueAt)) {
                RouterWorkerSelector gone = new RouterWorkerSelector(selector.key(), selector.labelOperator(),
                        selector.value(), selector.expiresAfter(), selector.expedite(), RouterWorkerSelectorStatus.EXPIRED,
                        selector.expiresAt());
                result.add(gone);
                expired.add(gone);
            } else {
                result.add(selector);
            }
        }
        return List.copyOf(result);
    }

    /**
     * Keeps the one expiry timer of a job on the earliest {@code expiresAt} of its active selectors.
     *
     * @param before the job before the change, or {@code null} for a new job
     * @param after the job after it, or {@code null} for a deleted job
     */
    void rescheduleExpiry(RouterJob before, RouterJob after) {
        Instant was = before == null ? null : earliestExpiry(before);
        Instant is = after == null ? null : earliestExpiry(after);
        if (Objects.equals(was, is)) {
            return;
        }
        String jobId = before != null ? before.id() : after.id();
        if (was != null) {
            state.timers.cancel(new ExpireWorkerSelectors(jobId, was));
        }
        if (is != null) {
            state.timers.schedule(new ExpireWorkerSelectors(jobId, is));
        }
    }

    /** @return the earliest {@code expiresAt} among the job's active selectors, or {@code null} */
    static Instant earliestExpiry(RouterJob job) {
        Instant earliest = null;
        for (List<RouterWorkerSelector> selectors : List.of(job.requestedWorkerSelectors(),
                job.attachedWorkerSelectors())) {
            for (RouterWorkerSelector selector : selectors) {
                if (selector.active() && selector.expiresAt() != null
                        && (earliest == null || selector.expiresAt().isBefore(earliest))) {
                    earliest = selector.expiresAt();
                }
            }
        }
        return earliest;
    }
}
