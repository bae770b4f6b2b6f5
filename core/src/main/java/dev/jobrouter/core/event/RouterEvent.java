package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * Something that happened in the router. Listeners receive events in commit order, after the change
 * they report; within one change: Received before Queued, OfferIssued before its Accepted, Accepted
 * before the Revoked of the job's other offers, Completed before Closed.
 */
public sealed interface RouterEvent
        permits JobReceived, JobQueued, JobUpdated, JobCompleted, JobClosed, JobCancelled, JobDeleted,
                OfferIssued, OfferAccepted, OfferDeclined, OfferExpired, OfferRevoked,
                WorkerRegistered, WorkerDeregistered, WorkerUpdated {

    /** @return when it happened, on the router's clock */
    Instant at();
}
