package dev.jobrouter.core.event;

import dev.jobrouter.core.model.JobStatus;
import java.time.Instant;
import java.util.Map;

/**
 * A job was created.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param channelId its channel
 * @param queueId its queue
 * @param priority its priority
 * @param labels its labels
 * @param tags its tags
 * @param status its status after creation
 */
public record JobReceived(long sequence, Instant at, String jobId, String channelId, String queueId, int priority, Map<String, Object> labels,
        Map<String, Object> tags, JobStatus status) implements RouterEvent {}
