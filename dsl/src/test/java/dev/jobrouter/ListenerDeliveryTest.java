package dev.jobrouter;

import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.event.JobReceived;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.model.JobStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Listeners run after the router's lock is released, in commit order, each isolated from the others.
 * The waits below are generous bounds on liveness (a deadlock would hit them), not timings.
 */
class ListenerDeliveryTest {
    private static final long PATIENCE_SECONDS = 20;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aListenerThatBlocksDoesNotDelayAReaderOnAnotherThread() throws Exception {
        try (JobRouter router = Fixtures.router()) {
            voiceWorker(router, "w1");
            CountDownLatch listening = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            router.onEvent(event -> {
                if (event instanceof OfferIssued) {
                    listening.countDown();
                    awaitQuietly(release);
                }
            });
            Future<?> writer = threads.submit(() -> voiceJob(router, "j1"));
            assertThat(listening.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();

            CountDownLatch read = new CountDownLatch(1);
            AtomicReference<JobStatus> seen = new AtomicReference<>();
            threads.submit(() -> {
                seen.set(router.getJob("j1").status());
                read.countDown();
            });

            assertThat(read.await(PATIENCE_SECONDS, TimeUnit.SECONDS))
                    .as("the reader finished while the listener was still blocked").isTrue();
            assertThat(seen.get()).isEqualTo(JobStatus.QUEUED);
            release.countDown();
            writer.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void aListenerMayWaitOnAnotherThreadThatReadsOrWritesTheRouter() throws Exception {
        try (JobRouter router = Fixtures.router()) {
            voiceWorker(router, "w1");
            Events events = Events.of(router);
            List<String> fromListener = new CopyOnWriteArrayList<>();
            router.onEvent(event -> {
                if (event instanceof JobReceived received && received.jobId().equals("j1")) {
                    try {
                        fromListener.add(threads.submit(() -> router.getJob("j1").status().name())
                                .get(PATIENCE_SECONDS, TimeUnit.SECONDS));
                        threads.submit(() -> voiceJob(router, "j2")).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
                        fromListener.add("wrote j2");
                    } catch (Exception e) {
                        fromListener.add("failed: " + e);
                    }
                }
            });

            voiceJob(router, "j1");

            assertThat(fromListener).containsExactly("QUEUED", "wrote j2");
            // The other thread's events queued behind this thread's delivery, in commit order.
            assertThat(events.of(JobReceived.class)).extracting(JobReceived::jobId).containsExactly("j1", "j2");
            assertSequential(events.all);
        }
    }

    @Test
    void aListenerThatThrowsAnErrorIsIsolated() {
        try (JobRouter router = Fixtures.router()) {
            router.onEvent(event -> {
                throw new AssertionError("a listener's bug");
            });
            router.onEvent(event -> {
                throw new IllegalStateException("another listener's bug");
            });
            Events events = Events.of(router);

            voiceWorker(router, "w1");
            voiceJob(router, "j1");

            assertThat(events.names()).containsExactly("WorkerRegistered", "JobReceived", "JobQueued", "OfferIssued");
            assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.QUEUED);
        }
    }

    @Test
    void aListenerCallingBackSeesItsOwnCommandsEventsAfterTheCurrentOnes() {
        try (JobRouter router = Fixtures.router()) {
            voiceWorker(router, "w1");
            Events events = Events.of(router);
            router.onEvent(event -> {
                if (event instanceof OfferIssued offer) {
                    router.acceptJobOffer(offer.workerId(), offer.offerId());
                }
            });

            voiceJob(router, "j1");

            assertThat(events.names()).containsExactly("JobReceived", "JobQueued", "OfferIssued", "OfferAccepted");
            assertSequential(events.all);
        }
    }

    @Test
    void eventsFromManyThreadsAreNumberedAndDeliveredInCommitOrder() throws Exception {
        try (JobRouter router = Fixtures.router()) {
            Events events = Events.of(router);
            List<Future<?>> writers = new java.util.ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int t = thread;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        voiceWorker(router, "w" + t + "-" + i);
                        voiceJob(router, "j" + t + "-" + i);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            }

            assertThat(events.of(JobReceived.class)).hasSize(200);
            assertSequential(events.all);
        }
    }

    private static void assertSequential(List<RouterEvent> events) {
        long first = events.get(0).sequence();
        assertThat(events).extracting(RouterEvent::sequence)
                .containsExactlyElementsOf(LongStream.range(first, first + events.size()).boxed().toList());
    }

    /** Waits longer than any check waits, so that a check cannot pass just because the wait ended. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(3 * PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
