package dev.jobrouter.core.command;

import java.util.List;

/**
 * Decision fact: a {@link DeleteClassificationPolicy}, with what still uses the policy.
 *
 * @param policyId the policy
 * @param activeJobs the jobs, neither closed nor cancelled, that name it, by id
 */
public record ClassificationPolicyDeletion(String policyId, List<String> activeJobs) implements Command {
    public ClassificationPolicyDeletion {
        activeJobs = List.copyOf(activeJobs);
    }
}
