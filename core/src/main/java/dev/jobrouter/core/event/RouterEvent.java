package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * Something that happened in the router. Listeners receive events in commit order, after the change
 * they report. Each carries what happened in full (ids, status, queue, channel, priority, labels,
 * tags, costs), so a listener can keep its own view of jobs and workers without reading the router.
 * Within one change: Received before Queued, OfferIssued before its Accepted, Accepted
 * before the Revoked of the job's other offers, Completed before Closed.
 */
public sealed interface RouterEvent
        permits JobReceived, JobQueued, JobUpdated, JobCompleted, JobClosed, JobCancelled, JobDeleted,
                OfferIssued, OfferAccepted, OfferDeclined, OfferExpired, OfferRevoked,
                WorkerRegistered, WorkerDeregistered, WorkerUpdated,
                JobClassified, JobClassificationFailed, JobWorkerSelectorsExpired, JobWaitingForActivation,
                JobUnassigned, WorkerDeleted, JobExceptionTriggered, JobScheduled {

    /**
     * @return the event's number: 0 for the router's first event, one more for each after it, in
     *     commit order; a refused command uses none
     */
    long sequence();

    /** @return when it happened: the instant of the command that caused it, shared by all its events */
    Instant at();
}
