package dev.jobrouter.core.event;

import java.time.Instant;

/**
 * A worker stopped taking offers.
 *
 * @param at when it happened, on the router's clock
 * @param workerId the worker
 */
public record WorkerDeregistered(Instant at, String workerId) implements RouterEvent {}
