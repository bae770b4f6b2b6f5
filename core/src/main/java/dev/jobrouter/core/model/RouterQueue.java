package dev.jobrouter.core.model;

import java.util.Map;

/**
 * A queue of jobs, distributed by a distribution policy.
 *
 * @param id the queue's id
 * @param name a display name, or {@code null}
 * @param distributionPolicyId the policy deciding how its jobs are offered; it exists
 * @param labels labels; always holds {@code Id} equal to the queue id
 * @param exceptionPolicyId the exception policy for its jobs, or {@code null}
 * @param etag an opaque tag that every change to the queue replaces; {@code null} until the router stores it
 */
public record RouterQueue(String id, String name, String distributionPolicyId, Map<String, Object> labels,
        String exceptionPolicyId, String etag) {}
