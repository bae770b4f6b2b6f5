package dev.jobrouter.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * @param condition a rule returning a Boolean
 * @param workerSelectors attached when it returns true
 */
public record ConditionalWorkerSelectorAttachment(RouterRule condition, List<RouterWorkerSelector> workerSelectors)
        implements WorkerSelectorAttachment {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param condition a rule returning a Boolean
     * @param workerSelectors attached when it returns true
     *     /
     */
    public ConditionalWorkerSelectorAttachment {
        workerSelectors = workerSelectors == null ? null : Collections.unmodifiableList(new ArrayList<>(workerSelectors));
    }
}
