package dev.jobrouter.core.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A queue's figures now, as {@code getQueueStatistics} returns them.
 *
 * @param queueId the queue
 * @param length its QUEUED jobs, with or without open offers
 * @param estimatedWaitTime per priority present among them, highest first, a wait in whole minutes (at
 *     least one): one minute for every job at that priority or above, the naive estimator, since the
 *     router keeps no handling times
 * @param longestJobWaitTimeMinutes how long its longest-waiting job has waited, in minutes; 0 when empty
 */
public record RouterQueueStatistics(String queueId, int length, Map<Integer, Duration> estimatedWaitTime,
        double longestJobWaitTimeMinutes) {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param queueId the queue
     * @param length its QUEUED jobs, with or without open offers
     * @param estimatedWaitTime per priority present among them, highest first, a wait in whole minutes (at
     *     least one): one minute for every job at that priority or above, the naive estimator, since the
     *     router keeps no handling times
     * @param longestJobWaitTimeMinutes how long its longest-waiting job has waited, in minutes; 0 when empty
     *     /
     */
    public RouterQueueStatistics {
        estimatedWaitTime = Collections.unmodifiableMap(new LinkedHashMap<>(estimatedWaitTime));
    }
}
