package dev.jobrouter.core.command;

/**
 * A worker stops taking offers: its open offers are revoked; it drains its assigned jobs.
 *
 * @param workerId the worker
 */
public record DeregisterWorker(String workerId) implements Command {}
