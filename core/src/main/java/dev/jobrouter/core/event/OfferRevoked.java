package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * An open offer was withdrawn.
 *
 * @param at when it happened, on the router's clock
 * @param offerId the offer
 * @param jobId the job
 * @param workerId the worker
 */
public record OfferRevoked(Instant at, String offerId, String jobId, String workerId) implements RouterEvent {}
