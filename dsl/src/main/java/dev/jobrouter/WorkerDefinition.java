package dev.jobrouter;

import dev.jobrouter.core.command.UpsertWorker;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.RouterWorker;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Defines or changes a worker. As with the service's PATCH, settings not given keep their value:
 * {@code router.worker("w1").availableForOffers(false).upsert()} changes only that. Labels and tags
 * merge key by key; channels and queues, when given, replace the current ones.
 *
 * <pre>{@code
 * router.worker("w1").capacity(10).channel("voice", 10).channel("chat", 2, 5)
 *       .queues("q1").label("location", "Edmonton").availableForOffers(true).upsert();
 * }</pre>
 */
public final class WorkerDefinition extends Definition<WorkerDefinition> {
    private final Set<String> removedTags = new LinkedHashSet<>();
    private final LocalHost host;
    private String ifMatch;
    private final String id;
    private Integer capacity;
    private Map<String, ChannelConfiguration> channels;
    private Set<String> queues;
    private final Map<String, Object> tags = new LinkedHashMap<>();
    private Boolean availableForOffers;
    private Integer maxConcurrentOffers;

    WorkerDefinition(LocalHost host, String id) {
        this.host = host;
        this.id = id;
    }

    @Override
    WorkerDefinition self() {
        return this;
    }

    /**
     * Total capacity, 0 or more; required for a new worker.
     *
     * @param capacity the total capacity
     * @return this definition, for chaining
     */
    public WorkerDefinition capacity(int capacity) {
        this.capacity = capacity;
        return this;
    }

    /**
     * Takes jobs on the channel, each using {@code capacityCostPerJob} of its capacity.
     *
     * @param channelId the channel's id
     * @param capacityCostPerJob the capacity a job on this channel costs
     * @return this definition, for chaining
     */
    public WorkerDefinition channel(String channelId, int capacityCostPerJob) {
        return addChannel(new ChannelConfiguration(channelId, capacityCostPerJob, null));
    }

    /**
     * Takes at most {@code maxNumberOfJobs} jobs (and open offers) at once on the channel.
     *
     * @param channelId the channel's id
     * @param capacityCostPerJob the capacity a job on this channel costs
     * @param maxNumberOfJobs the most jobs on this channel at once
     * @return this definition, for chaining
     */
    public WorkerDefinition channel(String channelId, int capacityCostPerJob, int maxNumberOfJobs) {
        return addChannel(new ChannelConfiguration(channelId, capacityCostPerJob, maxNumberOfJobs));
    }

    private WorkerDefinition addChannel(ChannelConfiguration channel) {
        if (channels == null) {
            channels = new LinkedHashMap<>();
        }
        channels.put(channel.channelId(), channel);
        return this;
    }

    /**
     * The queues it takes jobs from; each must exist.
     *
     * @param queueIds the queues' ids
     * @return this definition, for chaining
     */
    public WorkerDefinition queues(String... queueIds) {
        this.queues = new LinkedHashSet<>(Arrays.asList(Arguments.required("queueIds", queueIds)));
        return this;
    }

    /**
     * The most open offers it holds at once, 1 or more; assignments do not count. By default there is no limit.
     *
     * @param count how many
     * @return this definition, for chaining
     */
    public WorkerDefinition maxConcurrentOffers(int count) {
        this.maxConcurrentOffers = count;
        return this;
    }

    /**
     * Sets a tag, for the caller's use; merged with existing tags.
     *
     * @param key the key
     * @param value the value
     * @return this definition, for chaining
     */
    public WorkerDefinition tag(String key, Object value) {
        tags.put(key, value);
        return this;
    }

    /**
     * Removes a tag on upsert.
     *
     * @param key the key
     * @return this definition, for chaining
     */
    public WorkerDefinition removeTag(String key) {
        removedTags.add(Arguments.required("key", key));
        return this;
    }

    /**
     * Whether it takes offers: true registers it, false deregisters it (its open offers are revoked).
     *
     * @param available whether the worker takes offers
     * @return this definition, for chaining
     */
    public WorkerDefinition availableForOffers(boolean available) {
        this.availableForOffers = available;
        return this;
    }

    /**
     * Makes the upsert conditional: it runs only when the stored worker still has this etag, read from its
     * {@code etag()}; otherwise, or when the worker does not exist, it fails with PRECONDITION_FAILED and
     * changes nothing.
     *
     * @param etag the etag the entity must still have
     * @return this definition, for chaining
     */
    public WorkerDefinition ifMatch(String etag) {
        this.ifMatch = Arguments.required("etag", etag);
        return this;
    }

    /**
     * Creates or changes the worker.
     *
     * @return the worker as stored
     * @throws dev.jobrouter.core.RouterException INVALID_ARGUMENT for bad values or unknown queues;
     *     CONFLICT when a rule refuses the registration or deregistration
     */
    public RouterWorker upsert() {
        UpsertWorker upsert = new UpsertWorker(id, capacity, channels, queues, labels, tags, availableForOffers,
                maxConcurrentOffers, removedLabels, removedTags);
        return host.execute(Guarded.upsert(ifMatch, upsert));
    }
}
