package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.ClassificationPolicyDeletion;
import dev.jobrouter.core.command.DeleteClassificationPolicy;
import dev.jobrouter.core.command.DeleteDistributionPolicy;
import dev.jobrouter.core.command.DeleteExceptionPolicy;
import dev.jobrouter.core.command.DeleteQueue;
import dev.jobrouter.core.command.DistributionPolicyDeletion;
import dev.jobrouter.core.command.ExceptionPolicyDeletion;
import dev.jobrouter.core.command.QueueDeletion;
import dev.jobrouter.core.command.UpsertClassificationPolicy;
import dev.jobrouter.core.command.UpsertDistributionPolicy;
import dev.jobrouter.core.command.UpsertExceptionPolicy;
import dev.jobrouter.core.command.UpsertQueue;
import dev.jobrouter.core.internal.routing.RuleEvaluator;
import dev.jobrouter.core.internal.routing.Selectors;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.ExceptionAction;
import dev.jobrouter.core.model.ExceptionPolicy;
import dev.jobrouter.core.model.ExceptionRule;
import dev.jobrouter.core.model.Labels;
import dev.jobrouter.core.model.ManualReclassifyExceptionAction;
import dev.jobrouter.core.model.QueueLengthExceptionTrigger;
import dev.jobrouter.core.model.QueueSelectorAttachment;
import dev.jobrouter.core.model.ReclassifyExceptionAction;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterRule;
import dev.jobrouter.core.model.ScoringRuleOptions;
import dev.jobrouter.core.model.ScoringRuleParameterSelector;
import dev.jobrouter.core.model.WaitTimeExceptionTrigger;
import dev.jobrouter.core.model.WorkerSelectorAttachment;
import dev.jobrouter.core.time.RouterTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The topology commands: distribution policy, queue and classification policy upserts. A change to a queue or
 * distribution policy re-matches the jobs it affects; a classification policy change touches no job.
 */
final class Topology implements Handlers.Family {
    private final RouterState state;
    private final Decider decider;
    private final RuleEvaluator rules;

    Topology(RouterState state, Decider decider, RuleEvaluator rules) {
        this.state = state;
        this.decider = decider;
        this.rules = rules;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(UpsertDistributionPolicy.class, this::upsertDistributionPolicy);
        handlers.on(UpsertQueue.class, this::upsertQueue);
        handlers.on(UpsertClassificationPolicy.class, this::upsertClassificationPolicy);
        handlers.on(DeleteQueue.class, this::deleteQueue);
        handlers.on(DeleteDistributionPolicy.class, this::deleteDistributionPolicy);
        handlers.on(DeleteClassificationPolicy.class, this::deleteClassificationPolicy);
        handlers.on(UpsertExceptionPolicy.class, this::upsertExceptionPolicy);
        handlers.on(DeleteExceptionPolicy.class, this::deleteExceptionPolicy);
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
        boolean bypass = Patch.given(command.bypassSelectors(), current, DistributionPolicy::bypassSelectors, false);
        RouterRule scoringRule = null;
        ScoringRuleOptions options = null;
        if (mode == DistributionMode.BEST_WORKER) {
            scoringRule = command.mode() == DistributionMode.BEST_WORKER ? command.scoringRule()
                    : current.scoringRule();
            if (scoringRule != null) {
                rules.check("scoring rule of distribution policy " + id, scoringRule);
            }
            options = scoringOptions(id, command, current == null ? null : current.scoringRuleOptions());
        } else if (command.scoringRule() != null || command.batchSize() != null || command.scoringParameters() != null
                || command.batchScoringEnabled() != null || command.descendingOrder() != null) {
            throw RouterException.invalid("distribution policy " + id + " is " + mode
                    + "; a scoring rule and its options are for BEST_WORKER only");
        }
        DistributionPolicy policy = new DistributionPolicy(id, name, expiresAfter, mode, min, max, bypass, scoringRule,
                options, null);
        decider.require(tx, command, () -> "distribution policy " + id + " is " + (current == null ? "new" : "defined"),
                null, policy);
        if (current == null) {
            state.policies.put(id, policy);
        } else {
            rematchQueuedJobs(tx, queue -> queue.distributionPolicyId().equals(id), () -> state.policies.put(id, policy));
        }
        return state.policies.get(id);
    }

