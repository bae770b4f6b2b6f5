package dev.jobrouter.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of a job. Immutable: the router replaces it on every change.
 *
 * @param id the job's id
 * @param channelId the channel it arrives on
 * @param queueId the queue it waits in
 * @param priority -100 to 100, higher first
 * @param status where it is in its life
 * @param enqueuedAt when it was queued
 * @param labels labels, for matching
 * @param tags tags, for the caller
 * @param assignments its assignments by id, in the order they were made
 * @param notes notes added by completes, closes and cancels, oldest first
 * @param dispositionCode the outcome given at close or cancel, or {@code null}
 * @param classificationPolicyId the policy that classifies it, or {@code null}
 * @param requestedWorkerSelectors the selectors the caller set, as stored (with status and expiry)
 * @param attachedWorkerSelectors the selectors its last classification attached, as stored
 * @param matchingMode how it waits for a worker; never {@code null} ({@link QueueAndMatchMode} by default)
 * @param scheduledAt the instant its schedule named, set when that instant came, else {@code null}
 * @param channelReference the caller's reference for the job on its channel (a call id), or {@code null}
 * @param etag an opaque tag that every change to the job replaces; {@code null} until the router stores it
 */
public record RouterJob(
        String id,
        String channelId,
        String queueId,
        int priority,
        JobStatus status,
        Instant enqueuedAt,
        Map<String, Object> labels,
        Map<String, Object> tags,
        Map<String, RouterJobAssignment> assignments,
        List<RouterJobNote> notes,
        String dispositionCode,
        String classificationPolicyId,
        List<RouterWorkerSelector> requestedWorkerSelectors,
        List<RouterWorkerSelector> attachedWorkerSelectors,
        JobMatchingMode matchingMode,
        Instant scheduledAt,
        String channelReference,
        String etag) {

    private static final QueueAndMatchMode QUEUE_AND_MATCH = new QueueAndMatchMode();

    /** Priority used when a new job does not set one. */
    public static final int DEFAULT_PRIORITY = 1;
    /** Lowest priority allowed. */
    public static final int MIN_PRIORITY = -100;
    /** Highest priority allowed. */
    public static final int MAX_PRIORITY = 100;

    /**
     * The shape of a job before classification and selectors: no policy, no selectors.
     *
     * @param id the id
     * @param channelId the channel's id
     * @param queueId the queue's id
     * @param priority the priority, from -100 to 100
     * @param status the status
     * @param enqueuedAt when the job was queued
     * @param labels the labels: string, number or boolean values
     * @param tags the tags
     * @param dispositionCode the disposition code recorded on the job
     * @param assignments the job's assignments by id
     * @param notes the job's notes, oldest first
     */
    public RouterJob(String id, String channelId, String queueId, int priority, JobStatus status, Instant enqueuedAt,
            Map<String, Object> labels, Map<String, Object> tags, Map<String, RouterJobAssignment> assignments,
            List<RouterJobNote> notes, String dispositionCode) {
        this(id, channelId, queueId, priority, status, enqueuedAt, labels, tags, assignments, notes, dispositionCode,
                null, List.of(), List.of(), null, null, null, null);
    }

    /**
     * A job without a matching mode has the default, {@link QueueAndMatchMode}.
     *
     * @param id the id
     * @param channelId the channel's id
     * @param queueId the queue's id
     * @param priority the priority, from -100 to 100
     * @param status the status
     * @param enqueuedAt when the job was queued
     * @param labels the labels: string, number or boolean values
     * @param tags the tags
     * @param dispositionCode the disposition code recorded on the job
     * @param classificationPolicyId the classification policy's id
     * @param requestedWorkerSelectors the worker selectors the job asked for
     * @param attachedWorkerSelectors the worker selectors attached to the job
     * @param matchingMode the matching mode
     * @param channelReference the caller's reference for the channel
     * @param etag the etag the entity must still have
     * @param assignments the job's assignments by id
     * @param notes the job's notes, oldest first
     * @param scheduledAt when a scheduled job activates, or null
     */
    public RouterJob {
        matchingMode = matchingMode == null ? QUEUE_AND_MATCH : matchingMode;
    }

    /** @return the requested and attached selectors that are still active, requested first */
    public List<RouterWorkerSelector> activeWorkerSelectors() {
        if (requestedWorkerSelectors.isEmpty() && attachedWorkerSelectors.isEmpty()) {
            return List.of();
        }
        List<RouterWorkerSelector> active = new ArrayList<>();
        for (RouterWorkerSelector selector : requestedWorkerSelectors) {
            if (selector.active()) {
                active.add(selector);
            }
        }
        for (RouterWorkerSelector selector : attachedWorkerSelectors) {
            if (selector.active()) {
                active.add(selector);
            }
        }
        return active;
    }

    /** @return whether an active selector expedites it; asked on every change of the job, so it allocates nothing */
    public boolean expedited() {
        return expedites(requestedWorkerSelectors) || expedites(attachedWorkerSelectors);
    }

    private static boolean expedites(List<RouterWorkerSelector> selectors) {
        for (RouterWorkerSelector selector : selectors) {
            if (selector.active() && selector.expedite()) {
                return true;
            }
        }
        return false;
    }

    /** @return the assignment that holds a worker's capacity now, if any */
    public Optional<RouterJobAssignment> currentAssignment() {
        if (status != JobStatus.ASSIGNED && status != JobStatus.COMPLETED) {
            return Optional.empty();
        }
        RouterJobAssignment live = null;
        for (RouterJobAssignment assignment : assignments.values()) {
            if (assignment.closedAt() == null && assignment.unassignedAt() == null) {
                live = assignment;
            }
        }
        return Optional.ofNullable(live);
    }

    /** @return how often the job was handed back by {@code unassignJob} */
    public int unassignmentCount() {
        int count = 0;
        for (RouterJobAssignment assignment : assignments.values()) {
            if (assignment.unassignedAt() != null) {
                count++;
            }
        }
        return count;
    }

    /** @return whether a close was requested and its capacity release is still ahead */
    public boolean closePending() {
        return status == JobStatus.COMPLETED && currentAssignment().map(RouterJobAssignment::closePending).orElse(false);
    }
}
