package dev.jobrouter.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * @param weight positive; the chance of this allocation is its share of the total
 * @param workerSelectors attached when drawn
 */
public record WorkerWeightedAllocation(double weight, List<RouterWorkerSelector> workerSelectors) {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param weight positive; the chance of this allocation is its share of the total
     * @param workerSelectors attached when drawn
     *     /
     */
    public WorkerWeightedAllocation {
        workerSelectors = workerSelectors == null ? null : Collections.unmodifiableList(new ArrayList<>(workerSelectors));
    }
}
