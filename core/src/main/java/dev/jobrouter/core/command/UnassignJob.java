package dev.jobrouter.core.command;

import dev.jobrouter.core.model.UnassignJobResult;

/**
 * Hand an assigned job back: the worker's capacity is released and the job is QUEUED and matched again
 * (its worker is eligible too), or WAITING_FOR_ACTIVATION in {@code SuspendMode} with
 * {@code suspendMatching}. The built-in rules allow it for an ASSIGNED job at most three times.
 *
 * @param jobId the job
 * @param assignmentId its current assignment
 * @param suspendMatching whether to hold the job instead of queueing it
 */
public record UnassignJob(String jobId, String assignmentId, boolean suspendMatching)
        implements RouterCommand<UnassignJobResult> {}
