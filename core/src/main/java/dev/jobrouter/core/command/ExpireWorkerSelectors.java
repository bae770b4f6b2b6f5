package dev.jobrouter.core.command;

import java.time.Instant;

/**
 * Worker selectors of a job reached their {@code expiresAt}: every active one due by then expires and
 * the job is matched again.
 *
 * @param jobId the job
 * @param dueAt the earliest {@code expiresAt} among its active selectors
 */
public record ExpireWorkerSelectors(String jobId, Instant dueAt) implements TimedCommand {}
