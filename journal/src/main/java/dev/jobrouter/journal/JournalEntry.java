package dev.jobrouter.journal;

import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.engine.EngineSnapshot;
import dev.jobrouter.core.event.RouterEvent;
import java.time.Instant;
import java.util.List;

/** What one journal record holds. */
public sealed interface JournalEntry {

    /**
     * The first record of a journal: what its replay needs besides the commands.
     *
     * @param seed the engine's seed, for the ids and tie-breaks it draws
     * @param rulesFingerprint the rule set the commands were decided under
     */
    record Started(long seed, String rulesFingerprint) implements JournalEntry {}

    /**
     * A command the engine executed, just before it committed.
     *
     * @param command the command
     * @param at its instant
     * @param events what it published; empty for a timed command that failed
     * @param rulesFingerprint the rule set that decided it
     */
    record Executed(RouterCommand<?> command, Instant at, List<RouterEvent> events, String rulesFingerprint)
            implements JournalEntry {}

    /** The virtual clock moved to {@code to}, past every timer. */
    record Advanced(Instant to) implements JournalEntry {}

    /**
     * What a snapshot file holds: the engine after record {@code lsn}, and what its Started record
     * said, since the segments holding that record may be gone.
     *
     * @param lsn the last record the snapshot covers
     * @param engine the engine's state after it
     * @param at the last instant the journal knew then
     * @param seed the engine's seed
     * @param rulesFingerprint the rule set
     */
    record Snapshot(long lsn, EngineSnapshot engine, Instant at, long seed, String rulesFingerprint)
            implements JournalEntry {}
}
