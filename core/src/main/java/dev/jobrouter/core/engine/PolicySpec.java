package dev.jobrouter.core.engine;

import dev.jobrouter.core.model.DistributionMode;
import java.time.Duration;

/**
 * What an upsert of a distribution policy sets. Null fields keep their current value; a new policy gets
 * the defaults: offers expire after {@link dev.jobrouter.core.model.DistributionPolicy#DEFAULT_OFFER_EXPIRES_AFTER},
 * longest idle, 1 to 1 concurrent offers.
 *
 * @param policyId the policy
 * @param name a display name, or {@code null}
 * @param offerExpiresAfter how long offers stay open; positive
 * @param mode how workers are ordered
 * @param minConcurrentOffers 1 or more, at most {@code maxConcurrentOffers}
 * @param maxConcurrentOffers 1 or more
 */
public record PolicySpec(
        String policyId, String name, Duration offerExpiresAfter, DistributionMode mode, Integer minConcurrentOffers,
        Integer maxConcurrentOffers) {}
