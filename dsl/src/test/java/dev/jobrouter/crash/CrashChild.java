package dev.jobrouter.crash;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.RouterJob;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The child of {@link CrashRecoveryTest}: runs steps on a router with a journal until it is killed,
 * printing {@code ACK n} once step {@code n} is acknowledged. Step {@code n} takes job
 * {@code job-n} through its whole lifecycle (created, offered, accepted, completed, closed), deletes
 * the previous step's job, then sometimes moves the clock; it resumes after the last job the journal
 * holds. Deleting keeps the state at two jobs at most, so that a thousand kills on one directory
 * (each cycle thousands of steps, as the child runs ahead of the pipe the parent reads) recover a
 * small state from a long log.
 *
 * <p>Arguments: the journal directory and a seed.
 */
public final class CrashChild {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private CrashChild() {}

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
        PrintStream out = System.out;
        try (JobRouter router = JobRouter.builder().virtualClock(T0).journal(directory).build()) {
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(10)).longestIdle().upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            router.worker("w1").capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();
            int next = firstStep(router);
            finishLeftovers(router, next - 1);
            out.println("START " + next);
            out.flush();
            for (int n = next; ; n++) {
                step(router, n, random);
                out.println("ACK " + n);
                out.flush();
            }
        }
    }

    /**
     * Ends the job of a step a kill cut short, so that the worker is free for the next one, and
     * deletes every job but the last, which marks where the steps resume.
     */
    static void finishLeftovers(JobRouter router, int last) {
        for (RouterJob job : router.listJobs()) {
            switch (job.status()) {
                case QUEUED -> router.cancelJob(job.id());
                case ASSIGNED, COMPLETED -> router.closeJob(job.id(),
                        job.currentAssignment().orElseThrow().assignmentId(), "recovered");
                default -> { }
            }
            if (!job.id().equals("job-" + last)) {
                router.deleteJob(job.id());
            }
        }
    }

    /** @return the first step to run: after the last job the journal holds, whatever its state */
    static int firstStep(JobRouter router) {
        int next = 0;
        for (RouterJob job : router.listJobs()) {
            next = Math.max(next, Integer.parseInt(job.id().substring("job-".length())) + 1);
        }
        return next;
    }

    private static void step(JobRouter router, int n, SplittableRandom random) {
        String jobId = "job-" + n;
        router.job(jobId).channel("voice").queue("q1").priority(1 + random.nextInt(5))
                .label("step", n).upsert();
        String offerId = router.getWorker("w1").offers().get(0).offerId();
        AcceptJobOfferResult accepted = router.acceptJobOffer("w1", offerId);
        router.completeJob(jobId, accepted.assignmentId());
        router.closeJob(jobId, accepted.assignmentId(), "done");
        if (n > 0) {
            router.deleteJob("job-" + (n - 1));
        }
        if (random.nextInt(4) == 0) {
            router.advanceBy(Duration.ofMillis(1 + random.nextInt(5_000)));
        }
    }
}
