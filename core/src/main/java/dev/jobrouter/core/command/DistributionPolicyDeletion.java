package dev.jobrouter.core.command;

import java.util.List;

/**
 * Decision fact: a {@link DeleteDistributionPolicy}, with what still uses the policy.
 *
 * @param policyId the policy
 * @param queues the queues that name it, by id
 */
public record DistributionPolicyDeletion(String policyId, List<String> queues) implements Command {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param policyId the policy
     * @param queues the queues that name it, by id
     *     /
     */
    public DistributionPolicyDeletion {
        queues = List.copyOf(queues);
    }
}
