package dev.jobrouter.core.command;

/**
 * The engine's input: every change the router can make, from a caller or from its clock, is one of
 * these records (a {@link Command} the rules also decide), executed by {@code RouterEngine.execute(command, instant)}. Given the same state, the
 * same command, the same instant and the same rules, the engine makes the same change, so a log of
 * commands with their instants replays to the same router.
 *
 * <p>Commands are plain values: ids, numbers, instants, and immutable copies of the maps and sets
 * they are given. They are checked when executed, not when built, so a malformed command fails as a
 * {@code RouterException} INVALID_ARGUMENT and changes nothing.
 *
 * @param <R> what executing it returns: the entity as stored, an accept's result, or {@link Void}
 */
public sealed interface RouterCommand<R> extends Command
        permits UpsertCommand, IfMatch, AcceptJobOffer, DeclineJobOffer, CompleteJob, CloseJob, DeleteJob,
                ReclassifyJob, UnassignJob, DeleteWorker, DeleteQueue, DeleteDistributionPolicy,
                DeleteClassificationPolicy, DeleteExceptionPolicy, FollowUpCommand, TimedCommand {}
