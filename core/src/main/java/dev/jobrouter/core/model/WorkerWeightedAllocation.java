package dev.jobrouter.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * @param weight positive; the chance of this allocation is its share of the total
 * @param workerSelectors attached when drawn
 */
public record WorkerWeightedAllocation(double weight, List<RouterWorkerSelector> workerSelectors) {
    public WorkerWeightedAllocation {
        workerSelectors = workerSelectors == null ? null : Collections.unmodifiableList(new ArrayList<>(workerSelectors));
    }
}
