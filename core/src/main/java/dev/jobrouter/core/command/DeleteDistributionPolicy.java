package dev.jobrouter.core.command;

/**
 * Delete a distribution policy; refused while a queue names it. Decided as {@link DistributionPolicyDeletion}.
 *
 * @param policyId the policy to delete
 */
public record DeleteDistributionPolicy(String policyId) implements RouterCommand<Void> {}
