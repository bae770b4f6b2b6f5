package dev.jobrouter.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * @param weight positive; the chance of this allocation is its share of the total
 * @param queueSelectors attached when drawn
 */
public record QueueWeightedAllocation(double weight, List<RouterQueueSelector> queueSelectors) {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param weight positive; the chance of this allocation is its share of the total
     * @param queueSelectors attached when drawn
     *     /
     */
    public QueueWeightedAllocation {
        queueSelectors = queueSelectors == null ? null : Collections.unmodifiableList(new ArrayList<>(queueSelectors));
    }
}
