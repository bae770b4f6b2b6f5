package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A job is SCHEDULED: held out of matching until its instant, when it waits for activation.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param scheduleAt the instant its schedule names
 */
public record JobScheduled(long sequence, Instant at, String jobId, Instant scheduleAt) implements RouterEvent {}
