package dev.jobrouter.core.internal.engine;

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
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobAssignment;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerAssignment;
import dev.jobrouter.core.rules.Verdict;
import dev.jobrouter.core.time.RouterTime;
import java.time.Instant;

/**
 * The offer commands: accept, decline, expiry and the retry time of a decline; plus issuing the
 * offers the matcher finds and revoking those whose job or worker moved on.
 */
final class OfferLifecycle implements Handlers.Family {
    private final RouterState state;
    private final Decider decider;

    OfferLifecycle(RouterState state, Decider decider) {
        this.state = state;
        this.decider = decider;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(AcceptJobOffer.class, this::accept);
        handlers.on(DeclineJobOffer.class, this::decline);
        handlers.on(ExpireOffer.class, this::expire);
        handlers.on(OfferRetryDue.class, this::retryDue);
    }

    /** Issues an offer the matcher found and the rules allowed. */
    void issue(Transaction tx, RouterJob job, RouterWorker worker) {
        Instant now = tx.now();
        int cost = worker.channels().get(job.channelId()).capacityCostPerJob();
        DistributionPolicy policy = state.policyOf(job);
        Instant expiresAt = now.plus(policy.offerExpiresAfter());
        if (policy.mode() == DistributionMode.ROUND_ROBIN) {
            state.roundRobinCursors.put(job.queueId(), worker.id());
        }
        RouterJobOffer offer = new RouterJobOffer(state.sequences.nextOfferId(), job.id(), worker.id(), job.channelId(),
                cost, now, expiresAt, OfferStatus.OPEN);
        state.offers.put(offer.offerId(), offer);
        state.workers.put(worker.id(), Snapshots.withOffer(worker, offer));
        state.timers.schedule(new ExpireOffer(offer.offerId(), job.id(), worker.id(), expiresAt));
        tx.publish(new OfferIssued(tx.sequence(), now, offer.offerId(), job.id(), worker.id(), job.channelId(), cost, now,
                expiresAt));
    }

    AcceptJobOfferResult accept(AcceptJobOffer command, Transaction tx) {
        RouterWorker worker = state.worker(command.workerId());
        RouterJobOffer offer = offerOf(worker, command.offerId(), command.jobId());
        RouterJob job = state.jobs.get(offer.jobId());
        decider.require(tx, command.forJob(job.id()), () -> describe(offer, job), job, worker, offer);

        Instant now = tx.now();
        RouterJobAssignment assignment = new RouterJobAssignment(state.sequences.nextAssignmentId(), worker.id(),
                offer.capacityCost(), now, null, null, null);
        state.offers.put(offer.offerId(), offer.withStatus(OfferStatus.ACCEPTED));
        cancelExpiry(offer);
        state.workers.put(worker.id(), Snapshots.withAcceptedOffer(worker, offer.offerId(), new RouterWorkerAssignment(
                assignment.assignmentId(), job.id(), job.channelId(), offer.capacityCost(), now)));
        state.jobs.put(job.id(), Snapshots.withStatus(Snapshots.withAssignment(job, assignment), JobStatus.ASSIGNED));
        tx.publish(new OfferAccepted(tx.sequence(), now, offer.offerId(), job.id(), worker.id(),
                assignment.assignmentId()));
        revokeOpenOffers(tx, job.id());
        // An offer became an assignment: under a maxConcurrentOffers limit that frees room for another offer.
        tx.workersToMatch.add(worker.id());
        return new AcceptJobOfferResult(assignment.assignmentId(), job.id(), worker.id());
    }

    Void decline(DeclineJobOffer command, Transaction tx) {
        if (command.retryOfferAt() != null) {
            RouterTime.checked("retryOfferAt", command.retryOfferAt());
        }
        RouterWorker worker = state.worker(command.workerId());
        RouterJobOffer offer = offerOf(worker, command.offerId(), command.jobId());
        RouterJob job = state.jobs.get(offer.jobId());
        Verdict verdict = decider.require(tx, command.forJob(job.id()), () -> describe(offer, job), job, worker, offer);

        Instant now = tx.now();
        end(tx, offer, OfferStatus.DECLINED);
        Instant retryAt = verdict.retryOfferAt() == null ? null
                : Decider.chosenInstant(verdict, verdict.retryOfferAt(), "retry instant");
        ImmutableMap<String, Instant> declined = state.declines.get(worker.id());
        state.declines.put(worker.id(), ImmutableMap.<String, Instant>builder()
                .putAll(declined == null ? ImmutableMap.of() : declined)
                .put(job.id(), retryAt == null ? Instant.MAX : retryAt)
                .buildKeepingLast());
        if (retryAt != null && retryAt.isAfter(now)) {
            state.timers.schedule(new OfferRetryDue(job.id(), worker.id(), retryAt));
        }
        tx.publish(new OfferDeclined(tx.sequence(), now, offer.offerId(), job.id(), worker.id(), retryAt));
        return null;
    }

