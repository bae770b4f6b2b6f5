package dev.jobrouter;

import dev.jobrouter.core.command.UpsertQueue;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.RouterQueue;

/**
 * Defines or changes a queue; settings not given keep their value, labels merge.
 *
 * <pre>{@code
 * router.queue("q1").name("Sales").distributionPolicy("p1").upsert();
 * }</pre>
 */
public final class QueueDefinition extends Definition<QueueDefinition> {
    private final LocalHost host;
    private String ifMatch;
    private final String id;
    private String name;
    private String distributionPolicyId;
    private String exceptionPolicyId;

    QueueDefinition(LocalHost host, String id) {
        this.host = host;
        this.id = id;
    }

    @Override
    QueueDefinition self() {
        return this;
    }

    /**
     * A display name.
     *
     * @param name a display name
     * @return this definition, for chaining
     */
    public QueueDefinition name(String name) {
        this.name = Arguments.required("name", name);
        return this;
    }

    /**
     * The distribution policy for its jobs; required for a new queue; it must exist.
     *
     * @param policyId the policy's id
     * @return this definition, for chaining
     */
    public QueueDefinition distributionPolicy(String policyId) {
        this.distributionPolicyId = Arguments.required("policyId", policyId);
        return this;
    }

    /**
     * The exception policy for its queued jobs; it must exist.
     *
     * @param policyId the policy's id
     * @return this definition, for chaining
     */
    public QueueDefinition exceptionPolicy(String policyId) {
        this.exceptionPolicyId = Arguments.required("policyId", policyId);
        return this;
    }

    /**
     * Makes the upsert conditional: it runs only when the stored queue still has this etag, read from its
     * {@code etag()}; otherwise, or when the queue does not exist, it fails with PRECONDITION_FAILED and
     * changes nothing.
     *
     * @param etag the etag the entity must still have
     * @return this definition, for chaining
     */
    public QueueDefinition ifMatch(String etag) {
        this.ifMatch = Arguments.required("etag", etag);
        return this;
    }

    /**
     * Creates or changes the queue.
     *
     * @return the queue as stored
     * @throws dev.jobrouter.core.RouterException INVALID_ARGUMENT for a blank id, a missing or unknown
     *     policy, or a bad label
     */
    public RouterQueue upsert() {
        UpsertQueue upsert = new UpsertQueue(id, name, distributionPolicyId, labels, exceptionPolicyId, removedLabels);
        return host.execute(Guarded.upsert(ifMatch, upsert));
    }
}
