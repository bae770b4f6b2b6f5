package dev.jobrouter.core.internal.matching;

/**
 * The unit of matching: jobs and workers meet per queue and channel.
 *
 * @param queueId the queue
 * @param channelId the channel
 */
public record QueueChannel(String queueId, String channelId) {}
