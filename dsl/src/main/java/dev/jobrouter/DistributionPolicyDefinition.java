package dev.jobrouter;

import dev.jobrouter.core.command.UpsertDistributionPolicy;
import dev.jobrouter.core.host.LocalHost;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import java.time.Duration;

/**
 * Defines or changes a distribution policy; settings not given keep their value. A new policy's
 * defaults: offers expire after one minute, longest idle, one offer at a time.
 *
 * <pre>{@code
 * router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).longestIdle()
 *       .minConcurrentOffers(1).maxConcurrentOffers(2).upsert();
 * }</pre>
 */
public final class DistributionPolicyDefinition {
    private final LocalHost host;
    private final String id;
    private String name;
    private Duration offerExpiresAfter;
    private DistributionMode mode;
    private Integer minConcurrentOffers;
    private Integer maxConcurrentOffers;

    DistributionPolicyDefinition(LocalHost host, String id) {
        this.host = host;
        this.id = id;
    }

    /** A display name. */
    public DistributionPolicyDefinition name(String name) {
        this.name = Arguments.required("name", name);
        return this;
    }

    /** How long an offer stays open unless answered; positive. */
    public DistributionPolicyDefinition offerExpiresAfter(Duration duration) {
        this.offerExpiresAfter = Arguments.required("duration", duration);
        return this;
    }

    /** Offers go to the fitting worker with the lowest load, ties to the one idle the longest. */
    public DistributionPolicyDefinition longestIdle() {
        this.mode = DistributionMode.LONGEST_IDLE;
        return this;
    }

    /** The fewest open offers a job should have when enough workers fit; 1 or more. */
    public DistributionPolicyDefinition minConcurrentOffers(int count) {
        this.minConcurrentOffers = count;
        return this;
    }

    /** The most open offers a job has at once, each to a different worker; at least the minimum. */
    public DistributionPolicyDefinition maxConcurrentOffers(int count) {
        this.maxConcurrentOffers = count;
        return this;
    }

    /**
     * Creates or changes the policy.
     *
     * @return the policy as stored
     * @throws dev.jobrouter.core.RouterException INVALID_ARGUMENT for a blank id, a non-positive expiry
     *     or concurrent offers outside {@code 1 <= min <= max}
     */
    public DistributionPolicy upsert() {
        return host.execute(new UpsertDistributionPolicy(id, name, offerExpiresAfter, mode, minConcurrentOffers,
                maxConcurrentOffers));
    }
}
