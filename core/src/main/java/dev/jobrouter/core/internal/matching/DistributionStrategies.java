package dev.jobrouter.core.internal.matching;

import com.google.common.collect.Iterables;
import dev.jobrouter.core.internal.routing.WorkerScorer;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.LabelOperator;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerSelector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.function.Function;

/** The strategy of each distribution mode. */
public final class DistributionStrategies {
    private DistributionStrategies() {}

    /**
     * @param workers the engine's index of available workers
     * @param lookup the engine's workers by id
     * @param scorer scores workers for best worker
     * @param roundRobinCursor per queue id, the worker that got its last offer, or {@code null}
     * @return a strategy for every {@link DistributionMode}
     */
    public static Map<DistributionMode, DistributionStrategy> standard(AvailableWorkers workers,
            Function<String, RouterWorker> lookup, WorkerScorer scorer, Function<String, String> roundRobinCursor) {
        Map<DistributionMode, DistributionStrategy> strategies = new EnumMap<>(DistributionMode.class);
        strategies.put(DistributionMode.LONGEST_IDLE,
                (job, queueChannel, policy, fits) -> narrowest(workers, job, queueChannel, policy));
        strategies.put(DistributionMode.ROUND_ROBIN, (job, queueChannel, policy, fits) -> {
            NavigableSet<AvailableWorkers.Place> byId = workers.byId(queueChannel);
            String cursor = roundRobinCursor.apply(queueChannel.queueId());
            if (cursor == null) {
                return byId;
            }
            AvailableWorkers.Place probe = new AvailableWorkers.Place(0, Instant.EPOCH, cursor);
            return Iterables.concat(byId.tailSet(probe, false), byId.headSet(probe, true));
        });
        strategies.put(DistributionMode.BEST_WORKER, (job, queueChannel, policy, fits) -> {
            List<AvailableWorkers.Place> fitting = new ArrayList<>();
            for (AvailableWorkers.Place place : narrowest(workers, job, queueChannel, policy)) {
                if (fits.test(place)) {
                    fitting.add(place);
                }
            }
            if (fitting.isEmpty()) {
                return fitting;
            }
            List<RouterWorker> scored = new ArrayList<>(fitting.size());
            fitting.forEach(place -> scored.add(lookup.apply(place.workerId())));
            Map<String, Double> scores = scorer.score(policy, job, scored);
            fitting.removeIf(place -> !scores.containsKey(place.workerId()));
            Comparator<AvailableWorkers.Place> byScore = Comparator.comparingDouble(p -> scores.get(p.workerId()));
            if (policy.scoringRuleOptions() == null || policy.scoringRuleOptions().descendingOrder()) {
                byScore = byScore.reversed();
            }
            fitting.sort(byScore.thenComparing(AvailableWorkers.LONGEST_IDLE));
            return fitting;
        });
        return strategies;
    }

    /**
     * @return the available workers of the queue and channel, longest idle first, narrowed by the job's
     *     {@code EQUAL} selectors: an {@code Id} selector gives that one worker, another the workers with
     *     that label value, the smallest such set when there are several. Every other selector is left to
     *     the caller's check of each candidate.
     */
    static Iterable<AvailableWorkers.Place> narrowest(AvailableWorkers workers, RouterJob job, QueueChannel queueChannel,
            DistributionPolicy policy) {
        NavigableSet<AvailableWorkers.Place> narrowest = workers.in(queueChannel);
        if (policy.bypassSelectors()) {
            return narrowest;
        }
        for (RouterWorkerSelector selector : job.activeWorkerSelectors()) {
            if (selector.labelOperator() != LabelOperator.EQUAL) {
                continue;
            }
            if (selector.key().equals("Id")) {
                AvailableWorkers.Place place = selector.value() instanceof String id ? workers.placeOf(id) : null;
                return place != null && narrowest.contains(place) ? List.of(place) : Collections.emptyList();
            }
            NavigableSet<AvailableWorkers.Place> withLabel = workers.withLabel(queueChannel, selector.key(), selector.value());
            if (withLabel.size() < narrowest.size()) {
                narrowest = withLabel;
            }
        }
        return narrowest;
    }
}
