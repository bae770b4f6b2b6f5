package dev.jobrouter.core.engine;

import dev.jobrouter.core.model.ChannelConfiguration;
import java.util.Map;
import java.util.Set;

/**
 * What an upsert of a worker sets. Null fields keep their current value; labels and tags merge key by
 * key; channels and queues, when given, replace the current ones.
 *
 * @param workerId the worker
 * @param capacity total capacity, 0 or more; required for a new worker
 * @param channels the channels it takes, or {@code null}
 * @param queues the queues it takes jobs from, or {@code null}; each must exist
 * @param labels labels to set
 * @param tags tags to set
 * @param availableForOffers whether it takes offers, or {@code null} (a new worker: false)
 */
public record WorkerSpec(
        String workerId, Integer capacity, Map<String, ChannelConfiguration> channels, Set<String> queues,
        Map<String, Object> labels, Map<String, Object> tags, Boolean availableForOffers) {}
