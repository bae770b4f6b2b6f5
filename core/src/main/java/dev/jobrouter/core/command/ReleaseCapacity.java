package dev.jobrouter.core.command;

import java.time.Instant;

/**
 * The release instant of a close came: the job becomes CLOSED and its worker's capacity is freed.
 *
 * @param jobId the job
 * @param assignmentId the closed assignment
 * @param dueAt the release instant the rules chose
 */
public record ReleaseCapacity(String jobId, String assignmentId, Instant dueAt) implements TimedCommand {}
