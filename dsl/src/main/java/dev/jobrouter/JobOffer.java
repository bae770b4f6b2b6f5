package dev.jobrouter;

import dev.jobrouter.core.model.RouterJobOffer;
import java.time.Instant;

/** An open offer to answer: {@code offer.accept()} or {@code offer.decline()}. */
public final class JobOffer {
    private final JobRouter router;
    private final RouterJobOffer offer;

    JobOffer(JobRouter router, RouterJobOffer offer) {
        this.router = router;
        this.offer = offer;
    }

    /** @return the offer as it was read */
    public RouterJobOffer offer() {
        return offer;
    }

    /** @return the offered job's id */
    public String jobId() {
        return offer.jobId();
    }

    /**
     * Accepts the offer; see {@link JobRouter#acceptJobOffer(String, String)}.
     *
     * @return the assignment, to complete and close
     */
    public Assignment accept() {
        return new Assignment(router, router.acceptJobOffer(offer.workerId(), offer.offerId()));
    }

    /** Declines the offer for good; see {@link JobRouter#declineJobOffer(String, String)}. */
    public void decline() {
        router.declineJobOffer(offer.workerId(), offer.offerId());
    }

    /**
     * Declines the offer until {@code retryOfferAt}.
     *
     * @param retryOfferAt from when the job may be offered to the worker again
     */
    public void decline(Instant retryOfferAt) {
        router.declineJobOffer(offer.workerId(), offer.offerId(), retryOfferAt);
    }
}
