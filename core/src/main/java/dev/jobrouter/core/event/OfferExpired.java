package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * An offer reached its expiry unanswered.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param offerId the offer
 * @param jobId the job
 * @param workerId the worker
 */
public record OfferExpired(long sequence, Instant at, String offerId, String jobId, String workerId) implements RouterEvent {}
