package dev.jobrouter.core.model;

import java.util.List;

/**
 * How a best-worker policy scores.
 *
 * @param batchSize how many workers one batch-scoring call gets; 1 or more
 * @param scoringParameters what the scoring rule is given besides the worker
 * @param batchScoringEnabled whether the rule scores batches ({@code workers}) instead of one worker at a time
 * @param descendingOrder whether higher scores are offered first
 */
public record ScoringRuleOptions(int batchSize, List<ScoringRuleParameterSelector> scoringParameters,
        boolean batchScoringEnabled, boolean descendingOrder) {

    /** 20 per batch, both parameters, batch scoring off, highest first. */
    public static final ScoringRuleOptions DEFAULT = new ScoringRuleOptions(20,
            List.of(ScoringRuleParameterSelector.JOB_LABELS, ScoringRuleParameterSelector.WORKER_SELECTORS), false, true);

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param batchSize how many workers one batch-scoring call gets; 1 or more
     * @param scoringParameters what the scoring rule is given besides the worker
     * @param batchScoringEnabled whether the rule scores batches ({@code workers}) instead of one worker at a time
     * @param descendingOrder whether higher scores are offered first
     *     /
     */
    public ScoringRuleOptions {
        scoringParameters = List.copyOf(scoringParameters);
    }
}