    /** Applies an offer's expiry, if the offer is still open. */
    Void expire(ExpireOffer timer, Transaction tx) {
        RouterJobOffer offer = state.offers.get(timer.offerId());
        if (offer == null || offer.status() != OfferStatus.OPEN || !offer.expiresAt().equals(timer.dueAt())) {
            return null;
        }
        RouterJob job = state.jobs.get(offer.jobId());
        RouterWorker worker = state.workers.get(offer.workerId());
        decider.decideTimed(tx, timer, job, worker, offer);
        end(tx, offer, OfferStatus.EXPIRED);
        tx.publish(new OfferExpired(tx.sequence(), tx.now(), offer.offerId(), offer.jobId(), offer.workerId()));
        return null;
    }

    /** Makes a job eligible for a worker again once the retry time of its decline has come. */
    Void retryDue(OfferRetryDue timer, Transaction tx) {
        tx.jobsToMatch.add(timer.jobId());
        tx.workersToMatch.add(timer.workerId());
        return null;
    }

    /** Revokes every open offer of the job; a rule refusing a revocation refuses the whole command. */
    void revokeOpenOffers(Transaction tx, String jobId) {
        for (RouterJobOffer offer : state.openOffersOf(jobId)) {
            revoke(tx, offer);
        }
    }

    /**
     * Revokes the job's open offers that no longer fit it after its queue or selectors changed: to a
     * worker not on its queue, or one that no longer satisfies its selectors.
     */
    void revokeUnfitting(Transaction tx, RouterJob job) {
        DistributionPolicy policy = state.policyOf(job);
        for (RouterJobOffer offer : state.openOffersOf(job.id())) {
            RouterWorker worker = state.workers.get(offer.workerId());
            if (!worker.queues().contains(job.queueId()) || (!policy.bypassSelectors() && !Fit.satisfies(job, worker))) {
                revoke(tx, offer);
            }
        }
    }

    /** Revokes every open offer the worker holds. */
    void revokeOffersOf(Transaction tx, RouterWorker worker) {
        for (RouterJobOffer offer : worker.offers()) {
            revoke(tx, state.offers.get(offer.offerId()));
        }
    }

    private void revoke(Transaction tx, RouterJobOffer offer) {
        RouterJob job = state.jobs.get(offer.jobId());
        RouterWorker worker = state.workers.get(offer.workerId());
        decider.require(tx, new RevokeOffer(offer.offerId(), offer.jobId(), offer.workerId()),
                () -> "offer " + offer.offerId() + " of job " + offer.jobId() + " is OPEN", job, worker, offer);
        end(tx, offer, OfferStatus.REVOKED);
        tx.publish(new OfferRevoked(tx.sequence(), tx.now(), offer.offerId(), offer.jobId(), offer.workerId()));
    }

    /** Ends an open offer: its capacity goes back to the worker and its job may want another offer. */
    private void end(Transaction tx, RouterJobOffer offer, OfferStatus outcome) {
        state.offers.put(offer.offerId(), offer.withStatus(outcome));
        cancelExpiry(offer);
        RouterWorker worker = state.workers.get(offer.workerId());
        state.workers.put(worker.id(), Snapshots.withoutOffer(worker, offer.offerId(), tx.now()));
        tx.jobsToMatch.add(offer.jobId());
        tx.workersToMatch.add(offer.workerId());
    }

    private void cancelExpiry(RouterJobOffer offer) {
        state.timers.cancel(new ExpireOffer(offer.offerId(), offer.jobId(), offer.workerId(), offer.expiresAt()));
    }


    /** @param jobId the job the caller says the offer is for, or {@code null} */
    private RouterJobOffer offerOf(RouterWorker worker, String offerId, String jobId) {
        RouterJobOffer offer = state.offers.get(Ids.check("offerId", offerId));
        if (offer == null || !offer.workerId().equals(worker.id())) {
            throw RouterException.notFound("worker " + worker.id() + " has no offer " + offerId);
        }
        if (jobId != null && !jobId.equals(offer.jobId())) {
            throw RouterException.notFound("worker " + worker.id() + " has no offer " + offerId + " of job " + jobId);
        }
        return offer;
    }

    private static String describe(RouterJobOffer offer, RouterJob job) {
        return "offer " + offer.offerId() + " is " + offer.status() + " and job " + job.id() + " is " + job.status();
    }
}
