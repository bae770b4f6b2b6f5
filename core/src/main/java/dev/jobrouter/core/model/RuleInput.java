package dev.jobrouter.core.model;

import java.util.List;
import java.util.Map;

/**
 * What a rule is evaluated on.
 *
 * @param job the job's labels (empty when a scoring rule's parameters leave them out)
 * @param selectors when scoring: the job's active worker selectors, else empty
 * @param worker when scoring one worker: its labels with {@code Id}, else {@code null}
 * @param workers when scoring a batch: each worker's labels with {@code Id}, else empty
 */
public record RuleInput(Map<String, Object> job, List<RouterWorkerSelector> selectors, Map<String, Object> worker,
        List<Map<String, Object>> workers) {}
