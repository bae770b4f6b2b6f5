package dev.jobrouter.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** @param allocations one is drawn by weight from the router's seeded generator */
public record WeightedAllocationWorkerSelectorAttachment(List<WorkerWeightedAllocation> allocations)
        implements WorkerSelectorAttachment {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param allocations one is drawn by weight from the router's seeded generator
     */
    public WeightedAllocationWorkerSelectorAttachment {
        allocations = allocations == null ? null : Collections.unmodifiableList(new ArrayList<>(allocations));
    }
}