    private static ScoringRuleOptions scoringOptions(String id, UpsertDistributionPolicy command,
            ScoringRuleOptions current) {
        ScoringRuleOptions base = current == null ? ScoringRuleOptions.DEFAULT : current;
        int batchSize = command.batchSize() == null ? base.batchSize() : command.batchSize();
        if (batchSize < 1) {
            throw RouterException.invalid("batchSize of distribution policy " + id + " must be 1 or more, not "
                    + batchSize);
        }
        List<ScoringRuleParameterSelector> parameters =
                command.scoringParameters() == null ? base.scoringParameters() : command.scoringParameters();
        if (parameters.stream().anyMatch(Objects::isNull)) {
            throw RouterException.invalid("scoringParameters of distribution policy " + id + " must not hold null");
        }
        return new ScoringRuleOptions(batchSize, List.copyOf(new LinkedHashSet<>(parameters)),
                command.batchScoringEnabled() == null ? base.batchScoringEnabled() : command.batchScoringEnabled(),
                command.descendingOrder() == null ? base.descendingOrder() : command.descendingOrder());
    }

    ClassificationPolicy upsertClassificationPolicy(UpsertClassificationPolicy command, Transaction tx) {
        String id = Ids.check("classificationPolicyId", command.policyId());
        ClassificationPolicy current = state.classificationPolicies.get(id);
        String what = "classification policy " + id;
        String fallback = Patch.given(command.fallbackQueueId(), current, ClassificationPolicy::fallbackQueueId, null);
        if (fallback != null && state.queues.get(fallback) == null) {
            throw RouterException.invalid(what + " names fallback queue " + fallback + ", which does not exist");
        }
        List<QueueSelectorAttachment> queueAttachments = Patch.given(command.queueSelectorAttachments(), current,
                ClassificationPolicy::queueSelectorAttachments, List.of());
        for (QueueSelectorAttachment attachment : queueAttachments) {
            Selectors.check("queue selector attachment of " + what, attachment, rules);
        }
        List<WorkerSelectorAttachment> workerAttachments = Patch.given(command.workerSelectorAttachments(), current,
                ClassificationPolicy::workerSelectorAttachments, List.of());
        for (WorkerSelectorAttachment attachment : workerAttachments) {
            Selectors.check("worker selector attachment of " + what, attachment, rules);
        }
        RouterRule prioritization = Patch.given(command.prioritizationRule(), current,
                ClassificationPolicy::prioritizationRule, null);
        if (prioritization != null) {
            rules.check("prioritization rule of " + what, prioritization);
        }
        String name = Patch.given(command.name(), current, ClassificationPolicy::name, null);
        ClassificationPolicy policy = new ClassificationPolicy(id, name, fallback, queueAttachments, prioritization,
                workerAttachments, null);
        decider.require(tx, command, () -> what + " is " + (current == null ? "new" : "defined"), policy);
        return state.classificationPolicies.put(id, policy);
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
        Map<String, Object> changes = Labels.checked("label of queue " + id, command.labels());
        Labels.keepsId("label of queue " + id, changes, command.removedLabels(), id);
        Map<String, Object> labels = Labels.merged(Labels.merged(Labels.without("label of queue " + id,
                current == null ? Map.of() : current.labels(), command.removedLabels()), changes), Map.of(Labels.ID, id));
        String name = Patch.given(command.name(), current, RouterQueue::name, null);
        String exceptionPolicyId = Patch.given(command.exceptionPolicyId(), current, RouterQueue::exceptionPolicyId,
                null);
        if (exceptionPolicyId != null && state.exceptionPolicies.get(exceptionPolicyId) == null) {
            throw RouterException.invalid("queue " + id + " names exception policy " + exceptionPolicyId
                    + ", which does not exist");
        }
        RouterQueue queue = new RouterQueue(id, name, policyId, labels, exceptionPolicyId, null);
        decider.require(tx, command, () -> "queue " + id + " is " + (current == null ? "new" : "defined"), queue, policy);
        if (current == null) {
            state.queues.put(id, queue);
        } else {
            rematchQueuedJobs(tx, q -> q.id().equals(id), () -> state.queues.put(id, queue));
        }
        return state.queues.get(id);
    }

