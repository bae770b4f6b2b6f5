package dev.jobrouter.core.command;

/**
 * Create or change a worker's settings. Decided with the worker as it would be, so rules can check
 * the new settings against what it holds. A change of availability is decided again as
 * {@link RegisterWorker} or {@link DeregisterWorker}.
 *
 * @param workerId the worker
 */
public record UpdateWorker(String workerId) implements Command {}
