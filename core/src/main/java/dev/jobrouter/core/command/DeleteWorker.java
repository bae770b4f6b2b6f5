package dev.jobrouter.core.command;

/**
 * Delete a worker: its open offers are revoked; refused while it holds assigned jobs.
 *
 * @param workerId the worker to delete
 */
public record DeleteWorker(String workerId) implements RouterCommand<Void> {}
