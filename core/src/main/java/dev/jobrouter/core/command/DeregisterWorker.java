package dev.jobrouter.core.command;

import dev.jobrouter.core.model.RouterWorker;

/**
 * A worker stops taking offers: its open offers are revoked; it drains its assigned jobs. Decided
 * when a worker upsert turns its availability off, and executed when a rule asks for it as a
 * follow-up; a worker that is not available stays as it is.
 *
 * @param workerId the worker
 */
public record DeregisterWorker(String workerId) implements FollowUpCommand<RouterWorker> {}
