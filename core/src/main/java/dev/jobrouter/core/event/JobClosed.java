package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job was closed and its worker's capacity released. Published at the release instant.
 *
 * @param at when it happened, on the router's clock
 * @param jobId the job
 * @param assignmentId the assignment
 * @param workerId the worker whose capacity was released
 * @param dispositionCode the outcome, or {@code null}
 */
public record JobClosed(Instant at, String jobId, String assignmentId, String workerId, String dispositionCode) implements RouterEvent {}
