package dev.jobrouter.core.engine;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.AcceptJobOffer;
import dev.jobrouter.core.command.DeclineJobOffer;
import dev.jobrouter.core.command.ExpireOffer;
import dev.jobrouter.core.command.OfferRetryDue;
import dev.jobrouter.core.command.RevokeOffer;
import dev.jobrouter.core.event.OfferAccepted;
import dev.jobrouter.core.event.OfferDeclined;
import dev.jobrouter.core.event.OfferExpired;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobAssignment;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerAssignment;
import dev.jobrouter.core.rules.Verdict;
import java.time.Instant;

/** Issues offers and applies the answers to them: accept, decline, expiry and revocation. */
final class OfferLifecycle {
    private final Context ctx;

    OfferLifecycle(Context ctx) {
        this.ctx = ctx;
    }

    /** Issues an offer the matcher found and the rules allowed. */
    void issue(RouterJob job, RouterWorker worker) {
        Instant now = ctx.now();
        int cost = worker.channels().get(job.channelId()).capacityCostPerJob();
        Instant expiresAt = now.plus(ctx.state.policyOf(job).offerExpiresAfter());
        RouterJobOffer offer = new RouterJobOffer(ctx.newOfferId(), job.id(), worker.id(), job.channelId(), cost, now,
                expiresAt, OfferStatus.OPEN);
        ctx.state.offers.put(offer.offerId(), offer);
        ctx.state.workers.put(worker.id(), Snapshots.withOffer(worker, offer));
        ctx.timers.schedule(new ExpireOffer(offer.offerId(), job.id(), worker.id(), expiresAt));
        ctx.publish(new OfferIssued(now, offer.offerId(), job.id(), worker.id(), expiresAt));
    }

    AcceptJobOfferResult accept(String workerId, String offerId) {
        RouterWorker worker = ctx.worker(workerId);
        RouterJobOffer offer = offerOf(worker, offerId);
        RouterJob job = ctx.job(offer.jobId());
        ctx.decider.require(new AcceptJobOffer(workerId, offerId, job.id()), () -> describe(offer, job), job, worker, offer);

        Instant now = ctx.now();
        RouterJobAssignment assignment = new RouterJobAssignment(ctx.newAssignmentId(), workerId, offer.capacityCost(),
                now, null, null, null);
        ctx.state.offers.put(offerId, offer.withStatus(OfferStatus.ACCEPTED));
        cancelExpiry(offer);
        ctx.state.workers.put(workerId, Snapshots.withAcceptedOffer(worker, offerId, new RouterWorkerAssignment(
                assignment.assignmentId(), job.id(), job.channelId(), offer.capacityCost(), now)));
        ctx.state.jobs.put(job.id(), Snapshots.withStatus(Snapshots.withAssignment(job, assignment), JobStatus.ASSIGNED));
        ctx.publish(new OfferAccepted(now, offerId, job.id(), workerId, assignment.assignmentId()));
        revokeOpenOffers(job.id());
        return new AcceptJobOfferResult(assignment.assignmentId(), job.id(), workerId);
    }

    void decline(String workerId, String offerId, Instant retryOfferAt) {
        RouterWorker worker = ctx.worker(workerId);
        RouterJobOffer offer = offerOf(worker, offerId);
        RouterJob job = ctx.job(offer.jobId());
        Verdict verdict = ctx.decider.require(new DeclineJobOffer(workerId, offerId, job.id(), retryOfferAt),
                () -> describe(offer, job), job, worker, offer);

        Instant now = ctx.now();
        end(offer, OfferStatus.DECLINED, now);
        Instant retryAt = verdict.retryOfferAt();
        ImmutableMap<String, Instant> declined = ctx.state.declines.get(workerId);
        ctx.state.declines.put(workerId, ImmutableMap.<String, Instant>builder()
                .putAll(declined == null ? ImmutableMap.of() : declined)
                .put(job.id(), retryAt == null ? Instant.MAX : retryAt)
                .buildKeepingLast());
        if (retryAt != null && retryAt.isAfter(now)) {
            ctx.timers.schedule(new OfferRetryDue(job.id(), workerId, retryAt));
        }
        ctx.publish(new OfferDeclined(now, offerId, job.id(), workerId, retryAt));
    }

    /** Applies an offer's expiry, if the offer is still open. */
    void expire(ExpireOffer timer) {
        RouterJobOffer offer = ctx.state.offers.get(timer.offerId());
        if (offer == null || offer.status() != OfferStatus.OPEN || !offer.expiresAt().equals(timer.dueAt())) {
            return;
        }
        RouterJob job = ctx.state.jobs.get(offer.jobId());
        RouterWorker worker = ctx.state.workers.get(offer.workerId());
        ctx.decider.decideTimed(timer, job, worker, offer);
        end(offer, OfferStatus.EXPIRED, ctx.now());
        ctx.publish(new OfferExpired(ctx.now(), offer.offerId(), offer.jobId(), offer.workerId()));
    }

    /** Makes a job eligible for a worker again once the retry time of its decline has come. */
    void retryDue(OfferRetryDue timer) {
        ctx.jobsToMatch.add(timer.jobId());
        ctx.workersToMatch.add(timer.workerId());
    }

    /** Revokes every open offer of the job; a rule refusing a revocation refuses the whole command. */
    void revokeOpenOffers(String jobId) {
        for (RouterJobOffer offer : ctx.state.openOffersOf(jobId)) {
            revoke(offer);
        }
    }

    /** Revokes every open offer the worker holds. */
    void revokeOffersOf(RouterWorker worker) {
        for (RouterJobOffer offer : worker.offers()) {
            revoke(ctx.state.offers.get(offer.offerId()));
        }
    }

    private void revoke(RouterJobOffer offer) {
        RouterJob job = ctx.state.jobs.get(offer.jobId());
        RouterWorker worker = ctx.state.workers.get(offer.workerId());
        ctx.decider.require(new RevokeOffer(offer.offerId(), offer.jobId(), offer.workerId()),
                () -> "offer " + offer.offerId() + " of job " + offer.jobId() + " is OPEN", job, worker, offer);
        end(offer, OfferStatus.REVOKED, ctx.now());
        ctx.publish(new OfferRevoked(ctx.now(), offer.offerId(), offer.jobId(), offer.workerId()));
    }

    /** Ends an open offer: its capacity goes back to the worker and its job may want another offer. */
    private void end(RouterJobOffer offer, OfferStatus outcome, Instant now) {
        ctx.state.offers.put(offer.offerId(), offer.withStatus(outcome));
        cancelExpiry(offer);
        RouterWorker worker = ctx.state.workers.get(offer.workerId());
        ctx.state.workers.put(worker.id(), Snapshots.withoutOffer(worker, offer.offerId(), now));
        ctx.jobsToMatch.add(offer.jobId());
        ctx.workersToMatch.add(offer.workerId());
    }

    private void cancelExpiry(RouterJobOffer offer) {
        ctx.timers.cancel(new ExpireOffer(offer.offerId(), offer.jobId(), offer.workerId(), offer.expiresAt()));
    }

    private RouterJobOffer offerOf(RouterWorker worker, String offerId) {
        RouterJobOffer offer = ctx.state.offers.get(Ids.check("offerId", offerId));
        if (offer == null || !offer.workerId().equals(worker.id())) {
            throw RouterException.notFound("worker " + worker.id() + " has no offer " + offerId);
        }
        return offer;
    }

    private static String describe(RouterJobOffer offer, RouterJob job) {
        return "offer " + offer.offerId() + " is " + offer.status() + " and job " + job.id() + " is " + job.status();
    }
}
