package dev.jobrouter.core.command;

/**
 * A worker becomes available for offers.
 *
 * @param workerId the worker
 */
public record RegisterWorker(String workerId) implements Command {}
