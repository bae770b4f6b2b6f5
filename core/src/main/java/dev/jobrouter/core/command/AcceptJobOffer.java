package dev.jobrouter.core.command;

import dev.jobrouter.core.model.AcceptJobOfferResult;

/**
 * A worker accepts an open offer: the job is ASSIGNED and its other open offers are revoked.
 *
 * @param workerId the worker
 * @param offerId the offer
 * @param jobId the offered job, for rules to join on; a caller may leave it {@code null} (the usual
 *     case: see {@link #AcceptJobOffer(String, String)}), and the rules then see it filled in from the
 *     offer. One that is given must be the offer's job, or the worker has no such offer (NOT_FOUND)
 */
public record AcceptJobOffer(String workerId, String offerId, String jobId) implements RouterCommand<AcceptJobOfferResult> {

    /**
     * Accepts the offer; the rules see the command with the offer's job filled in.
     *
     * @param workerId the worker's id
     * @param offerId the offer's id
     */
    public AcceptJobOffer(String workerId, String offerId) {
        this(workerId, offerId, null);
    }

    /**
     * @param offeredJobId the offered job's id
     * @return this command naming the given job, as the rules see it
     */
    public AcceptJobOffer forJob(String offeredJobId) {
        return offeredJobId.equals(jobId) ? this : new AcceptJobOffer(workerId, offerId, offeredJobId);
    }
}
