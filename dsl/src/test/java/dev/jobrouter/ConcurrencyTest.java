package dev.jobrouter;

import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.OfferAccepted;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;

class ConcurrencyTest {
    private static final int WORKERS = 8;

    @RepeatedTest(20)
    void workersRacingToAcceptOneJobLeaveExactlyOneWinner() throws Exception {
        try (JobRouter router = Fixtures.router()) {
            Events events = Events.of(router);
            router.distributionPolicy("p1").maxConcurrentOffers(WORKERS).upsert();
            for (int i = 0; i < WORKERS; i++) {
                voiceWorker(router, "w" + i);
            }
            Fixtures.voiceJob(router, "j1");
            List<RouterJobOffer> offers = router.getJobOffers("j1");
            assertThat(offers).hasSize(WORKERS);

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            List<Future<String>> results = new ArrayList<>();
            for (RouterJobOffer offer : offers) {
                Callable<String> accept = () -> {
                    start.await();
                    try {
                        router.acceptJobOffer(offer.workerId(), offer.offerId());
                        return "won";
                    } catch (RouterException e) {
                        return e.code().name();
                    }
                };
                results.add(pool.submit(accept));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            pool.shutdown();

            assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(ErrorCode.CONFLICT.name()::equals).hasSize(WORKERS - 1);
            assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.ASSIGNED);
            assertThat(router.getJob("j1").assignments()).hasSize(1);
            assertThat(events.of(OfferAccepted.class)).hasSize(1);
            assertThat(router.getJobOffers("j1")).extracting(RouterJobOffer::status)
                    .containsOnlyOnce(OfferStatus.ACCEPTED)
                    .filteredOn(status -> status != OfferStatus.ACCEPTED).containsOnly(OfferStatus.REVOKED);
            String winner = events.of(OfferAccepted.class).get(0).workerId();
            for (RouterWorker worker : router.listWorkers()) {
                assertThat(worker.offers()).isEmpty();
                assertThat(worker.usedCapacity()).isEqualTo(worker.id().equals(winner) ? 10 : 0);
            }
        }
    }
}
