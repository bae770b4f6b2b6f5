package dev.jobrouter.core.command;

import java.time.Instant;

/**
 * A worker that declined a job with a retry time may be offered it again from now on.
 *
 * @param jobId the job
 * @param workerId the worker
 * @param dueAt the retry instant
 */
public record OfferRetryDue(String jobId, String workerId, Instant dueAt) implements TimedCommand {}
