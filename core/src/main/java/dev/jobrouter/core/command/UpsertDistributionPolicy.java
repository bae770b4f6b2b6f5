package dev.jobrouter.core.command;

import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.RouterRule;
import dev.jobrouter.core.model.ScoringRuleParameterSelector;
import java.time.Duration;
import java.util.List;

/**
 * Create or change a distribution policy. Null fields keep their current value; a new policy gets the
 * defaults: offers expire after {@link DistributionPolicy#DEFAULT_OFFER_EXPIRES_AFTER}, longest idle,
 * 1 to 1 concurrent offers, selectors not bypassed; a best-worker policy scores by default with
 * {@link dev.jobrouter.core.model.ScoringRuleOptions#DEFAULT}. Decided as itself, with the policy as it would be.
 *
 * @param policyId the policy
 * @param name a display name, or {@code null}
 * @param offerExpiresAfter how long offers stay open; positive
 * @param mode how workers are ordered; giving {@link DistributionMode#BEST_WORKER} sets {@code scoringRule}
 *     as given, so {@code null} there means the default score
 * @param minConcurrentOffers 1 or more, at most {@code maxConcurrentOffers}
 * @param maxConcurrentOffers 1 or more
 * @param bypassSelectors whether worker selectors are ignored
 * @param scoringRule the best-worker scoring rule; read only when {@code mode} is BEST_WORKER
 * @param batchSize best worker: workers per batch-scoring call, 1 or more
 * @param scoringParameters best worker: what the rule is given; a list replaces the stored one
 * @param batchScoringEnabled best worker: whether the rule scores batches
 * @param descendingOrder best worker: whether higher scores go first
 */
public record UpsertDistributionPolicy(
        String policyId, String name, Duration offerExpiresAfter, DistributionMode mode, Integer minConcurrentOffers,
        Integer maxConcurrentOffers, Boolean bypassSelectors, RouterRule scoringRule, Integer batchSize,
        List<ScoringRuleParameterSelector> scoringParameters, Boolean batchScoringEnabled, Boolean descendingOrder)
        implements UpsertCommand<DistributionPolicy> {

    @Override
    public String entityId() {
        return policyId;
    }

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param policyId the policy
     * @param name a display name, or {@code null}
     * @param offerExpiresAfter how long offers stay open; positive
     * @param mode how workers are ordered; giving {@link DistributionMode#BEST_WORKER} sets {@code scoringRule}
     *     as given, so {@code null} there means the default score
     * @param minConcurrentOffers 1 or more, at most {@code maxConcurrentOffers}
     * @param maxConcurrentOffers 1 or more
     * @param bypassSelectors whether worker selectors are ignored
     * @param scoringRule the best-worker scoring rule; read only when {@code mode} is BEST_WORKER
     * @param batchSize best worker: workers per batch-scoring call, 1 or more
     * @param scoringParameters best worker: what the rule is given; a list replaces the stored one
     * @param batchScoringEnabled best worker: whether the rule scores batches
     * @param descendingOrder best worker: whether higher scores go first
     *     /
     */
    public UpsertDistributionPolicy {
        scoringParameters = Values.copyOrNull(scoringParameters);
    }

    /**
     * A policy upsert of the offer settings and mode alone.
     *
     * @param policyId the policy's id
     * @param name a display name
     * @param offerExpiresAfter how long an offer stays open
     * @param mode the mode
     * @param minConcurrentOffers the fewest offers at once
     * @param maxConcurrentOffers the most offers at once
     */
    public UpsertDistributionPolicy(String policyId, String name, Duration offerExpiresAfter, DistributionMode mode,
            Integer minConcurrentOffers, Integer maxConcurrentOffers) {
        this(policyId, name, offerExpiresAfter, mode, minConcurrentOffers, maxConcurrentOffers, null, null, null, null,
                null, null);
    }
}
