package dev.jobrouter.core.command;

/**
 * A worker upsert that makes the worker available for offers, as the rules see it.
 *
 * @param workerId the worker
 */
public record RegisterWorker(String workerId) implements Command {}
