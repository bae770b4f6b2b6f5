package dev.jobrouter.core.command;

/**
 * Delete an exception policy; refused while a queue names it. Decided as {@link ExceptionPolicyDeletion}.
 *
 * @param policyId the policy to delete
 */
public record DeleteExceptionPolicy(String policyId) implements RouterCommand<Void> {}
