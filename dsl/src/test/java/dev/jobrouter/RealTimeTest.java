package dev.jobrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.event.OfferExpired;
import dev.jobrouter.core.event.RouterEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On a real clock, timers fire on the router's own thread as time passes. */
class RealTimeTest {

    @Test
    void offersExpireOnTheSystemClockWithoutAnyCall() throws InterruptedException {
        try (JobRouter router = JobRouter.inMemory()) {
            BlockingQueue<RouterEvent> expired = new LinkedBlockingQueue<>();
            router.onEvent(event -> {
                if (event instanceof OfferExpired) {
                    expired.add(event);
                }
            });
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMillis(50)).upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            router.worker("w1").capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();
            Instant issuedAt = router.now();
            router.job("j1").channel("voice").queue("q1").upsert();

            // A generous bound: this waits for the timer thread, it does not time the router.
            RouterEvent event = expired.poll(30, TimeUnit.SECONDS);

            assertThat(event).isNotNull();
            assertThat(event.at()).isAfterOrEqualTo(issuedAt.plusMillis(50));
            assertThat(router.getWorker("w1").offers()).isEmpty();
        }
    }

    @Test
    void advancingTimeNeedsAVirtualClockAndAClosedRouterRefusesCalls() {
        JobRouter router = JobRouter.inMemory();
        assertThatThrownBy(() -> router.advanceBy(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("virtual clock");

        router.close();
        assertThatThrownBy(() -> router.listJobs()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aClockCanBeSetOnlyOnce() {
        assertThatThrownBy(() -> JobRouter.builder().virtualClock(Instant.EPOCH).clock(java.time.InstantSource.system()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set");
    }
}
