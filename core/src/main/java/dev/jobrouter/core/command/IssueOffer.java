package dev.jobrouter.core.command;

/**
 * The matcher proposes to offer a job to a fitting worker. A refusal skips that worker.
 *
 * @param jobId the job
 * @param workerId the worker
 */
public record IssueOffer(String jobId, String workerId) implements Command {}
