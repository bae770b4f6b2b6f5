package dev.jobrouter.core.command;

import java.util.List;

/**
 * Decision fact: a {@link DeleteExceptionPolicy}, with what still uses the policy.
 *
 * @param policyId the policy
 * @param queues the queues that name it, by id
 */
public record ExceptionPolicyDeletion(String policyId, List<String> queues) implements Command {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param policyId the policy
     * @param queues the queues that name it, by id
     *     /
     */
    public ExceptionPolicyDeletion {
        queues = List.copyOf(queues);
    }
}
