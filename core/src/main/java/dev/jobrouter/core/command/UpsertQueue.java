package dev.jobrouter.core.command;

import dev.jobrouter.core.model.RouterQueue;
import java.util.Map;
import java.util.Set;

/**
 * Create or change a queue. Null fields keep their current value; labels merge key by key. Decided as
 * itself, with the queue as it would be and its distribution policy.
 *
 * @param queueId the queue
 * @param name a display name, or {@code null}
 * @param distributionPolicyId its distribution policy, which must exist; required for a new queue
 * @param labels labels to set
 * @param exceptionPolicyId its exception policy, which must exist; or {@code null} to keep it
 * @param removedLabels label keys to remove (not {@code Id})
 */
public record UpsertQueue(String queueId, String name, String distributionPolicyId, Map<String, Object> labels,
        String exceptionPolicyId, Set<String> removedLabels) implements UpsertCommand<RouterQueue> {

    /**
     * A queue upsert that removes no label.
     *
     * @param queueId the queue's id
     * @param name a display name
     * @param distributionPolicyId the distribution policy's id
     * @param labels the labels: string, number or boolean values
     * @param exceptionPolicyId the exception policy's id
     */
    public UpsertQueue(String queueId, String name, String distributionPolicyId, Map<String, Object> labels,
            String exceptionPolicyId) {
        this(queueId, name, distributionPolicyId, labels, exceptionPolicyId, null);
    }

    /**
     * A queue upsert that keeps the exception policy.
     *
     * @param queueId the queue's id
     * @param name a display name
     * @param distributionPolicyId the distribution policy's id
     * @param labels the labels: string, number or boolean values
     */
    public UpsertQueue(String queueId, String name, String distributionPolicyId, Map<String, Object> labels) {
        this(queueId, name, distributionPolicyId, labels, null);
    }

    @Override
    public String entityId() {
        return queueId;
    }

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param queueId the queue
     * @param name a display name, or {@code null}
     * @param distributionPolicyId its distribution policy, which must exist; required for a new queue
     * @param labels labels to set
     * @param exceptionPolicyId its exception policy, which must exist; or {@code null} to keep it
     * @param removedLabels label keys to remove (not {@code Id})
     *     /
     */
    public UpsertQueue {
        labels = Values.copy(labels);
        removedLabels = Values.copy(removedLabels);
    }
}
