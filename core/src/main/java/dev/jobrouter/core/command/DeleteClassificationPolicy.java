package dev.jobrouter.core.command;

/**
 * Delete a classification policy; refused while a job that is not closed or cancelled, or an
 * exception policy's reclassify action, names it. Decided as {@link ClassificationPolicyDeletion}.
 *
 * @param policyId the policy to delete
 */
public record DeleteClassificationPolicy(String policyId) implements RouterCommand<Void> {}
