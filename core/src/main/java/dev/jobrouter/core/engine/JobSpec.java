package dev.jobrouter.core.engine;

import java.util.Map;

/**
 * What an upsert of a job sets. Null fields keep their current value; labels and tags merge key by key.
 *
 * @param jobId the job
 * @param channelId its channel; required for a new job, unchangeable after
 * @param queueId its queue; required for a new job, unchangeable after
 * @param priority -100 to 100, or {@code null} (a new job gets {@value dev.jobrouter.core.model.RouterJob#DEFAULT_PRIORITY})
 * @param labels labels to set
 * @param tags tags to set
 */
public record JobSpec(
        String jobId, String channelId, String queueId, Integer priority, Map<String, Object> labels,
        Map<String, Object> tags) {}
