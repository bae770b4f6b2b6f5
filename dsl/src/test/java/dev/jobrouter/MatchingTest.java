package dev.jobrouter;

import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJobOffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MatchingTest {
    private final JobRouter router = Fixtures.router();
    private final Events events = Events.of(router);

    @AfterEach
    void tearDown() {
        router.close();
    }

    @Test
    void aJobIsOfferedAsSoonAsAFittingWorkerRegisters() {
        voiceJob(router, "j1");
        assertThat(events.of(OfferIssued.class)).isEmpty();

        voiceWorker(router, "w1");

        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
    }

    @Test
    void aWorkerOnlyGetsJobsOfItsQueues() {
        router.queue("q2").distributionPolicy("p1").upsert();
        router.job("j1").channel("voice").queue("q2").upsert();

        voiceWorker(router, "w1");
        assertThat(router.getWorker("w1").offers()).isEmpty();

        router.worker("w1").queues("q1", "q2").upsert();
        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
    }

    @Test
    void aWorkerOnlyGetsJobsOnItsChannels() {
        router.job("j1").channel("chat").queue("q1").upsert();
        voiceWorker(router, "w1");
        assertThat(router.getWorker("w1").offers()).isEmpty();

        router.worker("w1").channel("voice", 10).channel("chat", 2).upsert();
        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
    }

    @Test
    void anUnavailableWorkerGetsNoOffers() {
        router.worker("w1").capacity(10).channel("voice", 1).queues("q1").upsert();
        voiceJob(router, "j1");

        assertThat(router.getWorker("w1").offers()).isEmpty();
    }

    @Test
    void offersStopWhenTheCapacityIsUsedUp() {
        router.worker("w1").capacity(10).channel("voice", 4).queues("q1").availableForOffers(true).upsert();
        for (int i = 1; i <= 4; i++) {
            voiceJob(router, "j" + i);
        }

        RouterJobOffer[] offers = router.getWorker("w1").offers().toArray(RouterJobOffer[]::new);
        assertThat(offers).extracting(RouterJobOffer::jobId).containsExactly("j1", "j2");
        assertThat(router.getWorker("w1").usedCapacity()).isEqualTo(8);
    }

    @Test
    void theChannelsJobLimitCapsOffers() {
        router.worker("w1").capacity(100).channel("chat", 2, 3).queues("q1").availableForOffers(true).upsert();
        for (int i = 1; i <= 5; i++) {
            router.job("j" + i).channel("chat").queue("q1").upsert();
        }

        assertThat(router.getWorker("w1").offers()).extracting(RouterJobOffer::jobId).containsExactly("j1", "j2", "j3");
        assertThat(router.getWorker("w1").usedCapacity()).isEqualTo(6);
    }

    @Test
    void theLeastLoadedWorkerGetsTheJob() {
        router.worker("busy").capacity(10).channel("voice", 5).queues("q1").availableForOffers(true).upsert();
        voiceJob(router, "j1");
        router.worker("idle").capacity(10).channel("voice", 5).queues("q1").availableForOffers(true).upsert();

        voiceJob(router, "j2");

        assertThat(onlyOffer(router, "idle").jobId()).isEqualTo("j2");
    }

    @Test
    void amongIdleWorkersTheOneIdleLongestGetsTheJob() {
        // Named against alphabetical order, which is only the last tie-breaker.
        voiceWorker(router, "zed");
        router.advanceBy(Duration.ofSeconds(10));
        voiceWorker(router, "amy");

        voiceJob(router, "j1");

        assertThat(onlyOffer(router, "zed").jobId()).isEqualTo("j1");
        assertThat(router.getWorker("amy").offers()).isEmpty();
    }

    @Test
    void aFreedWorkerTakesTheHighestPriorityJobFirstThenTheOldest() {
        voiceWorker(router, "w1");
        voiceJob(router, "first");
        router.advanceBy(Duration.ofSeconds(1));
        router.job("low").channel("voice").queue("q1").priority(0).upsert();
        router.job("older").channel("voice").queue("q1").priority(5).upsert();
        router.advanceBy(Duration.ofSeconds(1));
        router.job("newer").channel("voice").queue("q1").priority(5).upsert();

        List<String> served = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            served.add(router.offersFor("w1").first().accept().complete().close().id());
        }

        assertThat(served).containsExactly("first", "older", "newer", "low");
    }

    @Test
    void jobsCreatedAtTheSameInstantAreServedInArrivalOrder() {
        for (int i = 12; i >= 1; i--) {
            voiceJob(router, "j" + i);
        }
        voiceWorker(router, "w1");

        List<String> served = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            served.add(router.offersFor("w1").first().accept().complete().close().id());
        }

        assertThat(served).containsExactly("j12", "j11", "j10", "j9", "j8", "j7", "j6", "j5", "j4", "j3", "j2", "j1");
    }

    @Test
    void aJobHoldsUpToMaxConcurrentOffersEachToADifferentWorker() {
        router.distributionPolicy("p1").minConcurrentOffers(1).maxConcurrentOffers(2).upsert();
        voiceWorker(router, "w1");
        voiceWorker(router, "w2");
        voiceWorker(router, "w3");

        voiceJob(router, "j1");

        List<RouterJobOffer> offers = router.getJobOffers("j1");
        assertThat(offers).hasSize(2);
        assertThat(offers).extracting(RouterJobOffer::workerId).doesNotHaveDuplicates();
        assertThat(router.getWorker("w3").offers()).isEmpty();
    }

    @Test
    void withFewerFittingWorkersThanTheMaximumEachFittingWorkerGetsAnOffer() {
        router.distributionPolicy("p1").maxConcurrentOffers(3).upsert();
        voiceWorker(router, "w1");

        voiceJob(router, "j1");

        assertThat(router.getJobOffers("j1")).hasSize(1);
        voiceWorker(router, "w2");
        assertThat(router.getJobOffers("j1")).as("a later worker adds an offer").hasSize(2);
    }

    @Test
    void acceptingRevokesTheJobsOtherOffersAndFreesTheirCapacity() {
        router.distributionPolicy("p1").maxConcurrentOffers(2).upsert();
        voiceWorker(router, "w1");
        voiceWorker(router, "w2");
        voiceJob(router, "j1");
        RouterJobOffer offer = onlyOffer(router, "w1");
        events.clear();

        router.acceptJobOffer("w1", offer.offerId());

        assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.ASSIGNED);
        assertThat(router.getWorker("w2").offers()).isEmpty();
        assertThat(router.getWorker("w2").usedCapacity()).isZero();
        assertThat(events.names()).containsExactly("OfferAccepted", "OfferRevoked");
        assertThat(events.of(OfferRevoked.class)).singleElement().satisfies(e -> assertThat(e.workerId()).isEqualTo("w2"));
    }

    @Test
    void raisingMaxConcurrentOffersAddsOffersToWaitingJobs() {
        voiceWorker(router, "w1");
        voiceWorker(router, "w2");
        voiceJob(router, "j1");
        assertThat(router.getJobOffers("j1")).hasSize(1);

        router.distributionPolicy("p1").maxConcurrentOffers(2).upsert();

        assertThat(router.getJobOffers("j1")).hasSize(2);
    }
}
