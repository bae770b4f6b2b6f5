package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job was cancelled; its open offers are revoked (each with its own event) and held capacity released.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param dispositionCode the outcome
 * @param note the note the cancel added, or {@code null}
 * @param assignmentId the assignment whose capacity the cancel released, or {@code null}
 * @param workerId the worker of that assignment, or {@code null}
 */
public record JobCancelled(long sequence, Instant at, String jobId, String dispositionCode, String note, String assignmentId,
        String workerId) implements RouterEvent {}
