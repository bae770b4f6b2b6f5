package dev.jobrouter.core.engine;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.Labels;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterQueue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Creates and changes distribution policies and queues; a change re-matches the jobs it affects. */
final class Topology {
    private final Context ctx;

    Topology(Context ctx) {
        this.ctx = ctx;
    }

    /** Creates or changes a distribution policy. */
    DistributionPolicy upsertDistributionPolicy(PolicySpec spec) {
        String id = Ids.check("distributionPolicyId", spec.policyId());
        DistributionPolicy current = ctx.state.policies.get(id);
        Duration expiresAfter = Patch.given(spec.offerExpiresAfter(), current, DistributionPolicy::offerExpiresAfter,
                DistributionPolicy.DEFAULT_OFFER_EXPIRES_AFTER);
        if (expiresAfter.isNegative() || expiresAfter.isZero()) {
            throw RouterException.invalid("offerExpiresAfter of distribution policy " + id + " must be positive, not "
                    + expiresAfter);
        }
        int min = Patch.given(spec.minConcurrentOffers(), current, DistributionPolicy::minConcurrentOffers, 1);
        int max = Patch.given(spec.maxConcurrentOffers(), current, DistributionPolicy::maxConcurrentOffers, Math.max(1, min));
        if (min < 1 || max < min) {
            throw RouterException.invalid("distribution policy " + id + " needs 1 <= minConcurrentOffers <= "
                    + "maxConcurrentOffers, not " + min + " and " + max);
        }
        DistributionMode mode = Patch.given(spec.mode(), current, DistributionPolicy::mode, DistributionMode.LONGEST_IDLE);
        String name = Patch.given(spec.name(), current, DistributionPolicy::name, null);
        DistributionPolicy policy = new DistributionPolicy(id, name, expiresAfter, mode, min, max);
        ctx.state.policies.put(id, policy);
        if (current != null) {
            rematchQueuedJobs(queue -> queue.distributionPolicyId().equals(id));
        }
        return policy;
    }

    /** Creates or changes a queue. */
    RouterQueue upsertQueue(QueueSpec spec) {
        String id = Ids.check("queueId", spec.queueId());
        RouterQueue current = ctx.state.queues.get(id);
        String policyId = Patch.given(spec.distributionPolicyId(), current, RouterQueue::distributionPolicyId, null);
        if (policyId == null) {
            throw RouterException.invalid("new queue " + id + " needs a distribution policy");
        }
        if (ctx.state.policies.get(policyId) == null) {
            throw RouterException.invalid("queue " + id + " names distribution policy " + policyId
                    + ", which does not exist");
        }
        Map<String, Object> labels = Labels.merged(Labels.merged(current == null ? Map.of() : current.labels(),
                Labels.checked("label of queue " + id, spec.labels())), Map.of("Id", id));
        String name = Patch.given(spec.name(), current, RouterQueue::name, null);
        RouterQueue queue = new RouterQueue(id, name, policyId, labels);
        ctx.state.queues.put(id, queue);
        if (current != null) {
            rematchQueuedJobs(q -> q.id().equals(id));
        }
        return queue;
    }

    private void rematchQueuedJobs(Predicate<RouterQueue> affected) {
        for (RouterJob job : List.copyOf(ctx.state.jobs.values())) {
            if (affected.test(ctx.state.queues.get(job.queueId()))) {
                ctx.state.refreshWaiting(job.id());
                ctx.jobsToMatch.add(job.id());
            }
        }
    }
}
