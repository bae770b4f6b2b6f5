package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A worker accepted an offer; the job is assigned to it.
 *
 * @param at when it happened, on the router's clock
 * @param offerId the offer
 * @param jobId the job
 * @param workerId the worker
 * @param assignmentId the new assignment
 */
public record OfferAccepted(Instant at, String offerId, String jobId, String workerId, String assignmentId) implements RouterEvent {}
