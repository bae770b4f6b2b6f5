package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A worker accepted an offer; the job is assigned to it.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param offerId the offer
 * @param jobId the job
 * @param workerId the worker
 * @param assignmentId the new assignment
 */
public record OfferAccepted(long sequence, Instant at, String offerId, String jobId, String workerId, String assignmentId) implements RouterEvent {}
