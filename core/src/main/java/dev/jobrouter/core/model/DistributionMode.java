package dev.jobrouter.core.model;

/** How a queue's jobs are spread over fitting workers. */
public enum DistributionMode {
    /** The worker with the lowest load ratio first; ties go to the worker idle the longest. */
    LONGEST_IDLE
}
