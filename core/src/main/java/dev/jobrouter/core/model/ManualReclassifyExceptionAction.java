package dev.jobrouter.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Moves the job by hand: into the queue and to the priority when given, with the selectors appended to
 * its requested ones; the job re-enters its queue (enqueuedAt now, JobQueued).
 *
 * @param queueId the queue to move it to, or {@code null} to keep its queue; the queue must exist
 * @param priority the priority to give it, or {@code null} to keep its priority
 * @param workerSelectors selectors to append to its requested ones; {@code null} reads as none
 */
public record ManualReclassifyExceptionAction(String queueId, Integer priority,
        List<RouterWorkerSelector> workerSelectors) implements ExceptionAction {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param queueId the queue to move it to, or {@code null} to keep its queue; the queue must exist
     * @param priority the priority to give it, or {@code null} to keep its priority
     * @param workerSelectors selectors to append to its requested ones; {@code null} reads as none
     *     /
     */
    public ManualReclassifyExceptionAction {
        workerSelectors = workerSelectors == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(workerSelectors));
    }
}
