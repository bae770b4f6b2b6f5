package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A classification policy could not classify a job, which is now CLASSIFICATION_FAILED.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param classificationPolicyId the policy
 * @param reason why: no queue chosen, or the rule that failed and its value
 */
public record JobClassificationFailed(long sequence, Instant at, String jobId, String classificationPolicyId,
        String reason) implements RouterEvent {}
