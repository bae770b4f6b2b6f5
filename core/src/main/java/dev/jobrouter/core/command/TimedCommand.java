package dev.jobrouter.core.command;

import java.time.Instant;

/**
 * A command the router's clock issues when its instant comes; the host executes it at
 * {@link #dueAt()}. Rules see it like any other, but cannot refuse it: time passes whatever the rules
 * say. They can add follow-ups to it. A timed command whose subject has moved on (an offer answered
 * before it expired) changes nothing.
 */
public sealed interface TimedCommand extends RouterCommand<Void> permits ExpireOffer, ReleaseCapacity, OfferRetryDue,
        ExpireWorkerSelectors, ActivateJob, ExceptionWaitTimeDue {
    /** @return the instant at which it is due */
    Instant dueAt();
}
