package dev.jobrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.OfferExpired;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.RouterJobOffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
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
    void everyEventOfOneCommandCarriesOneInstantOnTheSystemClockToo() {
        try (JobRouter router = JobRouter.inMemory()) {
            Fixtures.setUp(router);
            Fixtures.voiceWorker(router, "w1");
            Events events = Events.of(router);
            for (int i = 0; i < 200; i++) {
                Fixtures.voiceJob(router, "j" + i);
                AcceptJobOfferResult accepted = router.acceptJobOffer("w1", Fixtures.onlyOffer(router, "w1").offerId());
                events.clear();

                router.closeJob("j" + i, accepted.assignmentId());   // completes it, then closes it

                assertThat(events.names()).containsExactly("JobCompleted", "JobClosed");
                assertThat(events.all).extracting(RouterEvent::at).as("close %d", i).containsOnly(events.all.get(0).at());
            }
        }
    }

    @Test
    void aTimerDueBeforeACommandFiresFirstEvenIfTheTimerThreadHasNotWoken() {
        ManualClock clock = new ManualClock(Fixtures.T0);
        try (JobRouter router = JobRouter.builder().clock(clock).build()) {
            Fixtures.setUp(router);
            Fixtures.voiceWorker(router, "w1");
            Fixtures.voiceJob(router, "j1");
            RouterJobOffer offer = Fixtures.onlyOffer(router, "w1");
            Events events = Events.of(router);

            // The timer thread sleeps a real minute; the router's clock passes the expiry at once.
            clock.now = offer.expiresAt().plusMillis(1);

            assertThatThrownBy(() -> router.acceptJobOffer("w1", offer.offerId()))
                    .isInstanceOfSatisfying(RouterException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                        assertThat(e.rule()).isEqualTo("only an open offer can be accepted");
                    });
            assertThat(events.of(OfferExpired.class)).singleElement()
                    .satisfies(expired -> assertThat(expired.at()).isEqualTo(offer.expiresAt()));
        }
    }

    /** A clock the test sets; not a virtual clock, so the router runs its timer thread on it. */
    private static final class ManualClock implements InstantSource {
        volatile Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        @Override
        public Instant instant() {
            return now;
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
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("already set");
    }
}
