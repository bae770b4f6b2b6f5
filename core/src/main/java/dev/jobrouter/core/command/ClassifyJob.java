package dev.jobrouter.core.command;

import dev.jobrouter.core.model.RouterWorkerSelector;
import java.util.List;

/**
 * A classification about to be applied, as the rules see it: on the create of a job with a policy,
 * on an update of such a job's labels or policy, and on {@link ReclassifyJob}. A refusal refuses the
 * command that caused it.
 *
 * @param jobId the job
 * @param classificationPolicyId the policy
 * @param queueId the queue chosen, or {@code null} when classification failed
 * @param priority the priority given (the job's own when it failed)
 * @param attachedWorkerSelectors the selectors attached, as they would be stored
 * @param failureReason why classification failed, or {@code null} when it succeeded
 */
public record ClassifyJob(String jobId, String classificationPolicyId, String queueId, int priority,
        List<RouterWorkerSelector> attachedWorkerSelectors, String failureReason) implements Command {

    /** @return whether classification succeeded */
    public boolean classified() {
        return failureReason == null;
    }
}
