package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job was offered to a worker; the offer holds {@code capacityCost} of the worker's capacity while open.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param offerId the offer
 * @param jobId the job
 * @param workerId the worker
 * @param channelId the job's channel
 * @param capacityCost the capacity the offer holds
 * @param offeredAt when it was issued (equal to {@code at})
 * @param expiresAt when it expires unless answered
 */
public record OfferIssued(long sequence, Instant at, String offerId, String jobId, String workerId, String channelId, int capacityCost,
        Instant offeredAt, Instant expiresAt) implements RouterEvent {}
