package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job was removed with all its traces.
 *
 * @param at when it happened, on the router's clock
 * @param jobId the job
 */
public record JobDeleted(Instant at, String jobId) implements RouterEvent {}
