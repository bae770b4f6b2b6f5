package dev.jobrouter.core.command;

import dev.jobrouter.core.model.RouterJob;

/**
 * Complete an assigned job; its worker keeps the capacity (wrap-up).
 *
 * @param jobId the job
 * @param assignmentId its current assignment
 * @param note a note to add, or {@code null}
 */
public record CompleteJob(String jobId, String assignmentId, String note) implements RouterCommand<RouterJob> {}
