package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job entered its queue and waits for offers.
 *
 * @param at when it happened, on the router's clock
 * @param jobId the job
 * @param queueId the queue
 */
public record JobQueued(Instant at, String jobId, String queueId) implements RouterEvent {}
