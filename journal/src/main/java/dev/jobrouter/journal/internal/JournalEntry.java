package dev.jobrouter.journal.internal;

import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.internal.engine.EngineSnapshot;
import java.time.Instant;
import java.util.List;

/** What one journal record holds. */
public sealed interface JournalEntry {

    /**
     * The first record of a journal: what its replay needs besides the commands and the rules.
     *
     * @param seed the engine's seed, for the ids and tie-breaks it draws
     */
    record Started(long seed) implements JournalEntry {}

    /**
     * The rule set the commands after it were decided under, written when a journal starts and when it
     * is opened with other rules: the log keeps the texts, not only their fingerprint, so that it can be
     * read and replayed without the application that wrote it.
     *
     * @param fingerprint names the rule set; each {@link Executed} record carries it
     * @param drl the DRL sources, in the order given
     * @param disabledRules the built-in rules switched off
     * @param functions the names of the function rules: a function is code, so only its name is kept
     */
    record Rules(String fingerprint, List<Source> drl, List<String> disabledRules, List<String> functions)
            implements JournalEntry {

        /**
         * @param name the source's name
         * @param text its DRL
         */
        public record Source(String name, String text) {}

        /**
         * @param fingerprint names the rule set
         * @return a rule set known by its fingerprint only, with no texts: for benchmarks and tests
         */
        public static Rules named(String fingerprint) {
            return new Rules(fingerprint, List.of(), List.of(), List.of());
        }
    }

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
     * What a snapshot file holds: the engine after record {@code lsn}, and what its Started and last
     * Rules records said, since the segments holding them may be gone.
     *
     * @param lsn the last record the snapshot covers
     * @param engine the engine's state after it
     * @param at the last instant the journal knew then
     * @param seed the engine's seed
     * @param rules the rule set in force
     */
    record Snapshot(long lsn, EngineSnapshot engine, Instant at, long seed, Rules rules) implements JournalEntry {}
}
