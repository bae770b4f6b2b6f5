package dev.jobrouter.core.command;

import dev.jobrouter.core.model.JobMatchingMode;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterWorkerSelector;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Create a job and queue it (or classify it, when it names a classification policy), or change an
 * existing job's priority, labels, tags, policy or worker selectors. Null fields keep their current
 * value; labels and tags merge key by key; worker selectors, when given, replace the requested ones.
 * Decided as {@link CreateJob} or {@link UpdateJob}, as {@link ClassifyJob} when it classifies, and as
 * {@link SwitchMatchingMode} when it changes an existing job's matching mode.
 *
 * @param jobId the job
 * @param channelId its channel; required for a new job, unchangeable after
 * @param queueId its queue; a new job needs a queue, a classification policy, or both; a direct update
 *     cannot change it (classification can)
 * @param priority -100 to 100, or {@code null} (a new job gets {@value RouterJob#DEFAULT_PRIORITY})
 * @param labels labels to set
 * @param tags tags to set
 * @param classificationPolicyId the policy that classifies it, or {@code null}
 * @param workerSelectors the requested worker selectors, or {@code null} to keep them
 * @param matchingMode how it waits for a worker, or {@code null} to keep it (a new job queues and matches)
 * @param removedLabels label keys to remove
 * @param removedTags tag keys to remove
 * @param channelReference the caller's reference for it on its channel, or {@code null} to keep it
 * @param note a note to add, stamped with the command's instant, or {@code null}
 */
public record UpsertJob(
        String jobId, String channelId, String queueId, Integer priority, Map<String, Object> labels,
        Map<String, Object> tags, String classificationPolicyId, List<RouterWorkerSelector> workerSelectors,
        JobMatchingMode matchingMode, Set<String> removedLabels, Set<String> removedTags, String channelReference,
        String note) implements UpsertCommand<RouterJob> {

    @Override
    public String entityId() {
        return jobId;
    }

    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param jobId the job
     * @param channelId its channel; required for a new job, unchangeable after
     * @param queueId its queue; a new job needs a queue, a classification policy, or both; a direct update
     *     cannot change it (classification can)
     * @param priority -100 to 100, or {@code null} (a new job gets {@value RouterJob#DEFAULT_PRIORITY})
     * @param labels labels to set
     * @param tags tags to set
     * @param classificationPolicyId the policy that classifies it, or {@code null}
     * @param workerSelectors the requested worker selectors, or {@code null} to keep them
     * @param matchingMode how it waits for a worker, or {@code null} to keep it (a new job queues and matches)
     * @param removedLabels label keys to remove
     * @param removedTags tag keys to remove
     * @param channelReference the caller's reference for it on its channel, or {@code null} to keep it
     * @param note a note to add, stamped with the command's instant, or {@code null}
     *     /
     */
    public UpsertJob {
        labels = Values.copy(labels);
        tags = Values.copy(tags);
        workerSelectors = Values.copyOrNull(workerSelectors);
        removedLabels = Values.copy(removedLabels);
        removedTags = Values.copy(removedTags);
    }

    /**
     * A job upsert that removes nothing and adds no note.
     *
     * @param jobId the job's id
     * @param channelId the channel's id
     * @param queueId the queue's id
     * @param priority the priority, from -100 to 100
     * @param labels the labels: string, number or boolean values
     * @param tags the tags
     * @param classificationPolicyId the classification policy's id
     * @param workerSelectors the worker selectors
     * @param matchingMode the matching mode
     */
    public UpsertJob(String jobId, String channelId, String queueId, Integer priority, Map<String, Object> labels,
            Map<String, Object> tags, String classificationPolicyId, List<RouterWorkerSelector> workerSelectors,
            JobMatchingMode matchingMode) {
        this(jobId, channelId, queueId, priority, labels, tags, classificationPolicyId, workerSelectors, matchingMode,
                null, null, null, null);
    }

    /**
     * A job upsert without classification or selectors.
     *
     * @param jobId the job's id
     * @param channelId the channel's id
     * @param queueId the queue's id
     * @param priority the priority, from -100 to 100
     * @param labels the labels: string, number or boolean values
     * @param tags the tags
     */
    public UpsertJob(String jobId, String channelId, String queueId, Integer priority, Map<String, Object> labels,
            Map<String, Object> tags) {
        this(jobId, channelId, queueId, priority, labels, tags, null, null, null);
    }

    /**
     * A job upsert that keeps the matching mode.
     *
     * @param jobId the job's id
     * @param channelId the channel's id
     * @param queueId the queue's id
     * @param priority the priority, from -100 to 100
     * @param labels the labels: string, number or boolean values
     * @param tags the tags
     * @param classificationPolicyId the classification policy's id
     * @param workerSelectors the worker selectors
     */
    public UpsertJob(String jobId, String channelId, String queueId, Integer priority, Map<String, Object> labels,
            Map<String, Object> tags, String classificationPolicyId, List<RouterWorkerSelector> workerSelectors) {
        this(jobId, channelId, queueId, priority, labels, tags, classificationPolicyId, workerSelectors, null);
    }
}
