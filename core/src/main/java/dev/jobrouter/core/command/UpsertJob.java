package dev.jobrouter.core.command;

import dev.jobrouter.core.model.RouterJob;
import java.util.Map;

/**
 * Create a job and queue it, or change an existing job's priority, labels or tags. Null fields keep
 * their current value; labels and tags merge key by key. Decided as {@link CreateJob} or
 * {@link UpdateJob}.
 *
 * @param jobId the job
 * @param channelId its channel; required for a new job, unchangeable after
 * @param queueId its queue; required for a new job, unchangeable after
 * @param priority -100 to 100, or {@code null} (a new job gets {@value RouterJob#DEFAULT_PRIORITY})
 * @param labels labels to set
 * @param tags tags to set
 */
public record UpsertJob(
        String jobId, String channelId, String queueId, Integer priority, Map<String, Object> labels,
        Map<String, Object> tags) implements RouterCommand<RouterJob> {
    public UpsertJob {
        labels = Values.copy(labels);
        tags = Values.copy(tags);
    }
}
