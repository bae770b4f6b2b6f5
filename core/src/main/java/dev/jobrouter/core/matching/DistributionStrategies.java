package dev.jobrouter.core.matching;

import dev.jobrouter.core.model.DistributionMode;
import java.util.EnumMap;
import java.util.Map;

/** The strategy of each distribution mode. */
public final class DistributionStrategies {
    private DistributionStrategies() {}

    /**
     * @param workers the engine's index of available workers
     * @return a strategy for every {@link DistributionMode}
     */
    public static Map<DistributionMode, DistributionStrategy> standard(AvailableWorkers workers) {
        Map<DistributionMode, DistributionStrategy> strategies = new EnumMap<>(DistributionMode.class);
        strategies.put(DistributionMode.LONGEST_IDLE, (job, queueChannel) -> workers.in(queueChannel));
        return strategies;
    }
}
