package dev.jobrouter.core.command;

import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.RouterWorker;
import java.util.Map;
import java.util.Set;

/**
 * Create or change a worker. Null fields keep their current value; labels and tags merge key by key;
 * channels and queues, when given, replace the current ones. Decided as {@link UpdateWorker} with the
 * worker as it would be, then as {@link RegisterWorker} or {@link DeregisterWorker} when its
 * availability changes.
 *
 * @param workerId the worker
 * @param capacity total capacity, 0 or more; required for a new worker
 * @param channels the channels it takes, by channel id, or {@code null}
 * @param queues the queues it takes jobs from, or {@code null}; each must exist
 * @param labels labels to set
 * @param tags tags to set
 * @param availableForOffers whether it takes offers, or {@code null} (a new worker: false)
 * @param maxConcurrentOffers the most open offers it holds at once, 1 or more; {@code null} keeps the current
 *     limit (a new worker: none)
 * @param removedLabels label keys to remove (not {@code Id})
 * @param removedTags tag keys to remove
 */
public record UpsertWorker(
        String workerId, Integer capacity, Map<String, ChannelConfiguration> channels, Set<String> queues,
        Map<String, Object> labels, Map<String, Object> tags, Boolean availableForOffers,
        Integer maxConcurrentOffers, Set<String> removedLabels, Set<String> removedTags)
        implements UpsertCommand<RouterWorker> {

    @Override
    public String entityId() {
        return workerId;
    }

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param workerId the worker
     * @param capacity total capacity, 0 or more; required for a new worker
     * @param channels the channels it takes, by channel id, or {@code null}
     * @param queues the queues it takes jobs from, or {@code null}; each must exist
     * @param labels labels to set
     * @param tags tags to set
     * @param availableForOffers whether it takes offers, or {@code null} (a new worker: false)
     * @param maxConcurrentOffers the most open offers it holds at once, 1 or more; {@code null} keeps the current
     *     limit (a new worker: none)
     * @param removedLabels label keys to remove (not {@code Id})
     * @param removedTags tag keys to remove
     *     /
     */
    public UpsertWorker {
        channels = Values.copyOrNull(channels);
        queues = Values.copyOrNull(queues);
        labels = Values.copy(labels);
        tags = Values.copy(tags);
        removedLabels = Values.copy(removedLabels);
        removedTags = Values.copy(removedTags);
    }

    /**
     * A worker upsert that removes nothing.
     *
     * @param workerId the worker's id
     * @param capacity the total capacity
     * @param channels the channels
     * @param queues the queues' ids
     * @param labels the labels: string, number or boolean values
     * @param tags the tags
     * @param maxConcurrentOffers the most offers at once
     * @param availableForOffers whether the worker takes offers
     */
    public UpsertWorker(String workerId, Integer capacity, Map<String, ChannelConfiguration> channels,
            Set<String> queues, Map<String, Object> labels, Map<String, Object> tags, Boolean availableForOffers,
            Integer maxConcurrentOffers) {
        this(workerId, capacity, channels, queues, labels, tags, availableForOffers, maxConcurrentOffers, null, null);
    }

    /**
     * A worker upsert that keeps its offer limit.
     *
     * @param workerId the worker's id
     * @param capacity the total capacity
     * @param channels the channels
     * @param queues the queues' ids
     * @param labels the labels: string, number or boolean values
     * @param tags the tags
     * @param availableForOffers whether the worker takes offers
     */
    public UpsertWorker(String workerId, Integer capacity, Map<String, ChannelConfiguration> channels,
            Set<String> queues, Map<String, Object> labels, Map<String, Object> tags, Boolean availableForOffers) {
        this(workerId, capacity, channels, queues, labels, tags, availableForOffers, null);
    }
}
