package dev.jobrouter.bench;

import dev.jobrouter.core.internal.engine.RouterEngine;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.journal.internal.Journal;
import dev.jobrouter.journal.internal.JournalEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lifecycle's throughput with a journal at {@code PROCESS} durability (each command written to
 * the journal file before it commits, no fsync) against the in-memory one, side by side in one JVM.
 * The journal lives in a fresh temporary directory, deleted afterwards.
 *
 * <p>Usage: {@code JournalSideBySide <output.json> [rounds]}, rounds 30 by default.
 */
public final class JournalSideBySide {
    private JournalSideBySide() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: JournalSideBySide <output.json> [rounds]");
        }
        Path directory = Files.createTempDirectory("jobrouter-journal-bench");
        try (Journal journal = Journal.open(directory, false, null, JournalEntry.Rules.named("bench"), RouterEngine.DEFAULT_SEED);
                LocalHost plain = Routers.engine("drools");
                LocalHost journaled = Routers.journaledEngine(journal)) {
            Routers.worker(plain, "w1");
            Routers.worker(journaled, "w1");
            VariantSideBySide.compare(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 30,
                    i -> Routers.lifecycle(plain, "job-" + i), "journaled",
                    i -> Routers.lifecycle(journaled, "job-" + i));
        } finally {
            Routers.deleteDirectory(directory);
        }
    }
}
