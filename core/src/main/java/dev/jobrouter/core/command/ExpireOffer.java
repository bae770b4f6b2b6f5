package dev.jobrouter.core.command;

import java.time.Instant;

/**
 * An open offer reached its expiry.
 *
 * @param offerId the offer
 * @param jobId the offered job
 * @param workerId the worker
 * @param dueAt the offer's {@code expiresAt}
 */
public record ExpireOffer(String offerId, String jobId, String workerId, Instant dueAt) implements TimedCommand {}
