package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * An offer reached its expiry unanswered.
 *
 * @param at when it happened, on the router's clock
 * @param offerId the offer
 * @param jobId the job
 * @param workerId the worker
 */
public record OfferExpired(Instant at, String offerId, String jobId, String workerId) implements RouterEvent {}
