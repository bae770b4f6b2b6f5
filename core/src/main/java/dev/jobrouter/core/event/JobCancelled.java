package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job was cancelled.
 *
 * @param at when it happened, on the router's clock
 * @param jobId the job
 * @param dispositionCode the outcome
 */
public record JobCancelled(Instant at, String jobId, String dispositionCode) implements RouterEvent {}
