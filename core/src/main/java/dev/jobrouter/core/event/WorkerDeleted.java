package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A worker was deleted; its open offers were revoked first.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param workerId the worker
 */
public record WorkerDeleted(long sequence, Instant at, String workerId) implements RouterEvent {}
