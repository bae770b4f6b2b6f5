package dev.jobrouter.core.model;

/** Which workers a list keeps by state. */
public enum RouterWorkerStateSelector {
    /** Workers in {@link WorkerState#ACTIVE}. */
    ACTIVE,
    /** Workers in {@link WorkerState#DRAINING}. */
    DRAINING,
    /** Workers in {@link WorkerState#INACTIVE}. */
    INACTIVE,
    /** Every worker. */
    ALL;

    /**
     * @param state a worker's state
     * @return whether it keeps a worker in the state
     */
    public boolean keeps(WorkerState state) {
        return this == ALL || state.name().equals(name());
    }
}
