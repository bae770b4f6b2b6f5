package dev.jobrouter.core.internal.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.ExceptionPolicy;
import dev.jobrouter.core.model.JobMatchingMode;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobAssignment;
import dev.jobrouter.core.model.RouterJobNote;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerAssignment;
import dev.jobrouter.core.model.RouterWorkerSelector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Copies of the immutable snapshots with one part changed. */
final class Snapshots {
    private Snapshots() {}

    static final Etagged<RouterJob> JOBS = new Etagged<>(RouterJob::etag, (job, etag) -> new RouterJob(job.id(),
            job.channelId(), job.queueId(), job.priority(), job.status(), job.enqueuedAt(), job.labels(), job.tags(),
            job.assignments(), job.notes(), job.dispositionCode(), job.classificationPolicyId(),
            job.requestedWorkerSelectors(), job.attachedWorkerSelectors(), job.matchingMode(), job.scheduledAt(), job.channelReference(),
            etag));
    static final Etagged<RouterWorker> WORKERS = new Etagged<>(RouterWorker::etag, (worker, etag) -> new RouterWorker(
            worker.id(), worker.capacity(), worker.channels(), worker.queues(), worker.labels(), worker.tags(),
            worker.availableForOffers(), worker.offers(), worker.assignedJobs(), worker.idleSince(),
            worker.maxConcurrentOffers(), etag));
    static final Etagged<RouterQueue> QUEUES = new Etagged<>(RouterQueue::etag, (queue, etag) -> new RouterQueue(
            queue.id(), queue.name(), queue.distributionPolicyId(), queue.labels(), queue.exceptionPolicyId(), etag));
    static final Etagged<DistributionPolicy> DISTRIBUTION_POLICIES = new Etagged<>(DistributionPolicy::etag,
            (policy, etag) -> new DistributionPolicy(policy.id(), policy.name(), policy.offerExpiresAfter(),
                    policy.mode(), policy.minConcurrentOffers(), policy.maxConcurrentOffers(), policy.bypassSelectors(),
                    policy.scoringRule(), policy.scoringRuleOptions(), etag));
    static final Etagged<ExceptionPolicy> EXCEPTION_POLICIES = new Etagged<>(ExceptionPolicy::etag,
            (policy, etag) -> new ExceptionPolicy(policy.id(), policy.name(), policy.exceptionRules(), etag));
    static final Etagged<ClassificationPolicy> CLASSIFICATION_POLICIES = new Etagged<>(ClassificationPolicy::etag,
            (policy, etag) -> new ClassificationPolicy(policy.id(), policy.name(), policy.fallbackQueueId(),
                    policy.queueSelectorAttachments(), policy.prioritizationRule(), policy.workerSelectorAttachments(),
                    etag));

    static RouterJob withStatus(RouterJob job, JobStatus status) {
        return new RouterJob(job.id(), job.channelId(), job.queueId(), job.priority(), status, job.enqueuedAt(),
                job.labels(), job.tags(), job.assignments(), job.notes(), job.dispositionCode(),
                job.classificationPolicyId(), job.requestedWorkerSelectors(), job.attachedWorkerSelectors(), job.matchingMode(),
                job.scheduledAt(), job.channelReference(), job.etag());
    }

    /** @return the job in its (new) queue with its (new) priority, status and selectors, from {@code enqueuedAt} */
    static RouterJob routed(RouterJob job, String queueId, int priority, JobStatus status, Instant enqueuedAt,
            List<RouterWorkerSelector> requested, List<RouterWorkerSelector> attached) {
        return new RouterJob(job.id(), job.channelId(), queueId, priority, status, enqueuedAt, job.labels(), job.tags(),
                job.assignments(), job.notes(), job.dispositionCode(), job.classificationPolicyId(), requested, attached, job.matchingMode(),
                job.scheduledAt(), job.channelReference(), job.etag());
    }

    /** @return the job with its labels replaced and its classification policy set */
    static RouterJob withLabelsAndPolicy(RouterJob job, Map<String, Object> labels, String classificationPolicyId) {
        return new RouterJob(job.id(), job.channelId(), job.queueId(), job.priority(), job.status(), job.enqueuedAt(),
                labels, job.tags(), job.assignments(), job.notes(), job.dispositionCode(), classificationPolicyId,
                job.requestedWorkerSelectors(), job.attachedWorkerSelectors(), job.matchingMode(), job.scheduledAt(),
                job.channelReference(), job.etag());
    }

