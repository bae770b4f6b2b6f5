package dev.jobrouter.core.model;

import java.time.Instant;

/**
 * An offer of a job to a worker. While {@link OfferStatus#OPEN} it holds {@code capacityCost} of the
 * worker's capacity.
 *
 * @param offerId the offer's id, unique within the router
 * @param jobId the job offered
 * @param workerId the worker it is offered to
 * @param channelId the job's channel
 * @param capacityCost the worker's cost for a job on that channel
 * @param offeredAt when it was issued
 * @param expiresAt when it expires unless answered
 * @param status where it is in its life
 */
public record RouterJobOffer(
        String offerId,
        String jobId,
        String workerId,
        String channelId,
        int capacityCost,
        Instant offeredAt,
        Instant expiresAt,
        OfferStatus status) {

    /**
     * @param newStatus the offer's status from now on
     * @return a copy with the given status
     */
    public RouterJobOffer withStatus(OfferStatus newStatus) {
        return new RouterJobOffer(offerId, jobId, workerId, channelId, capacityCost, offeredAt, expiresAt, newStatus);
    }
}
