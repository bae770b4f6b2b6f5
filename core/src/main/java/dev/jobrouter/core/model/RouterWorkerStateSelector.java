package dev.jobrouter.core.model;

/** Which workers a list keeps by state. */
public enum RouterWorkerStateSelector {
    ACTIVE,
    DRAINING,
    INACTIVE,
    ALL;

    /**
     * @param state the state
     * @return whether it keeps a worker in the state
     */
    public boolean keeps(WorkerState state) {
        return this == ALL || state.name().equals(name());
    }
}
