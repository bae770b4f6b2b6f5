package dev.jobrouter;

import static dev.jobrouter.Fixtures.OFFER_TTL;
import static dev.jobrouter.Fixtures.T0;
import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.router;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.core.model.RouterJobOffer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Timers whose subject ended early are cancelled, so that a long-lived router does not pile them up. */
class TimersTest {

    @Test
    void anOfferHasAnExpiryTimerUntilItIsAnswered() {
        try (JobRouter router = router()) {
            voiceWorker(router, "w1");
            voiceJob(router, "j1");
            assertThat(router.nextTimerAt()).contains(T0.plus(OFFER_TTL));

            router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId());

            assertThat(router.nextTimerAt()).isEmpty();
        }
    }

    @Test
    void aPendingCloseLosesItsTimerWhenTheJobIsCancelled() {
        try (JobRouter router = router()) {
            voiceWorker(router, "w1");
            voiceJob(router, "j1");
            String assignment = router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId()).assignmentId();
            router.closeJob("j1", assignment, "done", T0.plus(Duration.ofHours(1)));
            assertThat(router.nextTimerAt()).contains(T0.plus(Duration.ofHours(1)));

            router.cancelJob("j1");

            assertThat(router.nextTimerAt()).isEmpty();
        }
    }

    @Test
    void aRetryTimeLosesItsTimerWhenTheJobIsDeletedOrTheWorkerRegistersAgain() {
        try (JobRouter router = router()) {
            voiceWorker(router, "w1");
            voiceJob(router, "j1");
            voiceJob(router, "j2");
            Instant retryAt = T0.plus(Duration.ofHours(2));
            router.declineJobOffer("w1", onlyOffer(router, "w1").offerId(), retryAt);   // j1; w1 now gets j2
            router.declineJobOffer("w1", onlyOffer(router, "w1").offerId(), retryAt);   // j2
            assertThat(router.nextTimerAt()).contains(retryAt);

            router.deleteJob("j1");
            router.worker("w1").availableForOffers(false).upsert();
            router.worker("w1").availableForOffers(true).upsert();   // clears its declines: j2 is offered again

            RouterJobOffer again = onlyOffer(router, "w1");
            assertThat(again.jobId()).isEqualTo("j2");
            assertThat(router.nextTimerAt()).contains(again.expiresAt());
        }
    }

    @Test
    void aRouterTellsWhetherItsClockIsVirtual() {
        try (JobRouter virtual = router(); JobRouter real = JobRouter.inMemory()) {
            assertThat(virtual.hasVirtualClock()).isTrue();
            assertThat(real.hasVirtualClock()).isFalse();
        }
    }
}
