package dev.jobrouter.core.internal.routing;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.ConditionalQueueSelectorAttachment;
import dev.jobrouter.core.model.ConditionalWorkerSelectorAttachment;
import dev.jobrouter.core.model.DirectMapRouterRule;
import dev.jobrouter.core.model.PassThroughQueueSelectorAttachment;
import dev.jobrouter.core.model.PassThroughWorkerSelectorAttachment;
import dev.jobrouter.core.model.QueueSelectorAttachment;
import dev.jobrouter.core.model.QueueWeightedAllocation;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterQueueSelector;
import dev.jobrouter.core.model.RouterRule;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.RuleEngineQueueSelectorAttachment;
import dev.jobrouter.core.model.RuleEngineWorkerSelectorAttachment;
import dev.jobrouter.core.model.RuleInput;
import dev.jobrouter.core.model.StaticQueueSelectorAttachment;
import dev.jobrouter.core.model.StaticWorkerSelectorAttachment;
import dev.jobrouter.core.model.WeightedAllocationQueueSelectorAttachment;
import dev.jobrouter.core.model.WeightedAllocationWorkerSelectorAttachment;
import dev.jobrouter.core.model.WorkerSelectorAttachment;
import dev.jobrouter.core.model.WorkerWeightedAllocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Classifies a job with a classification policy: its queue, its priority and the worker selectors
 * attached to it. A pure function of the job, the policy, the queues and the draws it takes from the
 * router's seeded generator (one per weighted allocation), so a replay classifies the same.
 */
public final class Classifier {
    private final RuleEvaluator rules;

    public Classifier(RuleEvaluator rules) {
        this.rules = rules;
    }

    /** What a classification gave. */
    public sealed interface Result permits Classified, Failed {}

    /**
     * @param queueId the chosen queue
     * @param priority the job's priority
     * @param attachedWorkerSelectors the selectors the worker attachments yield, not yet stored
     */
    public record Classified(String queueId, int priority, List<RouterWorkerSelector> attachedWorkerSelectors)
            implements Result {}

    /** @param reason why, with the rule and the value where one is to blame */
    public record Failed(String reason) implements Result {}

    /**
     * @param policy the policy
     * @param job the job, with its labels and priority
     * @param requestedQueueId the queue the caller set on the job, or {@code null}
     * @param queues every queue, ordered by id
     * @param random the router's generator: a draw in [0, 1)
     */
    public Result classify(ClassificationPolicy policy, RouterJob job, String requestedQueueId,
            Collection<RouterQueue> queues, DoubleSupplier random) {
        RuleInput input = new RuleInput(job.labels(), List.of(), null, List.of());
        try {
            String queueId = queueOf(policy, job, requestedQueueId, queues, input, random);
            if (queueId == null) {
                return new Failed("no queue selector chose a queue, and neither the job nor the policy names one");
            }
            int priority = policy.prioritizationRule() == null ? job.priority()
                    : priorityOf(policy.prioritizationRule(), input);
            List<RouterWorkerSelector> attached = new ArrayList<>();
            for (WorkerSelectorAttachment attachment : policy.workerSelectorAttachments()) {
                attached.addAll(workerSelectors(attachment, job.labels(), input, random));
            }
            return new Classified(queueId, priority, List.copyOf(attached));
        } catch (RuleFailure e) {
            return new Failed(e.getMessage());
        }
    }

    private String queueOf(ClassificationPolicy policy, RouterJob job, String requestedQueueId,
            Collection<RouterQueue> queues, RuleInput input, DoubleSupplier random) throws RuleFailure {
        List<RouterQueueSelector> selectors = new ArrayList<>();
        for (QueueSelectorAttachment attachment : policy.queueSelectorAttachments()) {
            selectors.addAll(queueSelectors(attachment, job.labels(), input, random));
        }
        if (!selectors.isEmpty()) {
            for (RouterQueue queue : queues) {   // ordered by id: the lowest matching id wins
                if (selectors.stream().allMatch(selector -> selector.matches(queue.labels()))) {
                    return queue.id();
                }
            }
        }
        return requestedQueueId != null ? requestedQueueId : policy.fallbackQueueId();
    }

    private int priorityOf(RouterRule rule, RuleInput input) throws RuleFailure {
        Object value = rules.evaluate(rule, input);
        if (!(value instanceof Number number)) {
            throw new RuleFailure("the prioritization rule returned " + describe(value) + ", not a number");
        }
        double d = number.doubleValue();
        if (d != Math.rint(d) || d < RouterJob.MIN_PRIORITY || d > RouterJob.MAX_PRIORITY) {
            throw new RuleFailure("the prioritization rule returned " + value + "; a priority is a whole number from "
                    + RouterJob.MIN_PRIORITY + " to " + RouterJob.MAX_PRIORITY);
        }
        return (int) d;
    }

