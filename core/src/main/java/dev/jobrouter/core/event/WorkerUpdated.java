package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A worker's settings changed without a change of availability.
 *
 * @param at when it happened, on the router's clock
 * @param workerId the worker
 */
public record WorkerUpdated(Instant at, String workerId) implements RouterEvent {}
