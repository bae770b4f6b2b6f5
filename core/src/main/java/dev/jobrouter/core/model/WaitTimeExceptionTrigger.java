package dev.jobrouter.core.model;

import java.time.Duration;

/**
 * Fires for a job still QUEUED in the queue {@code threshold} after it entered it, on the router's
 * clock: a virtual clock fires it exactly at enqueuedAt + threshold.
 *
 * @param threshold positive
 */
public record WaitTimeExceptionTrigger(Duration threshold) implements ExceptionTrigger {}
