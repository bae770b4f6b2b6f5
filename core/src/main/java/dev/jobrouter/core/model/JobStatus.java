package dev.jobrouter.core.model;

/** The status of a job. Only {@link #CLOSED} and {@link #CANCELLED} are terminal. */
public enum JobStatus {
    CREATED,
    PENDING_CLASSIFICATION,
    QUEUED,
    ASSIGNED,
    COMPLETED,
    CLOSED,
    CANCELLED,
    CLASSIFICATION_FAILED,
    PENDING_SCHEDULE,
    SCHEDULED,
    SCHEDULE_FAILED,
    WAITING_FOR_ACTIVATION;

    /** @return whether no transition leaves this status */
    public boolean isTerminal() {
        return this == CLOSED || this == CANCELLED;
    }
}
