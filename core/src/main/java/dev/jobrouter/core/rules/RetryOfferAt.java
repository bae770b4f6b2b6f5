package dev.jobrouter.core.rules;

import java.time.Instant;

/**
 * Inserted by a rule deciding a {@code DeclineJobOffer}: from when the worker may be offered the job
 * again. When several are inserted, the latest wins; when none is, never (until it registers again).
 *
 * @param at the retry instant
 */
public record RetryOfferAt(Instant at) implements Effect {}
