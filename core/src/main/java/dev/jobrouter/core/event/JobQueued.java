package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job entered its queue and waits for offers.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param queueId the queue
 */
public record JobQueued(long sequence, Instant at, String jobId, String queueId) implements RouterEvent {}
