package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * An assigned job was completed; its worker still holds the capacity.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param assignmentId the assignment
 * @param workerId the worker
 * @param note the note the completion added, or {@code null}
 */
public record JobCompleted(long sequence, Instant at, String jobId, String assignmentId, String workerId, String note) implements RouterEvent {}
