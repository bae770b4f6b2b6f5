package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job was removed with all its traces.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 */
public record JobDeleted(long sequence, Instant at, String jobId) implements RouterEvent {}
