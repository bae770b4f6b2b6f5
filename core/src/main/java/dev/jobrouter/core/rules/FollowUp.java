package dev.jobrouter.core.rules;

import dev.jobrouter.core.command.Command;

/**
 * Inserted by a rule to run another command right after the one being decided, in the same atomic
 * change; for example the built-in rule that deregisters a worker whose offer expired inserts
 * {@code new FollowUp(new DeregisterWorker($workerId))}. Supported follow-ups: {@code DeregisterWorker},
 * {@code CancelJob}. The follow-up is decided by the rules like any other command.
 *
 * @param command the command to run
 */
public record FollowUp(Command command) {}
