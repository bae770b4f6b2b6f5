package dev.jobrouter.core.model;

import java.util.List;

/**
 * How an incoming job is given its queue, priority and attached worker selectors.
 *
 * @param id the policy's id
 * @param name a display name, or {@code null}
 * @param fallbackQueueId the queue used when no selector chooses one and the job names none, or {@code null}
 * @param queueSelectorAttachments what yields the queue selectors
 * @param prioritizationRule gives the priority (an integral number, -100 to 100), or {@code null} to keep the job's
 * @param workerSelectorAttachments what yields the attached worker selectors
 * @param etag an opaque tag that every change to the policy replaces; {@code null} until the router stores it
 */
public record ClassificationPolicy(String id, String name, String fallbackQueueId,
        List<QueueSelectorAttachment> queueSelectorAttachments, RouterRule prioritizationRule,
        List<WorkerSelectorAttachment> workerSelectorAttachments, String etag) {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param id the policy's id
     * @param name a display name, or {@code null}
     * @param fallbackQueueId the queue used when no selector chooses one and the job names none, or {@code null}
     * @param queueSelectorAttachments what yields the queue selectors
     * @param prioritizationRule gives the priority (an integral number, -100 to 100), or {@code null} to keep the job's
     * @param workerSelectorAttachments what yields the attached worker selectors
     * @param etag an opaque tag that every change to the policy replaces; {@code null} until the router stores it
     *     /
     */
    public ClassificationPolicy {
        queueSelectorAttachments = List.copyOf(queueSelectorAttachments);
        workerSelectorAttachments = List.copyOf(workerSelectorAttachments);
    }
}
