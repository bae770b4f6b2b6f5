package dev.jobrouter.core.model;

/** How a queue's jobs are spread over fitting workers. */
public enum DistributionMode {
    /** The worker with the lowest load ratio first; ties go to the worker idle the longest. */
    LONGEST_IDLE,
    /** The fitting workers in id order, starting after the worker that got the queue's previous offer, wrapping around. */
    ROUND_ROBIN,
    /** Every fitting worker scored (the default score or a scoring rule), best first; ties to the longest idle. */
    BEST_WORKER
}
