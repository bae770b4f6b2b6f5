package dev.jobrouter.core.command;

import java.time.Instant;

/**
 * Timer: a scheduled job's instant has come, so it now waits for activation. Rules see it and may add
 * effects, but cannot refuse it.
 *
 * @param jobId the job
 * @param dueAt the instant its {@code ScheduleAndSuspendMode} names
 */
public record ActivateJob(String jobId, Instant dueAt) implements TimedCommand {}
