package dev.jobrouter.core.model;

/**
 * What {@code unassignJob} returns.
 *
 * @param jobId the job handed back
 * @param unassignmentCount how often it has been handed back, this time included: 1 the first time
 */
public record UnassignJobResult(String jobId, int unassignmentCount) {}
