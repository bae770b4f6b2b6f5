package dev.jobrouter;

import dev.jobrouter.core.command.UpsertClassificationPolicy;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.QueueSelectorAttachment;
import dev.jobrouter.core.model.RouterRule;
import dev.jobrouter.core.model.WorkerSelectorAttachment;
import java.util.Arrays;
import java.util.List;

/**
 * Defines or changes a classification policy; settings not given keep their value, a list given
 * replaces the stored one (called with no arguments, it clears it). Jobs already classified keep
 * their classification.
 *
 * <pre>{@code
 * router.classificationPolicy("cp").name("Intake").fallbackQueue("general")
 *       .queueSelectorAttachments(new PassThroughQueueSelectorAttachment("Region", LabelOperator.EQUAL))
 *       .prioritizationRule(new ExpressionRouterRule("job.VIP == true ? 10 : 1"))
 *       .workerSelectorAttachments(new StaticWorkerSelectorAttachment(RouterWorkerSelector.equal("Language", "en")))
 *       .upsert();
 * }</pre>
 */
public final class ClassificationPolicyDefinition {
    private final LocalHost host;
    private String ifMatch;
    private final String id;
    private String name;
    private String fallbackQueueId;
    private List<QueueSelectorAttachment> queueSelectorAttachments;
    private RouterRule prioritizationRule;
    private List<WorkerSelectorAttachment> workerSelectorAttachments;

    ClassificationPolicyDefinition(LocalHost host, String id) {
        this.host = host;
        this.id = id;
    }

    /**
     * A display name.
     *
     * @param name a display name
     * @return this definition, for chaining
     */
    public ClassificationPolicyDefinition name(String name) {
        this.name = Arguments.required("name", name);
        return this;
    }

    /**
     * The queue for jobs no selector places and that name none; it must exist.
     *
     * @param queueId the queue's id
     * @return this definition, for chaining
     */
    public ClassificationPolicyDefinition fallbackQueue(String queueId) {
        this.fallbackQueueId = Arguments.required("queueId", queueId);
        return this;
    }

    /**
     * What yields the queue selectors; the queue with the lowest id that satisfies them all is chosen.
     *
     * @param attachments the selector attachments
     * @return this definition, for chaining
     */
    public ClassificationPolicyDefinition queueSelectorAttachments(QueueSelectorAttachment... attachments) {
        this.queueSelectorAttachments = Arrays.asList(Arguments.required("attachments", attachments));
        return this;
    }

    /**
     * Gives the priority: an integral number from -100 to 100, else classification fails.
     *
     * @param rule the rule
     * @return this definition, for chaining
     */
    public ClassificationPolicyDefinition prioritizationRule(RouterRule rule) {
        this.prioritizationRule = Arguments.required("rule", rule);
        return this;
    }

    /**
     * What yields the worker selectors attached to each job, recomputed on every classification.
     *
     * @param attachments the selector attachments
     * @return this definition, for chaining
     */
    public ClassificationPolicyDefinition workerSelectorAttachments(WorkerSelectorAttachment... attachments) {
        this.workerSelectorAttachments = Arrays.asList(Arguments.required("attachments", attachments));
        return this;
    }

    /**
     * Makes the upsert conditional: it runs only when the stored policy still has this etag, read from its
     * {@code etag()}; otherwise, or when the policy does not exist, it fails with PRECONDITION_FAILED and
     * changes nothing.
     *
     * @param etag the etag the entity must still have
     * @return this definition, for chaining
     */
    public ClassificationPolicyDefinition ifMatch(String etag) {
        this.ifMatch = Arguments.required("etag", etag);
        return this;
    }

    /**
     * Creates or changes the policy.
     *
     * @return the policy as stored
     * @throws dev.jobrouter.core.RouterException INVALID_ARGUMENT for an unknown fallback queue, a malformed
     *     selector or attachment, an expression that does not compile, an unregistered function name;
     *     CONFLICT when a rule refuses
     */
    public ClassificationPolicy upsert() {
        UpsertClassificationPolicy upsert = new UpsertClassificationPolicy(id, name, fallbackQueueId,
                queueSelectorAttachments, prioritizationRule, workerSelectorAttachments);
        return host.execute(Guarded.upsert(ifMatch, upsert));
    }
}
