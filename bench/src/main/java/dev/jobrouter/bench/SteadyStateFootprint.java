package dev.jobrouter.bench;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.StaticWorkerSelectorAttachment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Whether the router keeps anything of jobs that are gone: a steady state where every job created is
 * deleted again, with every optional argument varied at random (priority, labels, a channel no worker
 * takes, declines with and without a retry time, offers left to expire, closes now and at a later
 * time, cancels; a third classified, with a selector that expires), measured as retained heap after full GCs at 100,000 and at 1,000,000 lifecycles.
 * Flat means no growth per lifecycle beyond noise.
 *
 * <p>Usage: {@code SteadyStateFootprint <output.json> [lifecycles]}, 1,000,000 by default; run with
 * {@code -Djobrouter.rules.renewSessionsAfter=2000000000} to see what unrenewed rule sessions keep.
 */
public final class SteadyStateFootprint {
    private static final int FIRST = 100_000;

    private SteadyStateFootprint() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: SteadyStateFootprint <output.json> [lifecycles]");
        }
        int lifecycles = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Random random = new Random(42);
        try (JobRouter router = JobRouter.builder().virtualClock(Routers.T0).build()) {
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofSeconds(30)).maxConcurrentOffers(2).upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            router.classificationPolicy("cp").prioritizationRule(new ExpressionRouterRule("job.tier == \"t0\" ? 5 : 1"))
                    .workerSelectorAttachments(new StaticWorkerSelectorAttachment(RouterWorkerSelector.notEqual("Id", "x")))
                    .upsert();
            for (String worker : List.of("w1", "w2", "w3")) {
                router.worker(worker).capacity(2).channel("voice", 1).channel("chat", 1, 1).queues("q1")
                        .label("Language", "en").availableForOffers(true).upsert();
            }
            long start = System.nanoTime();
            long atFirst = 0;
            for (int i = 1; i <= lifecycles; i++) {
                lifecycle(router, "job-" + i, random);
                if (i == FIRST) {
                    atFirst = retainedHeap();
                }
            }
            long atLast = retainedHeap();
            double seconds = (System.nanoTime() - start) / 1e9;
            String json = String.format(Locale.ROOT, """
                    {
                      "lifecycles": %d,
                      "retainedBytesAt%d": %d,
                      "retainedBytesAt%d": %d,
                      "growthBytesPerLifecycle": %.3f,
                      "seconds": %.1f
                    }
                    """, lifecycles, FIRST, atFirst, lifecycles, atLast,
                    (atLast - atFirst) / (double) (lifecycles - FIRST), seconds);
            Files.writeString(Path.of(args[0]), json);
            System.out.print(json);
        }
    }

    /** One job, from creation to deletion, along a path the random draws choose. */
    private static void lifecycle(JobRouter router, String jobId, Random random) {
        var job = router.job(jobId).queue("q1").priority(random.nextInt(21) - 10).label("tier", "t" + random.nextInt(5));
        if (random.nextInt(3) == 0) {
            // Routing: classified (its own queue kept as the fallback), a selector of its own that expires.
            job.classificationPolicy("cp").workerSelectors(
                    RouterWorkerSelector.notEqual("Language", "none").expiresAfter(Duration.ofSeconds(20)));
        }
        if (random.nextInt(20) == 0) {
            // A channel no worker takes: the job waits on a queue-and-channel of its own, then goes.
            job.channel("rare-" + jobId).upsert();
            router.cancelJob(jobId, "abandoned", random.nextBoolean() ? "hung up" : null);
            router.deleteJob(jobId);
            return;
        }
        job.channel(random.nextBoolean() ? "voice" : "chat").upsert();
        for (int attempt = 0; attempt < 20; attempt++) {
            List<RouterJobOffer> offers = router.getJobOffers(jobId).stream()
                    .filter(o -> o.status() == dev.jobrouter.core.model.OfferStatus.OPEN).toList();
            if (offers.isEmpty()) {
                router.advanceBy(Duration.ofSeconds(5));   // a retry time or a rejoin may be due
                continue;
            }
            RouterJobOffer offer = offers.get(random.nextInt(offers.size()));
            switch (random.nextInt(10)) {
                case 0 -> router.declineJobOffer(offer.workerId(), offer.offerId());
                case 1 -> router.declineJobOffer(offer.workerId(), offer.offerId(), router.now().plusSeconds(3));
                case 2 -> router.advanceBy(Duration.ofSeconds(31));   // it expires (and its worker deregisters)
                case 3 -> {
                    router.cancelJob(jobId);
                    router.deleteJob(jobId);
                    rejoin(router);
                    return;
                }
                default -> {
                    String assignmentId = router.acceptJobOffer(offer.workerId(), offer.offerId()).assignmentId();
                    if (random.nextBoolean()) {
                        router.completeJob(jobId, assignmentId, random.nextBoolean() ? "done" : null);
                    }
                    if (random.nextBoolean()) {
                        router.closeJob(jobId, assignmentId, "resolved");
                    } else {
                        router.closeJob(jobId, assignmentId, "resolved", router.now().plusSeconds(1 + random.nextInt(10)));
                        router.advanceBy(Duration.ofSeconds(11));
                    }
                    router.deleteJob(jobId);
                    rejoin(router);
                    return;
                }
            }
            rejoin(router);
        }
        router.cancelJob(jobId);
        router.deleteJob(jobId);
        rejoin(router);
    }

    /** Workers the expiry rule deregistered come back; registering again also forgets their declines. */
    private static void rejoin(JobRouter router) {
        for (var worker : router.listWorkers()) {
            if (!worker.availableForOffers()) {
                router.worker(worker.id()).availableForOffers(true).upsert();
            }
        }
    }

    private static long retainedHeap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
