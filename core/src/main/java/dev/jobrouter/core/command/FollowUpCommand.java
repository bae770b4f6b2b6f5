package dev.jobrouter.core.command;

/**
 * A command a rule may ask to run right after the one being decided, in the same atomic change,
 * with {@code insert(new FollowUp(new DeregisterWorker($workerId)))}. Only these can follow up: the
 * type of {@code FollowUp}'s argument says so, so DRL that names another command does not compile.
 *
 * @param <R> what executing it returns
 */
public sealed interface FollowUpCommand<R> extends RouterCommand<R> permits CancelJob, DeregisterWorker {}
