package dev.jobrouter.core.command;

import dev.jobrouter.core.model.ExceptionPolicy;
import dev.jobrouter.core.model.ExceptionRule;
import java.util.List;

/**
 * Create or change an exception policy. Null fields keep their current value; rules, when given,
 * replace the stored ones. Decided as itself. Jobs already queued keep the wait-time timers they have.
 *
 * @param policyId the policy
 * @param name a display name, or {@code null}
 * @param exceptionRules its rules, or {@code null} to keep them; ids unique, triggers positive, each
 *     with at least one action, queues and classification policies named must exist
 */
public record UpsertExceptionPolicy(String policyId, String name, List<ExceptionRule> exceptionRules)
        implements UpsertCommand<ExceptionPolicy> {

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param policyId the policy
     * @param name a display name, or {@code null}
     * @param exceptionRules its rules, or {@code null} to keep them; ids unique, triggers positive, each
     *     with at least one action, queues and classification policies named must exist
     *     /
     */
    public UpsertExceptionPolicy {
        exceptionRules = Values.copyOrNull(exceptionRules);
    }

    @Override
    public String entityId() {
        return policyId;
    }
}
