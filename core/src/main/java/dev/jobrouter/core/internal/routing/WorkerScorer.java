package dev.jobrouter.core.internal.routing;

import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.LabelOperator;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.RuleInput;
import dev.jobrouter.core.model.ScoringRuleOptions;
import dev.jobrouter.core.model.ScoringRuleParameterSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scores workers for a best-worker policy: the default score, or the policy's scoring rule. */
public final class WorkerScorer {
    private static final Logger log = LoggerFactory.getLogger(WorkerScorer.class);

    private final RuleEvaluator rules;

    public WorkerScorer(RuleEvaluator rules) {
        this.rules = rules;
    }

    /**
     * @param policy a best-worker policy
     * @param job the job to offer
     * @param workers the fitting workers
     * @return each worker's score by id; a worker whose scoring rule failed or returned no number is
     *     missing: it is left out of this round
     */
    public Map<String, Double> score(DistributionPolicy policy, RouterJob job, List<RouterWorker> workers) {
        List<RouterWorkerSelector> selectors = job.activeWorkerSelectors();
        Map<String, Double> scores = new HashMap<>(workers.size() * 2);
        if (policy.scoringRule() == null) {
            for (RouterWorker worker : workers) {
                scores.put(worker.id(), defaultScore(job.labels(), selectors, worker.labels()));
            }
            return scores;
        }
        ScoringRuleOptions options = policy.scoringRuleOptions();
        Map<String, Object> jobLabels = options.scoringParameters().contains(ScoringRuleParameterSelector.JOB_LABELS)
                ? job.labels() : Map.of();
        List<RouterWorkerSelector> given =
                options.scoringParameters().contains(ScoringRuleParameterSelector.WORKER_SELECTORS) ? selectors : List.of();
        if (!options.batchScoringEnabled()) {
            for (RouterWorker worker : workers) {
                try {
                    Object value = rules.evaluate(policy.scoringRule(), new RuleInput(jobLabels, given, worker.labels(),
                            List.of()));
                    if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
                        scores.put(worker.id(), number.doubleValue());
                    } else {
                        log.warn("scoring rule of {} returned {} for worker {}, not a number; it is left out",
                                policy.id(), value, worker.id());
                    }
                } catch (RuleFailure e) {
                    log.warn("scoring rule of {} failed for worker {}; it is left out: {}", policy.id(), worker.id(),
                            e.getMessage());
                }
            }
            return scores;
        }
        for (int from = 0; from < workers.size(); from += options.batchSize()) {
            List<RouterWorker> batch = workers.subList(from, Math.min(workers.size(), from + options.batchSize()));
            List<Map<String, Object>> labels = new ArrayList<>(batch.size());
            batch.forEach(worker -> labels.add(worker.labels()));
            try {
                Object value = rules.evaluate(policy.scoringRule(), new RuleInput(jobLabels, given, null, labels));
                if (!(value instanceof Map<?, ?> byId)) {
                    log.warn("batch scoring rule of {} returned {}, not a map of scores; the batch is left out",
                            policy.id(), value);
                    continue;
                }
                for (RouterWorker worker : batch) {
                    if (byId.get(worker.id()) instanceof Number number && !Double.isNaN(number.doubleValue())) {
                        scores.put(worker.id(), number.doubleValue());
                    }
                }
            } catch (RuleFailure e) {
                log.warn("batch scoring rule of {} failed; the batch is left out: {}", policy.id(), e.getMessage());
            }
        }
        return scores;
    }

    /**
     * The default score: the share of the job's labels the worker has with an equal value (0 without
     * job labels), plus the mean over the job's active selectors (0 without any) of 1 for a satisfied
     * equal or not-equal, and σ(x) = 1/(1+e^−x) for an ordered one, with x the label's distance past
     * the value over max(|value|, 1).
     */
    public static double defaultScore(Map<String, Object> jobLabels, List<RouterWorkerSelector> selectors,
            Map<String, Object> workerLabels) {
        double labelPart = 0;
        if (!jobLabels.isEmpty()) {
            int same = 0;
            for (Map.Entry<String, Object> label : jobLabels.entrySet()) {
                if (LabelOperator.EQUAL.holds(workerLabels.get(label.getKey()), label.getValue())) {
                    same++;
                }
            }
            labelPart = (double) same / jobLabels.size();
        }
        double selectorPart = 0;
        if (!selectors.isEmpty()) {
            double sum = 0;
            for (RouterWorkerSelector selector : selectors) {
                sum += selectorScore(selector, workerLabels.get(selector.key()));
            }
            selectorPart = sum / selectors.size();
        }
        return labelPart + selectorPart;
    }

    private static double selectorScore(RouterWorkerSelector selector, Object label) {
        LabelOperator operator = selector.labelOperator();
        if (!operator.ordered()) {
            return operator.holds(label, selector.value()) ? 1 : 0;
        }
        if (!(label instanceof Number number) || !(selector.value() instanceof Number bound)) {
            return 0;
        }
        double value = bound.doubleValue();
        double distance = operator == LabelOperator.GREATER_THAN || operator == LabelOperator.GREATER_THAN_OR_EQUAL
                ? number.doubleValue() - value : value - number.doubleValue();
        double x = distance / Math.max(Math.abs(value), 1);
        return 1 / (1 + Math.exp(-x));
    }
}