    /** Deletes a queue nothing uses any more; a walk of the jobs, as deletes are rare. */
    Void deleteQueue(DeleteQueue command, Transaction tx) {
        RouterQueue queue = state.queue(command.queueId());
        // A classified job falls back to the queue its caller set: a later classification may put it there.
        int activeJobs = (int) state.jobs.values().stream()
                .filter(job -> !job.status().isTerminal() && (queue.id().equals(job.queueId())
                        || queue.id().equals(state.requestedQueues.get(job.id()))))
                .count();
        List<String> fallbackOf = state.classificationPolicies.values().stream()
                .filter(policy -> queue.id().equals(policy.fallbackQueueId()))
                .map(ClassificationPolicy::id)
                .sorted()
                .toList();
        List<String> movedToBy = state.exceptionPolicies.values().stream()
                .filter(exceptions -> exceptions.exceptionRules().stream()
                        .flatMap(rule -> rule.actions().stream())
                        .anyMatch(action -> action instanceof ManualReclassifyExceptionAction manual
                                && queue.id().equals(manual.queueId())))
                .map(ExceptionPolicy::id)
                .sorted()
                .toList();
        decider.require(tx, new QueueDeletion(queue.id(), activeJobs, fallbackOf, movedToBy),
                () -> "queue " + queue.id() + " holds or is the requested queue of " + activeJobs
                        + " active jobs, is the fallback of "
                        + (fallbackOf.isEmpty() ? "no classification policy" : fallbackOf)
                        + " and the target of " + (movedToBy.isEmpty() ? "no exception policy" : movedToBy),
                queue, state.policyOf(queue));
        state.queues.remove(queue.id());
        state.roundRobinCursors.remove(queue.id());
        return null;
    }

    Void deleteDistributionPolicy(DeleteDistributionPolicy command, Transaction tx) {
        DistributionPolicy policy = state.policy(command.policyId());
        List<String> queues = state.queues.values().stream()
                .filter(queue -> queue.distributionPolicyId().equals(policy.id()))
                .map(RouterQueue::id)
                .sorted()
                .toList();
        decider.require(tx, new DistributionPolicyDeletion(policy.id(), queues),
                () -> "distribution policy " + policy.id() + " is named by " + (queues.isEmpty() ? "no queue"
                        : "queues " + queues), null, policy);
        state.policies.remove(policy.id());
        return null;
    }

    Void deleteClassificationPolicy(DeleteClassificationPolicy command, Transaction tx) {
        ClassificationPolicy policy = state.classificationPolicy(command.policyId());
        List<String> jobs = state.jobs.values().stream()
                .filter(job -> policy.id().equals(job.classificationPolicyId()) && !job.status().isTerminal())
                .map(RouterJob::id)
                .sorted()
                .toList();
        List<String> exceptionPolicies = state.exceptionPolicies.values().stream()
                .filter(exceptions -> exceptions.exceptionRules().stream()
                        .flatMap(rule -> rule.actions().stream())
                        .anyMatch(action -> action instanceof ReclassifyExceptionAction reclassify
                                && policy.id().equals(reclassify.classificationPolicyId())))
                .map(ExceptionPolicy::id)
                .sorted()
                .toList();
        decider.require(tx, new ClassificationPolicyDeletion(policy.id(), jobs, exceptionPolicies),
                () -> "classification policy " + policy.id() + " is named by " + (jobs.isEmpty() ? "no active job"
                        : "active jobs " + jobs) + " and by " + (exceptionPolicies.isEmpty()
                        ? "no exception policy" : "exception policies " + exceptionPolicies), policy);
        state.classificationPolicies.remove(policy.id());
        return null;
    }

    ExceptionPolicy upsertExceptionPolicy(UpsertExceptionPolicy command, Transaction tx) {
        String id = Ids.check("exceptionPolicyId", command.policyId());
        ExceptionPolicy current = state.exceptionPolicies.get(id);
        String what = "exception policy " + id;
        List<ExceptionRule> rules = Patch.given(command.exceptionRules(), current, ExceptionPolicy::exceptionRules,
                List.of());
        Set<String> ruleIds = new HashSet<>();
        for (ExceptionRule rule : rules) {
            checkExceptionRule(what, rule, ruleIds);
        }
        String name = Patch.given(command.name(), current, ExceptionPolicy::name, null);
        ExceptionPolicy policy = new ExceptionPolicy(id, name, rules, null);
        decider.require(tx, command, () -> what + " is " + (current == null ? "new" : "defined"), null, null);
        return state.exceptionPolicies.put(id, policy);
    }

