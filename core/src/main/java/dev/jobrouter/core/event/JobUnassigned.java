package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * An assigned job was handed back; its worker's capacity is released.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param assignmentId the assignment that ended
 * @param workerId the worker that held it
 * @param unassignmentCount how often the job has been handed back, this time included
 */
public record JobUnassigned(long sequence, Instant at, String jobId, String assignmentId, String workerId,
        int unassignmentCount) implements RouterEvent {}
