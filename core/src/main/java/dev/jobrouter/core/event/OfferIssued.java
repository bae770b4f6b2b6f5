package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job was offered to a worker.
 *
 * @param at when it happened, on the router's clock
 * @param offerId the offer
 * @param jobId the job
 * @param workerId the worker
 * @param expiresAt when it expires unless answered
 */
public record OfferIssued(Instant at, String offerId, String jobId, String workerId, Instant expiresAt) implements RouterEvent {}
