package dev.jobrouter.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Upserts the labels, then classifies the job with the policy, which is stored on the job.
 *
 * @param classificationPolicyId the policy, or {@code null} for the job's own
 * @param labelsToUpsert labels to set first; {@code null} reads as none
 */
public record ReclassifyExceptionAction(String classificationPolicyId, Map<String, Object> labelsToUpsert)
        implements ExceptionAction {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param classificationPolicyId the policy, or {@code null} for the job's own
     * @param labelsToUpsert labels to set first; {@code null} reads as none
     *     /
     */
    public ReclassifyExceptionAction {
        labelsToUpsert = labelsToUpsert == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(labelsToUpsert));
    }
}
