package dev.jobrouter;

import dev.jobrouter.core.command.UpsertDistributionPolicy;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.RouterRule;
import dev.jobrouter.core.model.ScoringRuleParameterSelector;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Defines or changes a distribution policy; settings not given keep their value. A new policy's
 * defaults: offers expire after one minute, longest idle, one offer at a time, selectors not bypassed;
 * a best-worker policy scores by default, 20 workers a batch when batch scoring, both parameters,
 * batch scoring off, highest score first.
 *
 * <pre>{@code
 * router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).longestIdle()
 *       .minConcurrentOffers(1).maxConcurrentOffers(2).upsert();
 * router.distributionPolicy("rr").roundRobin().upsert();
 * router.distributionPolicy("tiered").bestWorker(new ExpressionRouterRule("worker.Tier == \"gold\" ? 100 : 1"))
 *       .scoringParameters(ScoringRuleParameterSelector.JOB_LABELS).upsert();
 * }</pre>
 */
public final class DistributionPolicyDefinition {
    private final LocalHost host;
    private String ifMatch;
    private final String id;
    private String name;
    private Duration offerExpiresAfter;
    private DistributionMode mode;
    private Integer minConcurrentOffers;
    private Integer maxConcurrentOffers;
    private Boolean bypassSelectors;
    private RouterRule scoringRule;
    private Integer batchSize;
    private List<ScoringRuleParameterSelector> scoringParameters;
    private Boolean batchScoringEnabled;
    private Boolean descendingOrder;

    DistributionPolicyDefinition(LocalHost host, String id) {
        this.host = host;
        this.id = id;
    }

    /**
     * A display name.
     *
     * @param name a display name
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition name(String name) {
        this.name = Arguments.required("name", name);
        return this;
    }

    /**
     * How long an offer stays open unless answered; positive.
     *
     * @param duration how long
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition offerExpiresAfter(Duration duration) {
        this.offerExpiresAfter = Arguments.required("duration", duration);
        return this;
    }

    /**
     * Offers go to the fitting worker with the lowest load, ties to the one idle the longest.
     *
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition longestIdle() {
        this.mode = DistributionMode.LONGEST_IDLE;
        this.scoringRule = null;
        return this;
    }

    /**
     * Offers go to the fitting workers in id order, starting after the worker that received the queue's
     * previous offer, wrapping around.
     *
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition roundRobin() {
        this.mode = DistributionMode.ROUND_ROBIN;
        this.scoringRule = null;
        return this;
    }

    /**
     * Offers go to the best-scoring fitting worker, by the default score: the share of the job's labels
     * the worker shares, plus how well it meets the job's selectors. Clears a scoring rule.
     *
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition bestWorker() {
        this.mode = DistributionMode.BEST_WORKER;
        this.scoringRule = null;
        return this;
    }

    /**
     * Offers go to the best-scoring fitting worker, scored by the rule: a number per worker, or with
     * {@link #batchScoringEnabled(boolean)} a {@code Map<String, Number>} from worker id to score per batch.
     * A worker whose score fails is left out of that round.
     *
     * @param scoringRule the scoring rule
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition bestWorker(RouterRule scoringRule) {
        this.mode = DistributionMode.BEST_WORKER;
        this.scoringRule = Arguments.required("scoringRule", scoringRule);
        return this;
    }

    /**
     * Whether worker selectors are ignored when choosing workers; false by default.
     *
     * @param bypass whether to skip the worker selectors
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition bypassSelectors(boolean bypass) {
        this.bypassSelectors = bypass;
        return this;
    }

    /**
     * Best worker: what the scoring rule is given besides the worker; both by default; replaces the list.
     *
     * @param parameters the parameters
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition scoringParameters(ScoringRuleParameterSelector... parameters) {
        this.scoringParameters = Arrays.asList(Arguments.required("parameters", parameters));
        return this;
    }

    /**
     * Best worker: whether the scoring rule scores batches of workers; false by default.
     *
     * @param enabled whether it is on
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition batchScoringEnabled(boolean enabled) {
        this.batchScoringEnabled = enabled;
        return this;
    }

    /**
     * Best worker: workers per batch when batch scoring, 1 or more; 20 by default.
     *
     * @param size the size
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition batchSize(int size) {
        this.batchSize = size;
        return this;
    }

    /**
     * Best worker: whether higher scores go first; true by default.
     *
     * @param descending whether the highest score goes first
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition descendingOrder(boolean descending) {
        this.descendingOrder = descending;
        return this;
    }

    /**
     * The fewest open offers a job should have when enough workers fit; 1 or more.
     *
     * @param count how many
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition minConcurrentOffers(int count) {
        this.minConcurrentOffers = count;
        return this;
    }

    /**
     * The most open offers a job has at once, each to a different worker; at least the minimum.
     *
     * @param count how many
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition maxConcurrentOffers(int count) {
        this.maxConcurrentOffers = count;
        return this;
    }

    /**
     * Makes the upsert conditional: it runs only when the stored policy still has this etag, read from its
     * {@code etag()}; otherwise, or when the policy does not exist, it fails with PRECONDITION_FAILED and
     * changes nothing.
     *
     * @param etag the etag the entity must still have
     * @return this definition, for chaining
     */
    public DistributionPolicyDefinition ifMatch(String etag) {
        this.ifMatch = Arguments.required("etag", etag);
        return this;
    }

    /**
     * Creates or changes the policy.
     *
     * @return the policy as stored
     * @throws dev.jobrouter.core.RouterException INVALID_ARGUMENT for a blank id, a non-positive expiry
     *     concurrent offers outside {@code 1 <= min <= max}, scoring settings on a policy that is not
     *     best worker, a batch size below 1, a scoring rule that does not compile or names no registered function
     */
    public DistributionPolicy upsert() {
        UpsertDistributionPolicy upsert = new UpsertDistributionPolicy(id, name, offerExpiresAfter, mode,
                minConcurrentOffers, maxConcurrentOffers, bypassSelectors, scoringRule, batchSize, scoringParameters,
                batchScoringEnabled, descendingOrder);
        return host.execute(Guarded.upsert(ifMatch, upsert));
    }
}
