package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A worker declined an offer.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param offerId the offer
 * @param jobId the job
 * @param workerId the worker
 * @param retryOfferAt from when the worker may be offered the job again, or {@code null} for never
 */
public record OfferDeclined(long sequence, Instant at, String offerId, String jobId, String workerId, Instant retryOfferAt) implements RouterEvent {}
