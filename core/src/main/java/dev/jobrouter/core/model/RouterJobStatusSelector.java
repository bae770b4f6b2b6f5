package dev.jobrouter.core.model;

/** Which jobs a list keeps by status: all, the active ones (neither closed nor cancelled), or one status. */
public enum RouterJobStatusSelector {
    /** Every job. */
    ALL,
    /** Jobs neither closed nor cancelled. */
    ACTIVE,
    /** Jobs in {@link JobStatus#CREATED}. */
    CREATED,
    /** Jobs in {@link JobStatus#PENDING_CLASSIFICATION}. */
    PENDING_CLASSIFICATION,
    /** Jobs in {@link JobStatus#QUEUED}. */
    QUEUED,
    /** Jobs in {@link JobStatus#ASSIGNED}. */
    ASSIGNED,
    /** Jobs in {@link JobStatus#COMPLETED}. */
    COMPLETED,
    /** Jobs in {@link JobStatus#CLOSED}. */
    CLOSED,
    /** Jobs in {@link JobStatus#CANCELLED}. */
    CANCELLED,
    /** Jobs in {@link JobStatus#CLASSIFICATION_FAILED}. */
    CLASSIFICATION_FAILED,
    /** Jobs in {@link JobStatus#PENDING_SCHEDULE}. */
    PENDING_SCHEDULE,
    /** Jobs in {@link JobStatus#SCHEDULED}. */
    SCHEDULED,
    /** Jobs in {@link JobStatus#SCHEDULE_FAILED}. */
    SCHEDULE_FAILED,
    /** Jobs in {@link JobStatus#WAITING_FOR_ACTIVATION}. */
    WAITING_FOR_ACTIVATION;

    /** @return the one status it keeps, or {@code null} for ALL and ACTIVE */
    public JobStatus status() {
        return this == ALL || this == ACTIVE ? null : JobStatus.valueOf(name());
    }

    /**
     * @param status a job's status
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
