package dev.jobrouter;

import dev.jobrouter.core.engine.QueueSpec;
import dev.jobrouter.core.engine.RouterEngine;
import dev.jobrouter.core.model.RouterQueue;

/**
 * Defines or changes a queue; settings not given keep their value, labels merge.
 *
 * <pre>{@code
 * router.queue("q1").name("Sales").distributionPolicy("p1").upsert();
 * }</pre>
 */
public final class QueueDefinition extends Definition<QueueDefinition> {
    private final RouterEngine engine;
    private final String id;
    private String name;
    private String distributionPolicyId;

    QueueDefinition(RouterEngine engine, String id) {
        this.engine = engine;
        this.id = id;
    }

    @Override
    QueueDefinition self() {
        return this;
    }

    /** A display name. */
    public QueueDefinition name(String name) {
        this.name = name;
        return this;
    }

    /** The distribution policy for its jobs; required for a new queue; it must exist. */
    public QueueDefinition distributionPolicy(String policyId) {
        this.distributionPolicyId = policyId;
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
        return engine.upsertQueue(new QueueSpec(id, name, distributionPolicyId, labels));
    }
}
