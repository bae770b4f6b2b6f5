package dev.jobrouter.core.command;

import java.util.Map;

/**
 * A job upsert that creates the job, as the rules see it.
 *
 * @param jobId the new job's id
 * @param channelId its channel
 * @param queueId its queue
 * @param priority -100 to 100
 * @param labels labels for matching
 * @param tags tags for the caller
 */
public record CreateJob(
        String jobId, String channelId, String queueId, int priority, Map<String, Object> labels,
        Map<String, Object> tags) implements Command {}
