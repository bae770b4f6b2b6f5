package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * An exception rule fired for a job; its actions follow.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param queueId the queue whose exception policy holds the rule
 * @param exceptionRuleId the rule
 */
public record JobExceptionTriggered(long sequence, Instant at, String jobId, String queueId, String exceptionRuleId)
        implements RouterEvent {}
