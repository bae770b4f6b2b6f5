package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job was closed and its worker's capacity released. Published at the release instant.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param assignmentId the assignment
 * @param workerId the worker whose capacity was released
 * @param dispositionCode the outcome, or {@code null}
 */
public record JobClosed(long sequence, Instant at, String jobId, String assignmentId, String workerId, String dispositionCode) implements RouterEvent {}
