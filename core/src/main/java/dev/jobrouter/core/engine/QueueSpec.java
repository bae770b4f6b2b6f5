package dev.jobrouter.core.engine;

import java.util.Map;

/**
 * What an upsert of a queue sets. Null fields keep their current value; labels merge key by key.
 *
 * @param queueId the queue
 * @param name a display name, or {@code null}
 * @param distributionPolicyId its distribution policy, which must exist; required for a new queue
 * @param labels labels to set
 */
public record QueueSpec(String queueId, String name, String distributionPolicyId, Map<String, Object> labels) {}
