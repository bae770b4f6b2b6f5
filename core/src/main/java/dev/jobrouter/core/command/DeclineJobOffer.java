package dev.jobrouter.core.command;

import java.time.Instant;

/**
 * A worker declines an open offer. The rules decide when the worker may be offered the job again by
 * inserting {@code RetryOfferAt}; without one, never (until it registers again).
 *
 * @param workerId the worker
 * @param offerId the offer
 * @param jobId the offered job
 * @param retryOfferAt when the worker asked to be eligible again, or {@code null}
 */
public record DeclineJobOffer(String workerId, String offerId, String jobId, Instant retryOfferAt)
        implements Command {}
