package dev.jobrouter.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** @param allocations one is drawn by weight from the router's seeded generator */
public record WeightedAllocationQueueSelectorAttachment(List<QueueWeightedAllocation> allocations)
        implements QueueSelectorAttachment {
    public WeightedAllocationQueueSelectorAttachment {
        allocations = allocations == null ? null : Collections.unmodifiableList(new ArrayList<>(allocations));
    }
}
