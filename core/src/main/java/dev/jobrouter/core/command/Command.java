package dev.jobrouter.core.command;

/**
 * A request to change the router, as the rules see it. Every lifecycle transition is one of these,
 * whether a caller asked for it or the matcher or the clock caused it. The records carry ids; the
 * entities they name are inserted beside them as separate facts.
 */
public sealed interface Command
        permits CreateJob, UpdateJob, CompleteJob, CloseJob, CancelJob, DeleteJob,
                IssueOffer, AcceptJobOffer, DeclineJobOffer, RevokeOffer,
                UpdateWorker, RegisterWorker, DeregisterWorker, TimedCommand {}
