package dev.jobrouter;

import static dev.jobrouter.Fixtures.onlyOffer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.event.JobWorkerSelectorsExpired;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.model.LabelOperator;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.RouterWorkerSelectorStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorsTest {
    private final JobRouter router = Fixtures.router();
    private final Events events = Events.of(router);

    @AfterEach
    void tearDown() {
        router.close();
    }

    private void worker(String id, String key, Object value) {
        router.worker(id).capacity(10).channel("voice", 10).queues("q1").labels(java.util.Map.of(key, value))
                .availableForOffers(true).upsert();
    }

    private RouterJob job(String id, RouterWorkerSelector... selectors) {
        return router.job(id).channel("voice").queue("q1").workerSelectors(selectors).upsert();
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
        "5, EQUAL, 5, true", "5, EQUAL, 6, false", "5, NOT_EQUAL, 6, true", "5, NOT_EQUAL, 5, false",
        "5, LESS_THAN, 6, true", "6, LESS_THAN, 6, false", "6, LESS_THAN_OR_EQUAL, 6, true",
        "7, LESS_THAN_OR_EQUAL, 6, false", "7, GREATER_THAN, 6, true", "6, GREATER_THAN, 6, false",
        "6, GREATER_THAN_OR_EQUAL, 6, true", "5, GREATER_THAN_OR_EQUAL, 6, false"})
    void eachOperatorComparesNumbersAsNumbers(int label, LabelOperator operator, int value, boolean fits) {
        worker("w1", "Skill", (double) label);   // a double label against an integer value
        job("j1", new RouterWorkerSelector("Skill", operator, value));

        assertThat(router.getWorker("w1").offers()).hasSize(fits ? 1 : 0);
    }

    @Test
    void numbersOfDifferentTypesAreEqualWhenTheirValuesAre() {
        worker("w1", "Level", new BigDecimal("5.00"));
        job("j1", RouterWorkerSelector.equal("Level", 5L));

        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
    }

    @Test
    void stringsAndBooleansCompareByEqualityAndNeverInOrder() {
        worker("w1", "Language", "fr");
        worker("w2", "Vip", true);
        job("j1", RouterWorkerSelector.greaterThan("Language", "en"));
        job("j2", RouterWorkerSelector.equal("Vip", true));
        job("j3", RouterWorkerSelector.notEqual("Language", "en"));

        assertThat(router.getWorker("w1").offers()).extracting(o -> o.jobId()).containsExactly("j3");
        assertThat(router.getWorker("w2").offers()).extracting(o -> o.jobId()).containsExactly("j2");
    }

    @Test
    void aWorkerWithoutTheLabelFitsNoSelectorOnIt() {
        worker("w1", "Other", 1);
        job("j1", RouterWorkerSelector.notEqual("Language", "en"));

        assertThat(router.getWorker("w1").offers()).isEmpty();
    }

    @Test
    void everySelectorMustHold() {
        router.worker("w1").capacity(10).channel("voice", 10).queues("q1").label("Language", "fr").label("Skill", 3)
                .availableForOffers(true).upsert();
        job("j1", RouterWorkerSelector.equal("Language", "fr"), RouterWorkerSelector.greaterThanOrEqual("Skill", 5));
        assertThat(router.getWorker("w1").offers()).isEmpty();

        router.worker("w1").label("Skill", 5).upsert();
        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
    }

    @Test
    void theIdLabelSelectsOneWorker() {
        worker("w1", "Language", "fr");
        worker("w2", "Language", "fr");
        job("j1", RouterWorkerSelector.equal("Id", "w2"));

        assertThat(router.getWorker("w1").offers()).isEmpty();
        assertThat(onlyOffer(router, "w2").jobId()).isEqualTo("j1");
    }

    @Test
    void theEqualIndexStillChecksTheOtherSelectorsAndFindsTheLongestIdleFit() {
        for (int i = 1; i <= 6; i++) {
            router.worker("w" + i).capacity(10).channel("voice", 10).queues("q1").label("Language", i <= 3 ? "fr" : "en")
                    .label("Skill", i).availableForOffers(true).upsert();
            router.advanceBy(Duration.ofSeconds(1));
        }
        job("j1", RouterWorkerSelector.equal("Language", "fr"), RouterWorkerSelector.greaterThan("Skill", 1));

        assertThat(onlyOffer(router, "w2").jobId()).as("w1 has skill 1; w2 is the longest idle French speaker left")
                .isEqualTo("j1");
    }

    @Test
    void selectorsAreStoredActiveWithTheirExpiry() {
        RouterJob job = job("j1", RouterWorkerSelector.equal("Language", "fr").expiresAfter(Duration.ofSeconds(30)),
                RouterWorkerSelector.equal("Vip", true));

        assertThat(job.requestedWorkerSelectors()).extracting(RouterWorkerSelector::status)
                .containsOnly(RouterWorkerSelectorStatus.ACTIVE);
        assertThat(job.requestedWorkerSelectors().get(0).expiresAt()).isEqualTo(Fixtures.T0.plusSeconds(30));
        assertThat(job.requestedWorkerSelectors().get(1).expiresAt()).isNull();
    }

    @Test
    void anExpiredSelectorStopsConstrainingAndTheJobIsMatchedAgain() {
        worker("w1", "Language", "en");
        job("j1", RouterWorkerSelector.equal("Language", "fr").expiresAfter(Duration.ofSeconds(30)));
        router.advanceBy(Duration.ofSeconds(29));
        assertThat(router.getWorker("w1").offers()).isEmpty();

        router.advanceBy(Duration.ofSeconds(1));

        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
        JobWorkerSelectorsExpired expired = events.of(JobWorkerSelectorsExpired.class).get(0);
        assertThat(expired.at()).isEqualTo(Fixtures.T0.plusSeconds(30));
        assertThat(expired.expiredSelectors()).extracting(RouterWorkerSelector::key).containsExactly("Language");
        assertThat(router.getJob("j1").requestedWorkerSelectors().get(0).status())
                .isEqualTo(RouterWorkerSelectorStatus.EXPIRED);
        assertThat(router.nextTimerAt()).as("only the offer's expiry is left").contains(Fixtures.T0.plusSeconds(90));
    }

    @Test
    void selectorsExpiringAtDifferentTimesExpireOneAfterTheOther() {
        job("j1", RouterWorkerSelector.equal("A", 1).expiresAfter(Duration.ofSeconds(10)),
                RouterWorkerSelector.equal("B", 1).expiresAfter(Duration.ofSeconds(20)));

        router.advanceBy(Duration.ofSeconds(15));
        assertThat(events.of(JobWorkerSelectorsExpired.class)).hasSize(1);
        router.advanceBy(Duration.ofSeconds(15));

        assertThat(events.of(JobWorkerSelectorsExpired.class)).extracting(e -> e.expiredSelectors().get(0).key())
                .containsExactly("A", "B");
        assertThat(router.nextTimerAt()).isEmpty();
    }

    @Test
    void replacingOrDeletingSelectorsTakesTheirTimerAlong() {
        job("j1", RouterWorkerSelector.equal("A", 1).expiresAfter(Duration.ofSeconds(10)));
        router.job("j1").workerSelectors(RouterWorkerSelector.equal("A", 1).expiresAfter(Duration.ofMinutes(5))).upsert();
        assertThat(router.nextTimerAt()).contains(Fixtures.T0.plus(Duration.ofMinutes(5)));

        router.deleteJob("j1");

        assertThat(router.nextTimerAt()).isEmpty();
    }

    @Test
    void changingSelectorsRevokesTheOffersThatNoLongerFit() {
        worker("w1", "Language", "en");
        job("j1");
        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");

        router.job("j1").workerSelectors(RouterWorkerSelector.equal("Language", "fr")).upsert();

        assertThat(router.getWorker("w1").offers()).isEmpty();
        assertThat(events.of(OfferRevoked.class)).extracting(OfferRevoked::workerId).containsExactly("w1");
        router.job("j1").workerSelectors().upsert();
        assertThat(onlyOffer(router, "w1").jobId()).as("clearing the selectors lets it fit again").isEqualTo("j1");
    }

    @Test
    void anExpeditedJobGoesAheadOfItsPriorityButNotAheadOfHigherOnes() {
        job("plain");
        router.advanceBy(Duration.ofSeconds(1));
        job("expedited", RouterWorkerSelector.equal("Language", "fr").expedite(true));
        router.advanceBy(Duration.ofSeconds(1));
        router.job("urgent").channel("voice").queue("q1").priority(5).upsert();

        List<String> taken = new java.util.ArrayList<>();
        for (String id : List.of("w1", "w2", "w3")) {
            worker(id, "Language", "fr");
            taken.add(onlyOffer(router, id).jobId());
        }

        assertThat(taken).containsExactly("urgent", "expedited", "plain");
    }

    @Test
    void anExpeditingSelectorStopsExpeditingWhenItExpires() {
        job("plain");
        router.advanceBy(Duration.ofSeconds(1));
        job("expedited", RouterWorkerSelector.equal("Language", "fr").expedite(true).expiresAfter(Duration.ofSeconds(5)));
        router.advanceBy(Duration.ofSeconds(10));

        worker("w1", "Language", "fr");

        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("plain");
    }

    @Test
    void bypassSelectorsIgnoresThem() {
        worker("w1", "Language", "en");
        job("j1", RouterWorkerSelector.equal("Language", "fr"));
        assertThat(router.getWorker("w1").offers()).isEmpty();

        router.distributionPolicy("p1").bypassSelectors(true).upsert();

        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
    }

    @Test
    void maxConcurrentOffersCapsAWorkersOpenOffersButNotItsAssignments() {
        router.worker("w1").capacity(10).channel("voice", 1).queues("q1").maxConcurrentOffers(2)
                .availableForOffers(true).upsert();
        for (int i = 1; i <= 4; i++) {
            router.job("j" + i).channel("voice").queue("q1").upsert();
        }
        assertThat(router.getWorker("w1").offers()).hasSize(2);

        router.acceptJobOffer("w1", router.getWorker("w1").offers().get(0).offerId());

        assertThat(router.getWorker("w1").offers()).as("the accepted one is an assignment now").hasSize(2);
        assertThat(router.getWorker("w1").assignedJobs()).hasSize(1);
        assertThat(router.getWorker("w1").maxConcurrentOffers()).isEqualTo(2);
    }
}
