package dev.jobrouter.core.model;

import java.time.Duration;

/**
 * How a queue's jobs are offered.
 *
 * @param id the policy's id
 * @param name a display name, or {@code null}
 * @param offerExpiresAfter how long an offer stays open unless answered
 * @param mode how fitting workers are ordered
 * @param minConcurrentOffers the fewest open offers a job should have when enough workers fit; the matcher
 *     offers each job to as many fitting workers as {@code maxConcurrentOffers} allows, so this holds
 *     whenever enough workers fit
 * @param maxConcurrentOffers the most open offers a job has at once, each to a different worker
 * @param bypassSelectors whether worker selectors are ignored when choosing workers
 * @param scoringRule for {@link DistributionMode#BEST_WORKER}: the rule scoring each worker, or {@code null}
 *     for the default score
 * @param scoringRuleOptions non-null exactly for {@link DistributionMode#BEST_WORKER}
 * @param etag an opaque tag that every change to the policy replaces; {@code null} until the router stores it
 */
public record DistributionPolicy(
        String id,
        String name,
        Duration offerExpiresAfter,
        DistributionMode mode,
        int minConcurrentOffers,
        int maxConcurrentOffers,
        boolean bypassSelectors,
        RouterRule scoringRule,
        ScoringRuleOptions scoringRuleOptions,
        String etag) {

    /** Used when a new policy does not set {@code offerExpiresAfter}. */
    public static final Duration DEFAULT_OFFER_EXPIRES_AFTER = Duration.ofMinutes(1);
}