    private List<RouterQueueSelector> queueSelectors(QueueSelectorAttachment attachment, Map<String, Object> labels,
            RuleInput input, DoubleSupplier random) throws RuleFailure {
        if (attachment instanceof StaticQueueSelectorAttachment fixed) {
            return List.of(fixed.queueSelector());
        }
        if (attachment instanceof ConditionalQueueSelectorAttachment conditional) {
            return condition(conditional.condition(), input) ? conditional.queueSelectors() : List.of();
        }
        if (attachment instanceof PassThroughQueueSelectorAttachment passThrough) {
            Object value = labels.get(passThrough.key());
            return value == null ? List.of()
                    : List.of(new RouterQueueSelector(passThrough.key(), passThrough.labelOperator(), value));
        }
        if (attachment instanceof RuleEngineQueueSelectorAttachment ruleEngine) {
            if (ruleEngine.rule() instanceof DirectMapRouterRule) {
                List<RouterQueueSelector> mapped = new ArrayList<>();
                labels.forEach((key, value) -> mapped.add(RouterQueueSelector.equal(key, value)));
                return mapped;
            }
            return selectorsFrom(ruleEngine.rule(), input, RouterQueueSelector.class, "queue selector");
        }
        List<QueueWeightedAllocation> allocations = ((WeightedAllocationQueueSelectorAttachment) attachment).allocations();
        return draw(allocations, QueueWeightedAllocation::weight, random).queueSelectors();
    }

    private List<RouterWorkerSelector> workerSelectors(WorkerSelectorAttachment attachment, Map<String, Object> labels,
            RuleInput input, DoubleSupplier random) throws RuleFailure {
        if (attachment instanceof StaticWorkerSelectorAttachment fixed) {
            return List.of(fixed.workerSelector());
        }
        if (attachment instanceof ConditionalWorkerSelectorAttachment conditional) {
            return condition(conditional.condition(), input) ? conditional.workerSelectors() : List.of();
        }
        if (attachment instanceof PassThroughWorkerSelectorAttachment passThrough) {
            Object value = labels.get(passThrough.key());
            return value == null ? List.of() : List.of(new RouterWorkerSelector(passThrough.key(),
                    passThrough.labelOperator(), value).expiresAfter(passThrough.expiresAfter()));
        }
        if (attachment instanceof RuleEngineWorkerSelectorAttachment ruleEngine) {
            if (ruleEngine.rule() instanceof DirectMapRouterRule) {
                List<RouterWorkerSelector> mapped = new ArrayList<>();
                labels.forEach((key, value) -> mapped.add(RouterWorkerSelector.equal(key, value)));
                return mapped;
            }
            return selectorsFrom(ruleEngine.rule(), input, RouterWorkerSelector.class, "worker selector");
        }
        List<WorkerWeightedAllocation> allocations =
                ((WeightedAllocationWorkerSelectorAttachment) attachment).allocations();
        return draw(allocations, WorkerWeightedAllocation::weight, random).workerSelectors();
    }

    private boolean condition(RouterRule rule, RuleInput input) throws RuleFailure {
        Object value = rules.evaluate(rule, input);
        if (!(value instanceof Boolean result)) {
            throw new RuleFailure("a condition returned " + describe(value) + ", not a Boolean");
        }
        return result;
    }

    /** A rule-engine attachment's result: a collection of well-formed selectors, else a failure. */
    private <S> List<S> selectorsFrom(RouterRule rule, RuleInput input, Class<S> type, String what) throws RuleFailure {
        Object value = rules.evaluate(rule, input);
        if (!(value instanceof Collection<?> collection)) {
            throw new RuleFailure("a rule-engine attachment's rule returned " + describe(value)
                    + ", not a collection of " + type.getSimpleName());
        }
        List<S> selectors = new ArrayList<>(collection.size());
        for (Object element : collection) {
            if (!type.isInstance(element)) {
                throw new RuleFailure("a rule-engine attachment's rule returned a collection holding "
                        + describe(element) + ", not only " + type.getSimpleName());
            }
            try {
                if (element instanceof RouterWorkerSelector worker) {
                    Selectors.check(what + " from a rule", worker);
                } else {
                    Selectors.check(what + " from a rule", (RouterQueueSelector) element);
                }
            } catch (RouterException e) {
                throw new RuleFailure(e.getMessage());
            }
            selectors.add(type.cast(element));
        }
        return selectors;
    }

    /** One allocation, drawn by weight with one draw of the generator. */
    private static <A> A draw(List<A> allocations, ToDoubleFunction<A> weight, DoubleSupplier random) {
        double total = 0;
        for (A allocation : allocations) {
            total += weight.applyAsDouble(allocation);
        }
        double point = random.getAsDouble() * total;
        for (A allocation : allocations) {
            point -= weight.applyAsDouble(allocation);
            if (point < 0) {
                return allocation;
            }
        }
        return allocations.get(allocations.size() - 1);   // rounding left the point at the very end
    }

    private static String describe(Object value) {
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
