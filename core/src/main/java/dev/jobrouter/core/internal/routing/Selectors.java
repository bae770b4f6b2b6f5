package dev.jobrouter.core.internal.routing;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.ConditionalQueueSelectorAttachment;
import dev.jobrouter.core.model.ConditionalWorkerSelectorAttachment;
import dev.jobrouter.core.model.Labels;
import dev.jobrouter.core.model.PassThroughQueueSelectorAttachment;
import dev.jobrouter.core.model.PassThroughWorkerSelectorAttachment;
import dev.jobrouter.core.model.QueueSelectorAttachment;
import dev.jobrouter.core.model.QueueWeightedAllocation;
import dev.jobrouter.core.model.RouterQueueSelector;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.RouterWorkerSelectorStatus;
import dev.jobrouter.core.model.RuleEngineQueueSelectorAttachment;
import dev.jobrouter.core.model.RuleEngineWorkerSelectorAttachment;
import dev.jobrouter.core.model.StaticQueueSelectorAttachment;
import dev.jobrouter.core.model.StaticWorkerSelectorAttachment;
import dev.jobrouter.core.model.WeightedAllocationQueueSelectorAttachment;
import dev.jobrouter.core.model.WeightedAllocationWorkerSelectorAttachment;
import dev.jobrouter.core.model.WorkerSelectorAttachment;
import dev.jobrouter.core.model.WorkerWeightedAllocation;
import dev.jobrouter.core.time.RouterTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Checking selectors and attachments when they are stored, and stamping worker selectors with their expiry. */
public final class Selectors {
    private Selectors() {}

    /** @throws RouterException INVALID_ARGUMENT for a null selector, a blank key, a null operator or a bad value */
    public static void check(String what, RouterQueueSelector selector) {
        if (selector == null) {
            throw RouterException.invalid(what + " must not be null");
        }
        checkParts(what, selector.key(), selector.labelOperator(), selector.value());
    }

    /** @throws RouterException INVALID_ARGUMENT as for queue selectors, and for a non-positive or too long expiry */
    public static void check(String what, RouterWorkerSelector selector) {
        if (selector == null) {
            throw RouterException.invalid(what + " must not be null");
        }
        checkParts(what, selector.key(), selector.labelOperator(), selector.value());
        checkExpiry(what + " '" + selector.key() + "'", selector.expiresAfter());
    }

    private static void checkParts(String what, String key, Object operator, Object value) {
        if (operator == null) {
            throw RouterException.invalid(what + " '" + key + "' needs a label operator");
        }
        Labels.checkValue(what, key, value);
    }

    private static void checkExpiry(String what, Duration expiresAfter) {
        if (expiresAfter != null && (expiresAfter.isNegative() || expiresAfter.isZero()
                || expiresAfter.compareTo(RouterTime.LONGEST) > 0)) {
            throw RouterException.invalid(what + " must expire after a positive duration of at most "
                    + RouterTime.LONGEST + ", not " + expiresAfter);
        }
    }

    /**
     * @return the selectors as stored at {@code now}: ACTIVE, with {@code expiresAt} = now + expiresAfter
     * @throws RouterException INVALID_ARGUMENT for a null list or a bad selector
     */
    public static List<RouterWorkerSelector> stored(String what, List<RouterWorkerSelector> selectors, Instant now) {
        if (selectors == null) {
            throw RouterException.invalid(what + " must not be a null list");
        }
        List<RouterWorkerSelector> stored = new ArrayList<>(selectors.size());
        for (RouterWorkerSelector selector : selectors) {
            check(what, selector);
            Instant expiresAt = selector.expiresAfter() == null ? null
                    : RouterTime.checked("expiry of " + what + " '" + selector.key() + "'",
                            now.plus(selector.expiresAfter()));
            stored.add(new RouterWorkerSelector(selector.key(), selector.labelOperator(), selector.value(),
                    selector.expiresAfter(), selector.expedite(), RouterWorkerSelectorStatus.ACTIVE, expiresAt));
        }
        return List.copyOf(stored);
    }

