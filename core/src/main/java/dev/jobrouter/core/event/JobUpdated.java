package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job's priority, labels or tags changed.
 *
 * @param at when it happened, on the router's clock
 * @param jobId the job
 */
public record JobUpdated(Instant at, String jobId) implements RouterEvent {}
