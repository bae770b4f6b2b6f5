package dev.jobrouter.core.internal.host;

import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.internal.engine.EngineSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Told of every command that changes the engine, under the host's lock, in execution order: each
 * command just before it commits (what this throws undoes the command and fails it), and each timed
 * command that failed (its timer is consumed, so it changed the engine too). Executing the same commands at the same instants on a fresh engine with the same rules
 * rebuilds the same state and events: the seam for a journal and for replay tests. An implementation
 * must be quick and must not call the router.
 */
@FunctionalInterface
public interface ExecutionLog {

    /** An execution log that keeps nothing. */
    ExecutionLog NONE = (command, at, events) -> { };

    /**
     * @param command the command
     * @param at its instant
     * @param events what it published; empty for a timed command that failed
     */
    void executed(RouterCommand<?> command, Instant at, List<RouterEvent> events);

    /**
     * The virtual clock moves to {@code to} past every timer: told before it moves, so that a log
     * that throws leaves it where it was. A journal records it, so the clock resumes there.
     */
    default void advanced(Instant to) {
    }

    /**
     * Called by the host after it released its lock, before the caller hears back: a log that makes
     * records durable in groups waits here until what this thread logged is on the device.
     */
    default void awaitDurable() {
    }

    /**
     * Called under the host's lock after each command or timer committed, with the engine's state
     * on demand: a journal takes a snapshot here now and then, consistent with what it logged.
     *
     * @param state the engine's snapshot, computed only when asked for
     * @param at the instant of what just committed
     */
    default void afterCommit(Supplier<EngineSnapshot> state, Instant at) {
    }
}
