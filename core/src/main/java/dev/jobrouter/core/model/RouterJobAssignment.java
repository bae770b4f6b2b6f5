package dev.jobrouter.core.model;

import java.time.Instant;

/**
 * A job's assignment to the worker that accepted its offer.
 *
 * @param assignmentId the id returned by {@code acceptJobOffer}
 * @param workerId the worker holding the job
 * @param capacityCost the capacity it holds until released
 * @param assignedAt when the offer was accepted
 * @param completedAt when the job was completed, or {@code null}
 * @param closedAt when the job was closed and the capacity released, or {@code null}
 * @param releaseAt when a requested close releases the capacity, or {@code null} before a close
 *     was requested; while it lies ahead of {@code closedAt} the close is pending
 * @param unassignedAt when the job was handed back by {@code unassignJob}, or {@code null}
 */
public record RouterJobAssignment(
        String assignmentId,
        String workerId,
        int capacityCost,
        Instant assignedAt,
        Instant completedAt,
        Instant closedAt,
        Instant releaseAt,
        Instant unassignedAt) {

    /**
     * An assignment that was not handed back.
     *
     * @param assignmentId the assignment's id
     * @param workerId the worker's id
     * @param capacityCost the capacity the job holds
     * @param assignedAt when the offer was accepted
     * @param completedAt when the job was completed, or null
     * @param closedAt when the job was closed, or null
     * @param releaseAt when the capacity is released, or null
     */
    public RouterJobAssignment(String assignmentId, String workerId, int capacityCost, Instant assignedAt,
            Instant completedAt, Instant closedAt, Instant releaseAt) {
        this(assignmentId, workerId, capacityCost, assignedAt, completedAt, closedAt, releaseAt, null);
    }

    /** @return whether a close was requested whose release has not happened yet */
    public boolean closePending() {
        return releaseAt != null && closedAt == null;
    }

    /**
     * @param at when the job was completed
     * @return a copy marked completed at the given instant
     */
    public RouterJobAssignment completed(Instant at) {
        return new RouterJobAssignment(assignmentId, workerId, capacityCost, assignedAt, at, closedAt, releaseAt, unassignedAt);
    }

    /**
     * @param at when the capacity is to be released
     * @return a copy whose capacity is to be released at the given instant
     */
    public RouterJobAssignment releasingAt(Instant at) {
        return new RouterJobAssignment(assignmentId, workerId, capacityCost, assignedAt, completedAt, closedAt, at, unassignedAt);
    }

    /**
     * @param at when the job was closed
     * @return a copy marked closed at the given instant
     */
    public RouterJobAssignment closed(Instant at) {
        return new RouterJobAssignment(assignmentId, workerId, capacityCost, assignedAt, completedAt, at, releaseAt, unassignedAt);
    }

    /**
     * @param at when the job was unassigned
     * @return a copy marked handed back at the given instant
     */
    public RouterJobAssignment unassigned(Instant at) {
        return new RouterJobAssignment(assignmentId, workerId, capacityCost, assignedAt, completedAt, closedAt,
                releaseAt, at);
    }
}
