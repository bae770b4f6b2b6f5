package dev.jobrouter;

import static dev.jobrouter.Fixtures.OFFER_TTL;
import static dev.jobrouter.Fixtures.T0;
import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.OfferDeclined;
import dev.jobrouter.core.event.OfferExpired;
import dev.jobrouter.core.event.WorkerDeregistered;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.WorkerState;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OfferLifecycleTest {
    private JobRouter router = Fixtures.router();
    private final Events events = Events.of(router);

    @AfterEach
    void tearDown() {
        router.close();
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messageParts);
        });
    }

    @Test
    void aSecondWorkerAcceptingTheSameJobGetsAConflict() {
        router.distributionPolicy("p1").maxConcurrentOffers(2).upsert();
        voiceWorker(router, "w1");
        voiceWorker(router, "w2");
        voiceJob(router, "j1");
        RouterJobOffer first = onlyOffer(router, "w1");
        RouterJobOffer second = onlyOffer(router, "w2");
        router.acceptJobOffer("w1", first.offerId());

        assertThatThrownBy(() -> router.acceptJobOffer("w2", second.offerId()))
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.rule()).isEqualTo("a job is assigned to one worker only");
                    assertThat(e.getMessage()).contains(second.offerId(), "REVOKED", "job j1 is ASSIGNED",
                            "acceptJobOffer");
                });
    }

    @Test
    void anExpiredOfferCannotBeAccepted() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        RouterJobOffer offer = onlyOffer(router, "w1");
        router.advanceBy(OFFER_TTL);

        assertRefused(() -> router.acceptJobOffer("w1", offer.offerId()), ErrorCode.CONFLICT, "EXPIRED",
                "acceptJobOffer needs an OPEN offer");
    }

    @Test
    void aDeclinedOfferCannotBeAcceptedOrDeclinedAgain() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        RouterJobOffer offer = onlyOffer(router, "w1");
        router.declineJobOffer("w1", offer.offerId());

        assertRefused(() -> router.acceptJobOffer("w1", offer.offerId()), ErrorCode.CONFLICT, "DECLINED");
        assertRefused(() -> router.declineJobOffer("w1", offer.offerId()), ErrorCode.CONFLICT, "DECLINED",
                "declineJobOffer needs an OPEN offer");
    }

    @Test
    void aRevokedOfferCannotBeAccepted() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        RouterJobOffer offer = onlyOffer(router, "w1");
        router.cancelJob("j1");

        assertRefused(() -> router.acceptJobOffer("w1", offer.offerId()), ErrorCode.CONFLICT, "REVOKED");
    }

    @Test
    void anUnknownOfferOrAnotherWorkersOfferIsNotFound() {
        voiceWorker(router, "w1");
        voiceWorker(router, "w2");
        voiceJob(router, "j1");
        RouterJobOffer offer = onlyOffer(router, "w1");

        assertRefused(() -> router.acceptJobOffer("w1", "offer-999"), ErrorCode.NOT_FOUND, "worker w1 has no offer offer-999");
        assertRefused(() -> router.acceptJobOffer("w2", offer.offerId()), ErrorCode.NOT_FOUND, "worker w2 has no offer");
        assertRefused(() -> router.acceptJobOffer("nobody", offer.offerId()), ErrorCode.NOT_FOUND, "worker nobody not found");
    }

    @Test
    void aDeclinedJobIsNeverOfferedToTheSameWorkerAgain() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");

        router.declineJobOffer("w1", onlyOffer(router, "w1").offerId());
        router.advanceBy(Duration.ofDays(30));
        router.worker("w1").capacity(20).upsert();

        assertThat(router.getWorker("w1").offers()).isEmpty();
        assertThat(events.of(OfferDeclined.class)).singleElement()
                .satisfies(e -> assertThat(e.retryOfferAt()).isNull());
    }

    @Test
    void aDeclinedJobIsOfferedAgainFromTheRetryTime() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        Instant retryAt = T0.plus(Duration.ofMinutes(5));

        router.declineJobOffer("w1", onlyOffer(router, "w1").offerId(), retryAt);

        router.advanceTo(retryAt.minusMillis(1));
        assertThat(router.getWorker("w1").offers()).isEmpty();
        router.advanceTo(retryAt);
        assertThat(onlyOffer(router, "w1").offeredAt()).isEqualTo(retryAt);
    }

    @Test
    void registeringAgainForgetsDeclines() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        router.declineJobOffer("w1", onlyOffer(router, "w1").offerId());

        router.worker("w1").availableForOffers(false).upsert();
        assertThat(router.getWorker("w1").offers()).isEmpty();
        router.worker("w1").availableForOffers(true).upsert();

        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
    }

    @Test
    void anOfferExpiresAtItsExpiryAndTheWorkerIsDeregisteredByDefault() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        RouterJobOffer offer = onlyOffer(router, "w1");

        router.advanceTo(offer.expiresAt().minusNanos(1));
        assertThat(router.getWorker("w1").offers()).hasSize(1);

        router.advanceBy(Duration.ofHours(1));

        assertThat(events.of(OfferExpired.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(offer.expiresAt()));
        assertThat(events.of(WorkerDeregistered.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(offer.expiresAt()));
        assertThat(router.getWorker("w1").state()).isEqualTo(WorkerState.INACTIVE);
        assertThat(router.getWorker("w1").usedCapacity()).isZero();
        assertThat(router.getJobOffers("j1")).extracting(RouterJobOffer::status).containsExactly(OfferStatus.EXPIRED);
    }

    @Test
    void anExpiredJobIsOfferedToTheNextFittingWorker() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        router.advanceBy(Duration.ofSeconds(1));
        voiceWorker(router, "w2");

        router.advanceBy(OFFER_TTL);

        assertThat(onlyOffer(router, "w2").offeredAt()).isEqualTo(T0.plus(OFFER_TTL));
    }

    @Test
    void theDeregistrationOnExpiryCanBeSwitchedOff() {
        router.close();
        router = JobRouter.builder().virtualClock(T0).disableRule("deregister a worker whose offer expired").build();
        Fixtures.setUp(router);
        Events events = Events.of(router);
        voiceWorker(router, "w1");
        voiceJob(router, "j1");

        router.advanceBy(OFFER_TTL);

        assertThat(events.of(OfferExpired.class)).hasSize(1);
        assertThat(events.of(WorkerDeregistered.class)).isEmpty();
        assertThat(router.getWorker("w1").state()).isEqualTo(WorkerState.ACTIVE);
        assertThat(onlyOffer(router, "w1").offeredAt()).as("still fitting, it is offered the job again")
                .isEqualTo(T0.plus(OFFER_TTL));
    }

    @Test
    void onlyOptionalBuiltInRulesCanBeSwitchedOff() {
        assertThatThrownBy(() -> JobRouter.builder().disableRule("only an assigned job can be completed").build())
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("cannot be switched off", "deregister a worker whose offer expired");
                });
    }
}
