package dev.jobrouter.core.rules;

import static java.util.Objects.requireNonNull;

import dev.jobrouter.core.command.FollowUpCommand;

/**
 * Inserted by a rule to run another command right after the one being decided, in the same atomic
 * change; for example the built-in rule that deregisters a worker whose offer expired inserts
 * {@code new FollowUp(new DeregisterWorker($workerId))}. Only a {@link FollowUpCommand} can follow up
 * ({@code DeregisterWorker}, {@code CancelJob}): DRL naming another command does not compile. The
 * follow-up is decided by the rules like any other command. Follow-ups of an offer the matcher
 * proposes ({@code IssueOffer}) are not run: matching is a search, not a request.
 *
 * @param command the command to run
 */
public record FollowUp(FollowUpCommand<?> command) implements Effect {
    /**
     * The canonical constructor: checks the components and keeps immutable copies of collections.
     *
     * @param command the command to run
     *     /
     */
    public FollowUp {
        requireNonNull(command, "the command of a FollowUp");
    }
}
