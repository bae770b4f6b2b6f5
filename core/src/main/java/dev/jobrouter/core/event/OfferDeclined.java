package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A worker declined an offer.
 *
 * @param at when it happened, on the router's clock
 * @param offerId the offer
 * @param jobId the job
 * @param workerId the worker
 * @param retryOfferAt from when the worker may be offered the job again, or {@code null} for never
 */
public record OfferDeclined(Instant at, String offerId, String jobId, String workerId, Instant retryOfferAt) implements RouterEvent {}
