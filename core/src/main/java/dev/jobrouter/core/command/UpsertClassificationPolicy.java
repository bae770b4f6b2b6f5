package dev.jobrouter.core.command;

import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.QueueSelectorAttachment;
import dev.jobrouter.core.model.RouterRule;
import dev.jobrouter.core.model.WorkerSelectorAttachment;
import java.util.List;

/**
 * Create or change a classification policy. Null fields keep their current value (a new policy: none,
 * empty lists); a list given replaces the stored one. Jobs already classified are not touched.
 * Decided as itself.
 *
 * @param policyId the policy
 * @param name a display name, or {@code null}
 * @param fallbackQueueId a queue that exists, or {@code null}
 * @param queueSelectorAttachments what yields queue selectors, or {@code null}
 * @param prioritizationRule what gives the priority, or {@code null}
 * @param workerSelectorAttachments what yields attached worker selectors, or {@code null}
 */
public record UpsertClassificationPolicy(String policyId, String name, String fallbackQueueId,
        List<QueueSelectorAttachment> queueSelectorAttachments, RouterRule prioritizationRule,
        List<WorkerSelectorAttachment> workerSelectorAttachments) implements UpsertCommand<ClassificationPolicy> {

    @Override
    public String entityId() {
        return policyId;
    }

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param policyId the policy
     * @param name a display name, or {@code null}
     * @param fallbackQueueId a queue that exists, or {@code null}
     * @param queueSelectorAttachments what yields queue selectors, or {@code null}
     * @param prioritizationRule what gives the priority, or {@code null}
     * @param workerSelectorAttachments what yields attached worker selectors, or {@code null}
     *     /
     */
    public UpsertClassificationPolicy {
        queueSelectorAttachments = Values.copyOrNull(queueSelectorAttachments);
        workerSelectorAttachments = Values.copyOrNull(workerSelectorAttachments);
    }
}
