package dev.jobrouter.core.rules;

/**
 * What a rule can say about the transition it decides, by inserting one of these facts. The engine
 * applies each effect; a rule that inserts another type of this library's (a {@code RouterJob}, a
 * command, a {@link Now}) refuses the decision with CONFLICT naming the rule, since the engine would
 * otherwise drop it without a word. Facts of the rule author's own types are left alone (for
 * chaining) and removed after the decision.
 */
public sealed interface Effect permits Refusal, ReleaseCapacityAt, RetryOfferAt, FollowUp {}
