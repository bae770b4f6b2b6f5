package dev.jobrouter.core.model;

/** What a best-worker scoring rule is given besides the worker. */
public enum ScoringRuleParameterSelector {
    /** The job's labels, as {@code job}. */
    JOB_LABELS,
    /** The job's active worker selectors, as {@code selectors}. */
    WORKER_SELECTORS
}
