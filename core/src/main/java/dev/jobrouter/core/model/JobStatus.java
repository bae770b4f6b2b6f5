package dev.jobrouter.core.model;

/** The status of a job. Only {@link #CLOSED} and {@link #CANCELLED} are terminal. */
public enum JobStatus {
    /** Created and not yet routed; the service's first status, which this router passes at once. */
    CREATED,
    /** Waiting for its classification policy to choose its queue, priority and selectors. */
    PENDING_CLASSIFICATION,
    /** In its queue, waiting for an offer to be accepted. */
    QUEUED,
    /** A worker accepted an offer for it and holds its capacity. */
    ASSIGNED,
    /** Its worker completed it; the assignment holds capacity until the job is closed (wrap-up). */
    COMPLETED,
    /** Closed after completion; terminal. */
    CLOSED,
    /** Cancelled by a caller or an exception policy; terminal. */
    CANCELLED,
    /** Its classification policy could not classify it (no queue, or a rule that failed). */
    CLASSIFICATION_FAILED,
    /** Scheduling requested; this router schedules at once, so a job never rests here. */
    PENDING_SCHEDULE,
    /** Scheduled for later ({@code scheduleAndSuspend}): it waits for its instant, unmatched. */
    SCHEDULED,
    /** Scheduling failed; this router schedules at once and never fails so. */
    SCHEDULE_FAILED,
    /** Its scheduled instant came, or it was suspended: it waits for the caller to queue it. */
    WAITING_FOR_ACTIVATION;

    /** @return whether no transition leaves this status */
    public boolean isTerminal() {
        return this == CLOSED || this == CANCELLED;
    }
}
