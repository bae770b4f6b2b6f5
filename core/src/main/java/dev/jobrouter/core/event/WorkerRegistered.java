package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A worker became available for offers.
 *
 * @param at when it happened, on the router's clock
 * @param workerId the worker
 */
public record WorkerRegistered(Instant at, String workerId) implements RouterEvent {}
