package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job is held, never offered, until its caller switches it to queue-and-match: it was suspended, or
 * its scheduled instant came.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param scheduledAt the instant its schedule named, or {@code null} for a suspended job
 */
public record JobWaitingForActivation(long sequence, Instant at, String jobId, Instant scheduledAt)
        implements RouterEvent {}
