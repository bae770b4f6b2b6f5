package dev.jobrouter.bench;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How long building a router on a journal of {@code commands} logged commands takes (it replays them
 * all: there are no snapshots yet), and how many bytes the journal takes.
 *
 * <p>Usage: {@code RecoveryTime <output.json> [commands]}, 1,000,000 by default.
 */
public final class RecoveryTime {
    private RecoveryTime() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: RecoveryTime <output.json> [commands]");
        }
        long commands = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        Path directory = Files.createTempDirectory("jobrouter-recovery-bench");
        try {
            long written = 0;
            long start = System.nanoTime();
            try (JobRouter router = JobRouter.builder().virtualClock(Routers.T0).journal(directory).build()) {
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
            }
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            long bytes;
            try (Stream<Path> files = Files.list(directory)) {
                bytes = files.mapToLong(path -> path.toFile().length()).sum();
            }
            start = System.nanoTime();
            try (JobRouter router = JobRouter.builder().virtualClock(Routers.T0).journal(directory).build()) {
                router.getWorker("w1");
            }
            double recoverySeconds = (System.nanoTime() - start) / 1e9;
            String json = String.format(Locale.ROOT, """
                    {
                      "commands": %d,
                      "writeSeconds": %.2f,
                      "journalBytes": %d,
                      "bytesPerCommand": %.1f,
                      "recoverySeconds": %.2f,
                      "recoveredCommandsPerSecond": %.0f
                    }
                    """, written, writeSeconds, bytes, bytes / (double) written, recoverySeconds,
                    written / recoverySeconds);
            Files.writeString(Path.of(args[0]), json);
            System.out.print(json);
        } finally {
            Routers.deleteDirectory(directory);
        }
    }
}
