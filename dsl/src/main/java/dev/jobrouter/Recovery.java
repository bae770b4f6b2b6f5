package dev.jobrouter;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.internal.engine.EngineSnapshot;
import dev.jobrouter.core.internal.engine.RouterEngine;
import dev.jobrouter.core.internal.host.ExecutionLog;
import dev.jobrouter.journal.internal.Journal;
import dev.jobrouter.journal.internal.JournalEntry;
import dev.jobrouter.rules.internal.DrlSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Rebuilds a router's engine from its journal, and names the rule set a journal was written under. */
final class Recovery {
    private Recovery() {
    }

    /**
     * Executes the journal's commands at their instants on a fresh engine: the same commands, rules
     * and seed give the same state, ids and timers. Their events go nowhere: listeners registered
     * after the build hear only what happens from then on.
     *
     * @return the last instant the journal knows, of a command or of a clock advance; {@code null} for none
     * @throws RouterException JOURNAL_FAILED when a command does not replay to the events it published
     */
    static Instant replay(RouterEngine engine, Journal journal) {
        Instant last = null;
        int index = 0;
        for (JournalEntry entry : journal.recovered()) {
            index++;
            if (entry instanceof JournalEntry.Executed executed) {
                List<RouterEvent> replayed;
                try {
                    replayed = engine.execute(executed.command(), executed.at()).events();
                } catch (RuntimeException e) {
                    replayed = List.of();   // a timed command that failed: consumed, as it was then
                }
                if (!replayed.equals(executed.events())) {
                    throw new RouterException(ErrorCode.JOURNAL_FAILED, "record " + index + " of the journal, "
                            + executed.command() + " at " + executed.at() + ", replays to other events than it"
                            + " published: the rules, functions or library version differ from those that wrote it");
                }
                last = executed.at();
            } else if (entry instanceof JournalEntry.Advanced advanced) {
                last = advanced.to();
            }
        }
        return last;
    }

    /**
     * @return what decides commands, as the journal keeps it: the DRL, the rules switched off, the
     *     function names, and a fingerprint of them all
     */
    static JournalEntry.Rules ruleSet(List<DrlSource> rules, Collection<String> disabledRules,
            Collection<String> functions) {
        List<String> disabled = List.copyOf(new TreeSet<>(disabledRules));
        List<String> functionNames = List.copyOf(new TreeSet<>(functions));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DrlSource source : rules) {
                update(digest, "drl " + source.name());
                update(digest, source.drl());
            }
            for (String name : disabled) {
                update(digest, "disabled " + name);
            }
            for (String function : functionNames) {
                update(digest, "function " + function);
            }
            return new JournalEntry.Rules(HexFormat.of().formatHex(digest.digest(), 0, 16),
                    rules.stream().map(source -> new JournalEntry.Rules.Source(source.name(), source.drl())).toList(),
                    disabled, functionNames);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Each text with its length first, so that no two lists of texts digest alike. */
    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /**
     * @return a log that tells the journal first, then the other, of each command and advance; the
     *     journal alone is waited for and snapshots
     */
    static ExecutionLog both(Journal journal, ExecutionLog other) {
        return new ExecutionLog() {
            @Override
            public void executed(RouterCommand<?> command, Instant at, List<RouterEvent> events) {
                journal.executed(command, at, events);
                other.executed(command, at, events);
            }

            @Override
            public void advanced(Instant to) {
                journal.advanced(to);
                other.advanced(to);
            }

            @Override
            public void awaitDurable() {
                journal.awaitDurable();
            }

            @Override
            public void afterCommit(Supplier<EngineSnapshot> state, Instant at) {
                journal.afterCommit(state, at);
            }
        };
    }
}
