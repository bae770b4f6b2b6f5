package dev.jobrouter.core.command;

/**
 * Any worker upsert, as the rules see it: decided with the worker as it would be, so rules can check
 * the new settings against what it holds. A change of availability is decided again as
 * {@link RegisterWorker} or {@link DeregisterWorker}.
 *
 * @param workerId the worker
 */
public record UpdateWorker(String workerId) implements Command {}
