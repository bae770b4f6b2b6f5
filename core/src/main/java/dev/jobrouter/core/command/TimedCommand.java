package dev.jobrouter.core.command;

import java.time.Instant;

/**
 * A command the router's clock issues when its instant comes. Rules see it like any other, but cannot
 * refuse it: time passes whatever the rules say. They can add follow-ups to it.
 */
public sealed interface TimedCommand extends Command permits ExpireOffer, ReleaseCapacity, OfferRetryDue {
    /** @return the instant at which it is due */
    Instant dueAt();
}
