package dev.jobrouter.core.model;

import java.time.Instant;

/**
 * A job a worker holds capacity for: assigned, completed (wrap-up), or closed with a pending release.
 *
 * @param assignmentId the assignment's id
 * @param jobId the job
 * @param channelId the job's channel
 * @param capacityCost the capacity it holds
 * @param assignedAt when the offer was accepted
 */
public record RouterWorkerAssignment(
        String assignmentId, String jobId, String channelId, int capacityCost, Instant assignedAt) {}
