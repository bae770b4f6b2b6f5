package dev.jobrouter.bench;

import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.internal.engine.RouterEngine;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.journal.internal.Journal;
import dev.jobrouter.journal.internal.JournalEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Acknowledged commands per second with the journal at {@code FSYNC} (group commit): {@code callers}
 * threads each creating jobs for {@code seconds}, on a journal in a fresh temporary directory.
 *
 * <p>Usage: {@code FsyncThroughput <output.json> [seconds]}; runs with 1 and 16 callers.
 */
public final class FsyncThroughput {
    private FsyncThroughput() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: FsyncThroughput <output.json> [seconds]");
        }
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        StringBuilder json = new StringBuilder("{\n");
        for (int callers : new int[] {1, 16}) {
            double perSecond = run(callers, seconds);
            json.append(String.format(Locale.ROOT, "  \"acknowledgedPerSecondWith%dCallers\": %.0f,%n", callers, perSecond));
            System.out.printf(Locale.ROOT, "%d callers: %.0f acknowledged commands per second%n", callers, perSecond);
        }
        json.setLength(json.length() - 2);
        json.append("\n}\n");
        Files.writeString(Path.of(args[0]), json);
    }

    private static double run(int callers, double seconds) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("jobrouter-fsync-bench");
        try (Journal journal = Journal.open(directory, true, null, JournalEntry.Rules.named("bench"), RouterEngine.DEFAULT_SEED);
                LocalHost host = Routers.journaledEngine(journal)) {
            AtomicLong acknowledged = new AtomicLong();
            long end = System.nanoTime() + (long) (seconds * 1e9);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                Thread thread = new Thread(() -> {
                    for (long i = 0; System.nanoTime() < end; i++) {
                        host.execute(new UpsertJob("job-" + caller + "-" + i, "voice", "q1", 1, Map.of(), Map.of()));
                        acknowledged.incrementAndGet();
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return acknowledged.get() / seconds;
        } finally {
            Routers.deleteDirectory(directory);
        }
    }
}