    /** @return the job in the matching mode, with its status, {@code scheduledAt} and {@code enqueuedAt} */
    static RouterJob withMode(RouterJob job, JobStatus status, JobMatchingMode mode, Instant scheduledAt,
            Instant enqueuedAt) {
        return new RouterJob(job.id(), job.channelId(), job.queueId(), job.priority(), status, enqueuedAt,
                job.labels(), job.tags(), job.assignments(), job.notes(), job.dispositionCode(),
                job.classificationPolicyId(), job.requestedWorkerSelectors(), job.attachedWorkerSelectors(), mode,
                scheduledAt, job.channelReference(), job.etag());
    }

    static RouterJob withAssignment(RouterJob job, RouterJobAssignment assignment) {
        Map<String, RouterJobAssignment> current = job.assignments();
        // Nearly every job has one assignment, replaced as it moves on: build that map directly.
        ImmutableMap<String, RouterJobAssignment> assignments =
                current.isEmpty() || (current.size() == 1 && current.containsKey(assignment.assignmentId()))
                        ? ImmutableMap.of(assignment.assignmentId(), assignment)
                        : ImmutableMap.<String, RouterJobAssignment>builder()
                                .putAll(current)
                                .put(assignment.assignmentId(), assignment)
                                .buildKeepingLast();
        return new RouterJob(job.id(), job.channelId(), job.queueId(), job.priority(), job.status(), job.enqueuedAt(),
                job.labels(), job.tags(), assignments, job.notes(), job.dispositionCode(), job.classificationPolicyId(),
                job.requestedWorkerSelectors(), job.attachedWorkerSelectors(), job.matchingMode(),
                job.scheduledAt(), job.channelReference(), job.etag());
    }

    /** @return the job with the note added (when not null) and the disposition code set (when not null) */
    static RouterJob withOutcome(RouterJob job, String note, Instant at, String dispositionCode) {
        List<RouterJobNote> notes = note == null
                ? job.notes()
                : ImmutableList.<RouterJobNote>builder().addAll(job.notes()).add(new RouterJobNote(note, at)).build();
        String code = dispositionCode == null ? job.dispositionCode() : dispositionCode;
        return new RouterJob(job.id(), job.channelId(), job.queueId(), job.priority(), job.status(), job.enqueuedAt(),
                job.labels(), job.tags(), job.assignments(), notes, code, job.classificationPolicyId(),
                job.requestedWorkerSelectors(), job.attachedWorkerSelectors(), job.matchingMode(),
                job.scheduledAt(), job.channelReference(), job.etag());
    }

    static RouterWorker withOffer(RouterWorker worker, RouterJobOffer offer) {
        return withHoldings(worker, append(worker.offers(), offer), worker.assignedJobs(), worker.idleSince());
    }

    /** @return the worker without the offer; its capacity is released, so it counts as idle from {@code now} */
    static RouterWorker withoutOffer(RouterWorker worker, String offerId, Instant now) {
        return withHoldings(worker, remove(worker.offers(), o -> o.offerId().equals(offerId)), worker.assignedJobs(),
                now);
    }

    /** @return the worker holding the assignment instead of the offer it accepted */
    static RouterWorker withAcceptedOffer(RouterWorker worker, String offerId, RouterWorkerAssignment assignment) {
        return withHoldings(worker, remove(worker.offers(), o -> o.offerId().equals(offerId)),
                append(worker.assignedJobs(), assignment), worker.idleSince());
    }

    static RouterWorker withoutAssignment(RouterWorker worker, String assignmentId, Instant now) {
        return withHoldings(worker, worker.offers(),
                remove(worker.assignedJobs(), a -> a.assignmentId().equals(assignmentId)), now);
    }

    /** @return the worker with its availability set, idle from {@code idleSince} */
    static RouterWorker withAvailability(RouterWorker worker, boolean available, Instant idleSince) {
        return new RouterWorker(worker.id(), worker.capacity(), worker.channels(), worker.queues(), worker.labels(),
                worker.tags(), available, worker.offers(), worker.assignedJobs(), idleSince, worker.maxConcurrentOffers(), worker.etag());
    }

    private static RouterWorker withHoldings(RouterWorker worker, List<RouterJobOffer> offers,
            List<RouterWorkerAssignment> assignedJobs, Instant idleSince) {
        return new RouterWorker(worker.id(), worker.capacity(), worker.channels(), worker.queues(), worker.labels(),
                worker.tags(), worker.availableForOffers(), offers, assignedJobs, idleSince, worker.maxConcurrentOffers(), worker.etag());
    }

    private static <T> List<T> append(List<T> list, T element) {
        return ImmutableList.<T>builderWithExpectedSize(list.size() + 1).addAll(list).add(element).build();
    }

    private static <T> List<T> remove(List<T> list, Predicate<T> match) {
        ImmutableList.Builder<T> kept = ImmutableList.builderWithExpectedSize(list.size());
        for (T element : list) {
            if (!match.test(element)) {
                kept.add(element);
            }
        }
        return kept.build();
    }
}
