package dev.jobrouter.core.command;

/**
 * Remove a job and every trace of it.
 *
 * @param jobId the job
 */
public record DeleteJob(String jobId) implements RouterCommand<Void> {}
