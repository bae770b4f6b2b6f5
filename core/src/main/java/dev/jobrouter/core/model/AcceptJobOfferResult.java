package dev.jobrouter.core.model;

/**
 * What accepting an offer produced.
 *
 * @param assignmentId the new assignment, needed to complete and close the job
 * @param jobId the job now assigned
 * @param workerId the worker holding it
 */
public record AcceptJobOfferResult(String assignmentId, String jobId, String workerId) {}