    private void checkExceptionRule(String what, ExceptionRule rule, Set<String> ruleIds) {
        if (rule == null) {
            throw RouterException.invalid(what + " holds a null rule");
        }
        String ruleId = Ids.check("exception rule id of " + what, rule.id());
        String where = "exception rule " + ruleId + " of " + what;
        if (!ruleIds.add(ruleId)) {
            throw RouterException.invalid(what + " holds two rules with id " + ruleId);
        }
        if (rule.trigger() instanceof QueueLengthExceptionTrigger length && length.threshold() < 1) {
            throw RouterException.invalid("threshold of " + where + " must be 1 or more, not " + length.threshold());
        } else if (rule.trigger() instanceof WaitTimeExceptionTrigger wait) {
            Duration threshold = RouterTime.checked("threshold of " + where, wait.threshold());
            if (threshold.isZero() || threshold.isNegative()) {
                throw RouterException.invalid("threshold of " + where + " must be positive, not " + threshold);
            }
        } else if (rule.trigger() == null) {
            throw RouterException.invalid(where + " needs a trigger");
        }
        if (rule.actions() == null || rule.actions().isEmpty()) {
            throw RouterException.invalid(where + " needs at least one action");
        }
        for (ExceptionAction action : rule.actions()) {
            if (action == null) {
                throw RouterException.invalid(where + " holds a null action");
            }
            if (action instanceof ManualReclassifyExceptionAction manual) {
                if (manual.queueId() != null && state.queues.get(manual.queueId()) == null) {
                    throw RouterException.invalid(where + " names queue " + manual.queueId() + ", which does not exist");
                }
                Integer priority = manual.priority();
                if (priority != null && (priority < RouterJob.MIN_PRIORITY || priority > RouterJob.MAX_PRIORITY)) {
                    throw RouterException.invalid("priority of " + where + " must be between " + RouterJob.MIN_PRIORITY
                            + " and " + RouterJob.MAX_PRIORITY + ", not " + priority);
                }
                Selectors.stored("worker selector of " + where, manual.workerSelectors(), Instant.EPOCH);
            } else if (action instanceof ReclassifyExceptionAction reclassify) {
                String policyId = reclassify.classificationPolicyId();
                if (policyId != null && state.classificationPolicies.get(policyId) == null) {
                    throw RouterException.invalid(where + " names classification policy " + policyId
                            + ", which does not exist");
                }
                Labels.checked("label of " + where, reclassify.labelsToUpsert());
            }
        }
    }

    Void deleteExceptionPolicy(DeleteExceptionPolicy command, Transaction tx) {
        ExceptionPolicy policy = state.exceptionPolicy(command.policyId());
        List<String> queues = state.queues.values().stream()
                .filter(queue -> policy.id().equals(queue.exceptionPolicyId()))
                .map(RouterQueue::id)
                .sorted()
                .toList();
        decider.require(tx, new ExceptionPolicyDeletion(policy.id(), queues),
                () -> "exception policy " + policy.id() + " is named by " + (queues.isEmpty() ? "no queue"
                        : "queues " + queues), null, null);
        state.exceptionPolicies.remove(policy.id());
        return null;
    }

    /**
     * Makes a change to a queue or policy and re-matches the jobs of the queues it affects: their
     * policy's offer limit may have changed. The waiting index follows jobs and offers, not queues and
     * policies, so it is refreshed here, and again should the command roll back.
     */
    private void rematchQueuedJobs(Transaction tx, Predicate<RouterQueue> affected, Runnable change) {
        List<String> jobIds = state.jobs.values().stream()
                .filter(job -> {
                    // A closed or cancelled job may name a queue deleted since: no queue, nothing to re-match.
                    RouterQueue queue = job.queueId() == null ? null : state.queues.get(job.queueId());
                    return queue != null && affected.test(queue);
                })
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