    /** @throws RouterException INVALID_ARGUMENT for a null or malformed attachment, or a rule that does not check */
    public static void check(String what, QueueSelectorAttachment attachment, RuleEvaluator rules) {
        if (attachment == null) {
            throw RouterException.invalid(what + " must not be null");
        }
        if (attachment instanceof StaticQueueSelectorAttachment fixed) {
            check(what, fixed.queueSelector());
        } else if (attachment instanceof ConditionalQueueSelectorAttachment conditional) {
            rules.check("condition of " + what, conditional.condition());
            checkQueueSelectors(what, conditional.queueSelectors());
        } else if (attachment instanceof PassThroughQueueSelectorAttachment passThrough) {
            checkPassThrough(what, passThrough.key(), passThrough.labelOperator());
        } else if (attachment instanceof RuleEngineQueueSelectorAttachment ruleEngine) {
            rules.check("rule of " + what, ruleEngine.rule());
        } else {
            List<QueueWeightedAllocation> allocations = ((WeightedAllocationQueueSelectorAttachment) attachment).allocations();
            if (allocations == null || allocations.isEmpty()) {
                throw RouterException.invalid(what + " needs at least one allocation");
            }
            for (QueueWeightedAllocation allocation : allocations) {
                if (allocation == null) {
                    throw RouterException.invalid(what + " has a null allocation");
                }
                checkWeight(what, allocation.weight());
                checkQueueSelectors(what, allocation.queueSelectors());
            }
        }
    }

    /** @throws RouterException INVALID_ARGUMENT for a null or malformed attachment, or a rule that does not check */
    public static void check(String what, WorkerSelectorAttachment attachment, RuleEvaluator rules) {
        if (attachment == null) {
            throw RouterException.invalid(what + " must not be null");
        }
        if (attachment instanceof StaticWorkerSelectorAttachment fixed) {
            check(what, fixed.workerSelector());
        } else if (attachment instanceof ConditionalWorkerSelectorAttachment conditional) {
            rules.check("condition of " + what, conditional.condition());
            checkWorkerSelectors(what, conditional.workerSelectors());
        } else if (attachment instanceof PassThroughWorkerSelectorAttachment passThrough) {
            checkPassThrough(what, passThrough.key(), passThrough.labelOperator());
            checkExpiry(what + " '" + passThrough.key() + "'", passThrough.expiresAfter());
        } else if (attachment instanceof RuleEngineWorkerSelectorAttachment ruleEngine) {
            rules.check("rule of " + what, ruleEngine.rule());
        } else {
            List<WorkerWeightedAllocation> allocations =
                    ((WeightedAllocationWorkerSelectorAttachment) attachment).allocations();
            if (allocations == null || allocations.isEmpty()) {
                throw RouterException.invalid(what + " needs at least one allocation");
            }
            for (WorkerWeightedAllocation allocation : allocations) {
                if (allocation == null) {
                    throw RouterException.invalid(what + " has a null allocation");
                }
                checkWeight(what, allocation.weight());
                checkWorkerSelectors(what, allocation.workerSelectors());
            }
        }
    }

    private static void checkQueueSelectors(String what, List<RouterQueueSelector> selectors) {
        if (selectors == null) {
            throw RouterException.invalid(what + " needs a list of queue selectors, not null");
        }
        selectors.forEach(selector -> check("queue selector of " + what, selector));
    }

    private static void checkWorkerSelectors(String what, List<RouterWorkerSelector> selectors) {
        if (selectors == null) {
            throw RouterException.invalid(what + " needs a list of worker selectors, not null");
        }
        selectors.forEach(selector -> check("worker selector of " + what, selector));
    }

    private static void checkPassThrough(String what, String key, Object operator) {
        if (key == null || key.isBlank()) {
            throw RouterException.invalid(what + " needs a non-blank key");
        }
        if (operator == null) {
            throw RouterException.invalid(what + " '" + key + "' needs a label operator");
        }
    }

    private static void checkWeight(String what, double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw RouterException.invalid(what + " needs positive, finite weights, not " + weight);
        }
    }
}
