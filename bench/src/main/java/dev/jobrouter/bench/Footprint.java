package dev.jobrouter.bench;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.model.ManualReclassifyExceptionAction;
import dev.jobrouter.core.model.WaitTimeExceptionTrigger;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Retained heap per queued job (plain, and with a pending wait-time exception trigger) and per registered worker, and whether a million queued jobs fit in
 * the heap this JVM was given (run it with {@code -Xmx2g}). Not a JMH benchmark: it measures the heap
 * after full collections, before and after adding a large population, through the public API with
 * the built-in rules. Prints the figures and writes them as JSON to the path in the first argument.
 */
public final class Footprint {
    static final int JOBS = 200_000;
    static final int WORKERS = 20_000;
    static final int MILLION = 1_000_000;

    private Footprint() {}

    public static void main(String[] args) throws IOException {
        double bytesPerJob = perEntity(JOBS, (router, i) -> router.job("job-" + i).channel("voice").queue("q1").upsert());
        double bytesPerEscalatableJob = perEntity(JOBS / 2, (router, i) -> router.job("job-" + i).channel("voice")
                .queue("escalating").upsert());
        double bytesPerWorker = perEntity(WORKERS, (router, i) -> router.worker("w" + i).capacity(1)
                .channel("voice", 1).queues("q1").availableForOffers(true).upsert());

        long maxHeap = Runtime.getRuntime().maxMemory();
        int queued = 0;
        long heapWithMillion = -1;
        try (JobRouter router = newRouter()) {
            while (queued < MILLION) {
                router.job("job-" + queued).channel("voice").queue("q1").upsert();
                queued++;
            }
            heapWithMillion = usedAfterGc();
        } catch (OutOfMemoryError full) {
            System.err.println("the heap filled up after " + queued + " queued jobs");
        }
        long fits = (long) ((maxHeap - usedAfterGc()) / bytesPerJob);

        String json = String.format(Locale.ROOT, """
                {
                  "maxHeapBytes": %d,
                  "bytesPerQueuedJob": %.1f,
                  "bytesPerQueuedJobWithWaitTimeTrigger": %.1f,
                  "bytesPerRegisteredWorker": %.1f,
                  "queuedJobsCreated": %d,
                  "heapWithThemBytes": %d,
                  "estimatedMaxQueuedJobs": %d
                }
                """, maxHeap, bytesPerJob, bytesPerEscalatableJob, bytesPerWorker, queued, heapWithMillion, fits);
        System.out.print(json);
        if (args.length > 0) {
            Path out = Path.of(args[0]);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, json);
        }
    }

    @FunctionalInterface
    private interface Add {
        void add(JobRouter router, int index);
    }

    /** @return the retained heap per entity: heap after GC with {@code count} of them, minus without, over count */
    private static double perEntity(int count, Add add) {
        try (JobRouter router = newRouter()) {
            for (int i = 0; i < 1_000; i++) {   // warm the code paths and rule sessions out of the measurement
                add.add(router, -1 - i);
            }
            long before = usedAfterGc();
            for (int i = 0; i < count; i++) {
                add.add(router, i);
            }
            long after = usedAfterGc();
            return (double) (after - before) / count;
        }
    }

    private static JobRouter newRouter() {
        JobRouter router = JobRouter.builder().virtualClock(Routers.T0).build();
        router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).upsert();
        router.queue("q1").distributionPolicy("p1").upsert();
        // A queue whose every job holds a pending wait-time trigger (an entry and a timer) while it waits.
        router.exceptionPolicy("escalate").rule("slow", new WaitTimeExceptionTrigger(Duration.ofHours(1)),
                new ManualReclassifyExceptionAction("q1", 10, null)).upsert();
        router.queue("escalating").distributionPolicy("p1").exceptionPolicy("escalate").upsert();
        return router;
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {   // a few rounds: a full GC may leave work for the next
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
