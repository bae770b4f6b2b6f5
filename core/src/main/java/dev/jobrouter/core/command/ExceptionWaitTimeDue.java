package dev.jobrouter.core.command;

import java.time.Instant;

/**
 * Timer: the earliest wait-time exception rule not yet fired for a queued job is due. Rules see it and
 * may add effects, but cannot refuse it.
 *
 * @param jobId the job
 * @param dueAt its enqueuedAt plus the rule's threshold
 */
public record ExceptionWaitTimeDue(String jobId, Instant dueAt) implements TimedCommand {}
