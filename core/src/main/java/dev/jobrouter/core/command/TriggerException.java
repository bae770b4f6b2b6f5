package dev.jobrouter.core.command;

/**
 * Decision fact: an exception rule is about to fire for a job. For a queue-length rule, which fires
 * within a caller's command, a refusal means it does not fire; a wait-time rule fires within the timed
 * {@link ExceptionWaitTimeDue}, so rules see it but cannot refuse it.
 *
 * @param jobId the job
 * @param queueId the queue whose exception policy holds the rule
 * @param exceptionPolicyId that policy
 * @param exceptionRuleId the rule
 */
public record TriggerException(String jobId, String queueId, String exceptionPolicyId, String exceptionRuleId)
        implements Command {}
