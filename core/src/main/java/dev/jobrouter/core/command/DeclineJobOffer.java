package dev.jobrouter.core.command;

import java.time.Instant;

/**
 * A worker declines an open offer. The rules decide when the worker may be offered the job again by
 * inserting {@code RetryOfferAt}; without one, never (until it registers again).
 *
 * @param workerId the worker
 * @param offerId the offer
 * @param jobId the offered job, for rules to join on; a caller may leave it {@code null} (see
 *     {@link #DeclineJobOffer(String, String, Instant)}), and the rules then see it filled in from the
 *     offer. One that is given must be the offer's job, or the worker has no such offer (NOT_FOUND)
 * @param retryOfferAt when the worker asked to be eligible again, or {@code null}
 */
public record DeclineJobOffer(String workerId, String offerId, String jobId, Instant retryOfferAt)
        implements RouterCommand<Void> {

    /**
     * Declines the offer; the rules see the command with the offer's job filled in.
     *
     * @param workerId the worker's id
     * @param offerId the offer's id
     * @param retryOfferAt from when the job may be offered to the worker again
     */
    public DeclineJobOffer(String workerId, String offerId, Instant retryOfferAt) {
        this(workerId, offerId, null, retryOfferAt);
    }

    /**
     * @param offeredJobId the offered job's id
     * @return this command naming the given job, as the rules see it
     */
    public DeclineJobOffer forJob(String offeredJobId) {
        return offeredJobId.equals(jobId) ? this : new DeclineJobOffer(workerId, offerId, offeredJobId, retryOfferAt);
    }
}
