package dev.jobrouter.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** @param allocations one is drawn by weight from the router's seeded generator */
public record WeightedAllocationQueueSelectorAttachment(List<QueueWeightedAllocation> allocations)
        implements QueueSelectorAttachment {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param allocations one is drawn by weight from the router's seeded generator
     */
    public WeightedAllocationQueueSelectorAttachment {
        allocations = allocations == null ? null : Collections.unmodifiableList(new ArrayList<>(allocations));
    }
}
