package dev.jobrouter.bench;

import dev.jobrouter.BenchAccess;
import dev.jobrouter.JobRouter;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.journal.internal.Journal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How long building a router on a journal of {@code commands} logged commands takes, as a kill leaves
 * it (the directory copied while the router runs, so no snapshot is written at close): once with no
 * snapshot at all, so every command replays, and once with the default snapshots (every 200,000
 * records), so recovery restores the last one, near the end, and replays the few after it.
 *
 * <p>Usage: {@code RecoveryTime <output.json> [commands]}, 1,000,000 by default.
 */
public final class RecoveryTime {
    private RecoveryTime() {}

    /** What one journal measured. */
    private record Measured(long commands, double writeSeconds, long bytes, double recoverySeconds) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: RecoveryTime <output.json> [commands]");
        }
        long commands = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        Measured replayed = measure(commands, Long.MAX_VALUE);
        Measured snapshotted = measure(commands, Journal.SNAPSHOT_EVERY_RECORDS);
        String json = String.format(Locale.ROOT, """
                {
                  "commands": %d,
                  "writeSeconds": %.2f,
                  "noSnapshotJournalBytes": %d,
                  "noSnapshotBytesPerCommand": %.1f,
                  "noSnapshotRecoverySeconds": %.2f,
                  "noSnapshotRecoveredCommandsPerSecond": %.0f,
                  "snapshotsJournalBytes": %d,
                  "snapshotsRecoverySeconds": %.2f
                }
                """, replayed.commands(), replayed.writeSeconds(), replayed.bytes(),
                replayed.bytes() / (double) replayed.commands(), replayed.recoverySeconds(),
                replayed.commands() / replayed.recoverySeconds(), snapshotted.bytes(), snapshotted.recoverySeconds());
        Files.writeString(Path.of(args[0]), json);
        System.out.print(json);
    }

    private static Measured measure(long commands, long snapshotEvery) throws IOException {
        Path directory = Files.createTempDirectory("jobrouter-recovery-bench");
        Path crashed = Files.createTempDirectory("jobrouter-recovery-bench-crashed");
        try {
            long written = 0;
            long start = System.nanoTime();
            JobRouter.Builder builder = BenchAccess.journalLayout(
                    JobRouter.builder().virtualClock(Routers.T0).journal(directory), Journal.SEGMENT_BYTES, snapshotEvery);
            try (JobRouter router = builder.build()) {
                router.distributionPolicy("p1").offerExpiresAfter(Duration.ofHours(1)).longestIdle().upsert();
                router.queue("q1").distributionPolicy("p1").upsert();
                router.worker("w1").capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();
                written = 3;
                for (long i = 0; written < commands; i++) {
                    String jobId = "job-" + i;
                    router.job(jobId).channel("voice").queue("q1").upsert();
                    AcceptJobOfferResult accepted = router.acceptJobOffer("w1",
                            router.getWorker("w1").offers().get(0).offerId());
                    router.completeJob(jobId, accepted.assignmentId());
                    router.closeJob(jobId, accepted.assignmentId(), "done");
                    router.deleteJob(jobId);
                    written += 5;
                }
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.filter(path -> !path.getFileName().toString().equals("journal.lock")).toList()) {
                        Files.copy(file, crashed.resolve(file.getFileName()));
                    }
                }
            }
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            long bytes;
            try (Stream<Path> files = Files.list(crashed)) {
                bytes = files.mapToLong(path -> path.toFile().length()).sum();
            }
            start = System.nanoTime();
            try (JobRouter router = JobRouter.builder().virtualClock(Routers.T0).journal(crashed).build()) {
                if (router.getWorker("w1").usedCapacity() != 0) {
                    throw new IllegalStateException("w1 should be free after its last job closed");
                }
            }
            return new Measured(written, writeSeconds, bytes, (System.nanoTime() - start) / 1e9);
        } finally {
            Routers.deleteDirectory(directory);
            Routers.deleteDirectory(crashed);
        }
    }
}
