package dev.jobrouter.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerAssignment;
import dev.jobrouter.core.model.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of commands and clock steps, through the public API, never break the router's
 * cross-entity invariants. Each step is one int: the low digit picks the command, the rest picks its
 * target. Failures print the shrunk sequence and the seed.
 */
class LifecycleInvariantsTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final int WORKERS = 4;
    private static final int JOBS = 12;

    /** Sequences per run; raise it for a soak: {@code mvn -B verify -Djobrouter.properties.examples=100000}. */
    private static final int EXAMPLES = Integer.getInteger("jobrouter.properties.examples", 300);

    @Test
    void noSequenceOfCommandsBreaksTheInvariants() {
        qt().withExamples(EXAMPLES)
                .forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(1, 80))
                .checkAssert(LifecycleInvariantsTest::runAndCheck);
    }

    private static void runAndCheck(List<Integer> steps) {
        try (JobRouter router = JobRouter.builder().virtualClock(T0).build()) {
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(2)).maxConcurrentOffers(2).upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            for (int step : steps) {
                try {
                    apply(router, step % 10, step / 10);
                } catch (RouterException refused) {
                    // Refusals are part of the game; the invariants must hold either way.
                }
                checkInvariants(router);
            }
        }
    }

    private static void apply(JobRouter router, int command, int target) {
        String worker = "w" + target % WORKERS;
        String job = "j" + target % JOBS;
        switch (command) {
            case 0, 1 -> router.job(job).channel(target % 3 == 0 ? "chat" : "voice").queue("q1")
                    .priority(target % 7 - 3).upsert();
            case 2 -> router.worker(worker).capacity(4 + target % 8).channel("voice", 4).channel("chat", 1, 2)
                    .queues("q1").availableForOffers(true).upsert();
            case 3 -> router.offersFor(worker).first().accept();
            case 4 -> {
                if (target % 2 == 0) {
                    router.offersFor(worker).first().decline();
                } else {
                    router.offersFor(worker).first().decline(router.now().plusSeconds(target % 300));
                }
            }
            case 5 -> {
                RouterJob current = router.getJob(job);
                String assignment = current.assignments().keySet().stream().reduce((a, b) -> b).orElse("none");
                if (target % 3 == 0) {
                    router.completeJob(job, assignment);
                } else {
                    router.closeJob(job, assignment, "done", router.now().plusSeconds(target % 4 * 60));
                }
            }
            case 6 -> router.cancelJob(job);
            case 7 -> router.deleteJob(job);
            case 8 -> router.worker(worker).availableForOffers(target % 2 == 0).upsert();
            default -> router.advanceBy(Duration.ofSeconds(1 + target % 200));
        }
    }

    private static void checkInvariants(JobRouter router) {
        List<RouterJob> jobs = router.listJobs();
        Map<String, RouterJob> jobsById = jobs.stream().collect(Collectors.toMap(RouterJob::id, j -> j));
        for (RouterWorker worker : router.listWorkers()) {
            assertThat(worker.usedCapacity()).as("capacity of %s", worker.id()).isLessThanOrEqualTo(worker.capacity());
            for (ChannelConfiguration channel : worker.channels().values()) {
                if (channel.maxNumberOfJobs() != null) {
                    assertThat(worker.jobsOn(channel.channelId())).isLessThanOrEqualTo(channel.maxNumberOfJobs());
                }
            }
            if (worker.state() != WorkerState.ACTIVE) {
                assertThat(worker.offers()).as("offers of %s worker %s", worker.state(), worker.id()).isEmpty();
            }
            for (RouterJobOffer offer : worker.offers()) {
                RouterJob job = jobsById.get(offer.jobId());
                assertThat(job.status()).as("job of open offer %s", offer.offerId()).isEqualTo(JobStatus.QUEUED);
                assertThat(offer.expiresAt()).as("expiry of open offer").isAfter(router.now());
                assertThat(router.getJobOffers(job.id())).contains(offer);
            }
            for (RouterWorkerAssignment held : worker.assignedJobs()) {
                RouterJob job = jobsById.get(held.jobId());
                assertThat(job.status()).as("job held by %s", worker.id()).isIn(JobStatus.ASSIGNED, JobStatus.COMPLETED);
                assertThat(job.currentAssignment()).hasValueSatisfying(a -> assertThat(a.workerId()).isEqualTo(worker.id()));
            }
        }
        for (RouterJob job : jobs) {
            List<RouterJobOffer> open = router.getJobOffers(job.id()).stream()
                    .filter(offer -> offer.status() == OfferStatus.OPEN).toList();
            assertThat(open.size()).as("open offers of %s", job.id()).isLessThanOrEqualTo(2);
            assertThat(open).extracting(RouterJobOffer::workerId).doesNotHaveDuplicates();
            if (job.status() != JobStatus.QUEUED) {
                assertThat(open).as("open offers of %s job %s", job.status(), job.id()).isEmpty();
            }
            long live = job.assignments().values().stream().filter(a -> a.closedAt() == null).count();
            assertThat(live).as("live assignments of %s", job.id()).isLessThanOrEqualTo(1);
            job.currentAssignment().ifPresent(a -> assertThat(router.getWorker(a.workerId()).assignedJobs())
                    .extracting(RouterWorkerAssignment::assignmentId).contains(a.assignmentId()));
        }
    }
}
