package dev.jobrouter.core.command;

import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import java.time.Duration;

/**
 * Create or change a distribution policy. Null fields keep their current value; a new policy gets the
 * defaults: offers expire after {@link DistributionPolicy#DEFAULT_OFFER_EXPIRES_AFTER}, longest idle,
 * 1 to 1 concurrent offers. Decided as itself, with the policy as it would be.
 *
 * @param policyId the policy
 * @param name a display name, or {@code null}
 * @param offerExpiresAfter how long offers stay open; positive
 * @param mode how workers are ordered
 * @param minConcurrentOffers 1 or more, at most {@code maxConcurrentOffers}
 * @param maxConcurrentOffers 1 or more
 */
public record UpsertDistributionPolicy(
        String policyId, String name, Duration offerExpiresAfter, DistributionMode mode, Integer minConcurrentOffers,
        Integer maxConcurrentOffers) implements RouterCommand<DistributionPolicy> {}
