package dev.jobrouter;

import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.JobMatchingMode;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterWorkerSelector;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Defines a job, which is queued at once (or classified, with a classification policy), or changes an
 * existing job's priority, labels, tags, policy or worker selectors.
 *
 * <pre>{@code
 * router.job("j1").channel("voice").queue("q1").priority(1).label("vip", true).upsert();
 * }</pre>
 */
public final class JobDefinition extends Definition<JobDefinition> {
    private final Set<String> removedTags = new LinkedHashSet<>();
    private String channelReference;
    private String note;
    private final LocalHost host;
    private String ifMatch;
    private final String id;
    private String channelId;
    private String queueId;
    private Integer priority;
    private String classificationPolicyId;
    private List<RouterWorkerSelector> workerSelectors;
    private JobMatchingMode matchingMode;
    private final Map<String, Object> tags = new LinkedHashMap<>();

    JobDefinition(LocalHost host, String id) {
        this.host = host;
        this.id = id;
    }

    @Override
    JobDefinition self() {
        return this;
    }

    /**
     * The channel it arrives on; required for a new job, fixed after.
     *
     * @param channelId the channel's id
     * @return this definition, for chaining
     */
    public JobDefinition channel(String channelId) {
        this.channelId = channelId;
        return this;
    }

    /**
     * The queue it waits in; it must exist. A new job needs a queue, a classification policy, or both
     * (the policy's choice wins, this is its fallback). Fixed after, but classification may move it.
     *
     * @param queueId the queue's id
     * @return this definition, for chaining
     */
    public JobDefinition queue(String queueId) {
        this.queueId = queueId;
        return this;
    }

    /**
     * -100 to 100, higher first; a new job's default is 1.
     *
     * @param priority the priority, from -100 to 100
     * @return this definition, for chaining
     */
    public JobDefinition priority(int priority) {
        this.priority = priority;
        return this;
    }

    /**
     * The classification policy that gives it its queue, priority and attached worker selectors; it must
     * exist. Setting it on a queued job, or changing a classified job's labels, classifies it again.
     *
     * @param classificationPolicyId the classification policy's id
     * @return this definition, for chaining
     */
    public JobDefinition classificationPolicy(String classificationPolicyId) {
        this.classificationPolicyId = Arguments.required("classificationPolicyId", classificationPolicyId);
        return this;
    }

    /**
     * The worker selectors a worker must satisfy to be offered the job; replaces the requested ones
     * (with no arguments, clears them). Each is stored ACTIVE, expiring {@code expiresAfter} from now.
     *
     * @param selectors the selectors
     * @return this definition, for chaining
     */
    public JobDefinition workerSelectors(RouterWorkerSelector... selectors) {
        this.workerSelectors = Arrays.asList(Arguments.required("selectors", selectors));
        return this;
    }

    /**
     * How the job waits for a worker: {@code new QueueAndMatchMode()} (the default for a new job) queues
     * it at once, also a job that is scheduled or waiting; {@code new ScheduleAndSuspendMode(at)} holds it
     * SCHEDULED until {@code at}, then WAITING_FOR_ACTIVATION; {@code new SuspendMode()} holds it
     * WAITING_FOR_ACTIVATION. A held job is never offered, and is classified when it is queued.
     *
     * @param mode the mode
     * @return this definition, for chaining
     */
    public JobDefinition matchingMode(JobMatchingMode mode) {
        this.matchingMode = Arguments.required("matchingMode", mode);
        return this;
    }

    /**
     * Removes a tag on upsert.
     *
     * @param key the key
     * @return this definition, for chaining
     */
    public JobDefinition removeTag(String key) {
        removedTags.add(Arguments.required("key", key));
        return this;
    }

    /**
     * The caller's reference for the job on its channel, such as a call id.
     *
     * @param reference the caller's reference for the channel
     * @return this definition, for chaining
     */
    public JobDefinition channelReference(String reference) {
        this.channelReference = Arguments.required("reference", reference);
        return this;
    }

    /**
     * Adds a note to the job, stamped with the upsert's instant.
     *
     * @param message what went wrong
     * @return this definition, for chaining
     */
    public JobDefinition note(String message) {
        this.note = Arguments.required("message", message);
        return this;
    }

    /**
     * Sets a tag, for the caller's use; merged with existing tags.
     *
     * @param key the key
     * @param value the value
     * @return this definition, for chaining
     */
    public JobDefinition tag(String key, Object value) {
        tags.put(key, value);
        return this;
    }

    /**
     * Makes the upsert conditional: it runs only when the stored job still has this etag, read from its
     * {@code etag()}; otherwise, or when the job does not exist, it fails with PRECONDITION_FAILED and
     * changes nothing.
     *
     * @param etag the etag the entity must still have
     * @return this definition, for chaining
     */
    public JobDefinition ifMatch(String etag) {
        this.ifMatch = Arguments.required("etag", etag);
        return this;
    }

    /**
     * Creates and queues the job, or changes it.
     *
     * @return the job as stored
     * @throws dev.jobrouter.core.RouterException INVALID_ARGUMENT for bad values, malformed selectors, or an
     *     unknown queue or classification policy;
     *     CONFLICT when a rule refuses
     */
    public RouterJob upsert() {
        UpsertJob upsert = new UpsertJob(id, channelId, queueId, priority, labels, tags, classificationPolicyId,
                workerSelectors, matchingMode, removedLabels, removedTags, channelReference, note);
        return host.execute(Guarded.upsert(ifMatch, upsert));
    }
}
