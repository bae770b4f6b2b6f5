package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * An assigned job was completed; its worker still holds the capacity.
 *
 * @param at when it happened, on the router's clock
 * @param jobId the job
 * @param assignmentId the assignment
 * @param workerId the worker
 */
public record JobCompleted(Instant at, String jobId, String assignmentId, String workerId) implements RouterEvent {}
