package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobStatusSelector;
import java.time.Instant;

/**
 * Which jobs a list keeps; a null field does not filter.
 *
 * @param status by status; {@code null} reads as ALL
 * @param queueId by queue
 * @param channelId by channel
 * @param classificationPolicyId by classification policy
 * @param scheduledBefore only jobs with a {@code scheduledAt} at or before it
 * @param scheduledAfter only jobs with a {@code scheduledAt} at or after it
 */
public record JobFilter(RouterJobStatusSelector status, String queueId, String channelId,
        String classificationPolicyId, Instant scheduledBefore, Instant scheduledAfter) {

    /** Keeps every job. */
    public static final JobFilter ALL = new JobFilter(null, null, null, null, null, null);

    boolean keeps(RouterJob job) {
        return (status == null || status.keeps(job.status()))
                && (queueId == null || queueId.equals(job.queueId()))
                && (channelId == null || channelId.equals(job.channelId()))
                && (classificationPolicyId == null || classificationPolicyId.equals(job.classificationPolicyId()))
                && (scheduledBefore == null || job.scheduledAt() != null && !job.scheduledAt().isAfter(scheduledBefore))
                && (scheduledAfter == null || job.scheduledAt() != null && !job.scheduledAt().isBefore(scheduledAfter));
    }
}
