package dev.jobrouter.core.model;

/** Which jobs a list keeps by status: all, the active ones (neither closed nor cancelled), or one status. */
public enum RouterJobStatusSelector {
    ALL,
    ACTIVE,
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

    /** @return the one status it keeps, or {@code null} for ALL and ACTIVE */
    public JobStatus status() {
        return this == ALL || this == ACTIVE ? null : JobStatus.valueOf(name());
    }

    /**
     * @param status the status
     * @return whether it keeps a job in the status
     */
    public boolean keeps(JobStatus status) {
        return switch (this) {
            case ALL -> true;
            case ACTIVE -> !status.isTerminal();
            default -> status.name().equals(name());
        };
    }
}
