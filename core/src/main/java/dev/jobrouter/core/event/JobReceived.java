package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job was created.
 *
 * @param at when it happened, on the router's clock
 * @param jobId the job
 * @param channelId its channel
 * @param queueId its queue
 * @param priority its priority
 */
public record JobReceived(Instant at, String jobId, String channelId, String queueId, int priority) implements RouterEvent {}
