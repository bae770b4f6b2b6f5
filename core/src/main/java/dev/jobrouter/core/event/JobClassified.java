package dev.jobrouter.core.event;

import dev.jobrouter.core.model.RouterWorkerSelector;
import java.time.Instant;
import java.util.List;

/**
 * A classification policy gave a job its queue, priority and attached worker selectors.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param classificationPolicyId the policy
 * @param queueId the queue chosen
 * @param priority the priority given
 * @param attachedWorkerSelectors the selectors attached, as stored
 */
public record JobClassified(long sequence, Instant at, String jobId, String classificationPolicyId, String queueId,
        int priority, List<RouterWorkerSelector> attachedWorkerSelectors) implements RouterEvent {}
