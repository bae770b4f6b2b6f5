package dev.jobrouter.core.engine;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.UpsertDistributionPolicy;
import dev.jobrouter.core.command.UpsertQueue;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.Labels;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.time.RouterTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The topology commands: distribution policy and queue upserts; a change re-matches the jobs it affects. */
final class Topology implements Handlers.Family {
    private final RouterState state;
    private final Decider decider;

    Topology(RouterState state, Decider decider) {
        this.state = state;
        this.decider = decider;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(UpsertDistributionPolicy.class, this::upsertDistributionPolicy);
        handlers.on(UpsertQueue.class, this::upsertQueue);
    }

    DistributionPolicy upsertDistributionPolicy(UpsertDistributionPolicy command, Transaction tx) {
        String id = Ids.check("distributionPolicyId", command.policyId());
        DistributionPolicy current = state.policies.get(id);
        Duration expiresAfter = Patch.given(command.offerExpiresAfter(), current, DistributionPolicy::offerExpiresAfter,
                DistributionPolicy.DEFAULT_OFFER_EXPIRES_AFTER);
        if (expiresAfter.isNegative() || expiresAfter.isZero() || expiresAfter.compareTo(RouterTime.LONGEST) > 0) {
            throw RouterException.invalid("offerExpiresAfter of distribution policy " + id + " must be positive and at "
                    + "most " + RouterTime.LONGEST + ", not " + expiresAfter);
        }
        int min = Patch.given(command.minConcurrentOffers(), current, DistributionPolicy::minConcurrentOffers, 1);
        int max = Patch.given(command.maxConcurrentOffers(), current, DistributionPolicy::maxConcurrentOffers,
                Math.max(1, min));
        if (min < 1 || max < min) {
            throw RouterException.invalid("distribution policy " + id + " needs 1 <= minConcurrentOffers <= "
                    + "maxConcurrentOffers, not " + min + " and " + max);
        }
        DistributionMode mode = Patch.given(command.mode(), current, DistributionPolicy::mode,
                DistributionMode.LONGEST_IDLE);
        String name = Patch.given(command.name(), current, DistributionPolicy::name, null);
        DistributionPolicy policy = new DistributionPolicy(id, name, expiresAfter, mode, min, max);
        decider.require(tx, command, () -> "distribution policy " + id + " is " + (current == null ? "new" : "defined"),
                null, policy);
        if (current == null) {
            state.policies.put(id, policy);
        } else {
            rematchQueuedJobs(tx, queue -> queue.distributionPolicyId().equals(id), () -> state.policies.put(id, policy));
        }
        return policy;
    }

    RouterQueue upsertQueue(UpsertQueue command, Transaction tx) {
        String id = Ids.check("queueId", command.queueId());
        RouterQueue current = state.queues.get(id);
        String policyId = Patch.given(command.distributionPolicyId(), current, RouterQueue::distributionPolicyId, null);
        if (policyId == null) {
            throw RouterException.invalid("new queue " + id + " needs a distribution policy");
        }
        DistributionPolicy policy = state.policies.get(policyId);
        if (policy == null) {
            throw RouterException.invalid("queue " + id + " names distribution policy " + policyId
                    + ", which does not exist");
        }
        Map<String, Object> labels = Labels.merged(Labels.merged(current == null ? Map.of() : current.labels(),
                Labels.checked("label of queue " + id, command.labels())), Map.of("Id", id));
        String name = Patch.given(command.name(), current, RouterQueue::name, null);
        RouterQueue queue = new RouterQueue(id, name, policyId, labels);
        decider.require(tx, command, () -> "queue " + id + " is " + (current == null ? "new" : "defined"), queue, policy);
        if (current == null) {
            state.queues.put(id, queue);
        } else {
            rematchQueuedJobs(tx, q -> q.id().equals(id), () -> state.queues.put(id, queue));
        }
        return queue;
    }

    /**
     * Makes a change to a queue or policy and re-matches the jobs of the queues it affects: their
     * policy's offer limit may have changed. The waiting index follows jobs and offers, not queues and
     * policies, so it is refreshed here, and again should the command roll back.
     */
    private void rematchQueuedJobs(Transaction tx, Predicate<RouterQueue> affected, Runnable change) {
        List<String> jobIds = state.jobs.values().stream()
                .filter(job -> affected.test(state.queues.get(job.queueId())))
                .map(RouterJob::id)
                .sorted()
                .toList();
        // Recorded before the change, so that a rollback runs it after the change is undone.
        state.undo.record(() -> jobIds.forEach(state::refreshWaiting));
        change.run();
        for (String jobId : jobIds) {
            state.refreshWaiting(jobId);
            tx.jobsToMatch.add(jobId);
        }
    }
}
