package dev.jobrouter.core.command;

import java.util.List;

/**
 * Decision fact: a {@link DeleteClassificationPolicy}, with what still uses the policy.
 *
 * @param policyId the policy
 * @param activeJobs the jobs, neither closed nor cancelled, that name it, by id
 * @param exceptionPolicies the exception policies whose reclassify actions name it, by id
 */
public record ClassificationPolicyDeletion(String policyId, List<String> activeJobs, List<String> exceptionPolicies)
        implements Command {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param policyId the policy
     * @param activeJobs the jobs, neither closed nor cancelled, that name it, by id
     * @param exceptionPolicies the exception policies whose reclassify actions name it, by id
     *     /
     */
    public ClassificationPolicyDeletion {
        activeJobs = List.copyOf(activeJobs);
        exceptionPolicies = List.copyOf(exceptionPolicies);
    }
}
