package dev.jobrouter.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * @param condition a rule returning a Boolean
 * @param queueSelectors attached when it returns true
 */
public record ConditionalQueueSelectorAttachment(RouterRule condition, List<RouterQueueSelector> queueSelectors)
        implements QueueSelectorAttachment {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param condition a rule returning a Boolean
     * @param queueSelectors attached when it returns true
     *     /
     */
    public ConditionalQueueSelectorAttachment {
        queueSelectors = queueSelectors == null ? null : Collections.unmodifiableList(new ArrayList<>(queueSelectors));
    }
}
