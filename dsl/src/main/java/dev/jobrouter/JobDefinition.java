package dev.jobrouter;

import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.host.LocalHost;
import dev.jobrouter.core.model.RouterJob;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Defines a job, which is queued at once, or changes an existing job's priority, labels or tags.
 *
 * <pre>{@code
 * router.job("j1").channel("voice").queue("q1").priority(1).label("vip", true).upsert();
 * }</pre>
 */
public final class JobDefinition extends Definition<JobDefinition> {
    private final LocalHost host;
    private final String id;
    private String channelId;
    private String queueId;
    private Integer priority;
    private final Map<String, Object> tags = new LinkedHashMap<>();

    JobDefinition(LocalHost host, String id) {
        this.host = host;
        this.id = id;
    }

    @Override
    JobDefinition self() {
        return this;
    }

    /** The channel it arrives on; required for a new job, fixed after. */
    public JobDefinition channel(String channelId) {
        this.channelId = channelId;
        return this;
    }

    /** The queue it waits in; required for a new job, fixed after; it must exist. */
    public JobDefinition queue(String queueId) {
        this.queueId = queueId;
        return this;
    }

    /** -100 to 100, higher first; a new job's default is 1. */
    public JobDefinition priority(int priority) {
        this.priority = priority;
        return this;
    }

    /** Sets a tag, for the caller's use; merged with existing tags. */
    public JobDefinition tag(String key, Object value) {
        tags.put(key, value);
        return this;
    }

    /**
     * Creates and queues the job, or changes it.
     *
     * @return the job as stored
     * @throws dev.jobrouter.core.RouterException INVALID_ARGUMENT for bad values or an unknown queue;
     *     CONFLICT when a rule refuses
     */
    public RouterJob upsert() {
        return host.execute(new UpsertJob(id, channelId, queueId, priority, labels, tags));
    }
}
