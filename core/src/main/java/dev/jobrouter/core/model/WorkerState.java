package dev.jobrouter.core.model;

/** Whether a worker takes offers. */
public enum WorkerState {
    /** Available for offers. */
    ACTIVE,
    /** No longer available for offers, but still holding assigned jobs. */
    DRAINING,
    /** Not available for offers and holding nothing. */
    INACTIVE
}
