package dev.jobrouter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.core.internal.routing.WorkerScorer;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.FunctionRouterRule;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.ScoringRuleOptions;
import dev.jobrouter.core.model.ScoringRuleParameterSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DistributionModesTest {
    private final JobRouter router = Fixtures.router();

    @AfterEach
    void tearDown() {
        router.close();
    }

    private void worker(String id, Map<String, Object> labels) {
        router.worker(id).capacity(10).channel("voice", 10).queues("q1").labels(labels).availableForOffers(true).upsert();
    }

    /** Creates a job and says which worker got its one offer, then cancels it, which frees that worker again. */
    private String offeredTo(String jobId) {
        router.job(jobId).channel("voice").queue("q1").upsert();
        List<RouterJobOffer> offers = router.getJobOffers(jobId);
        assertThat(offers).hasSize(1);
        router.cancelJob(jobId);
        return offers.get(0).workerId();
    }

    @Test
    void roundRobinGoesInIdOrderAfterTheLastOfferedWorkerAndWrapsAround() {
        router.distributionPolicy("p1").roundRobin().upsert();
        for (String id : List.of("w3", "w1", "w2")) {
            worker(id, Map.of());
        }

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            order.add(offeredTo("j" + i));
        }

        assertThat(order).containsExactly("w1", "w2", "w3", "w1", "w2");
        assertThat(router.getDistributionPolicy("p1").mode()).isEqualTo(DistributionMode.ROUND_ROBIN);
    }

    @Test
    void aRoundRobinJobWaitsWhenNoWorkerIsAvailable() {
        router.distributionPolicy("p1").roundRobin().upsert();
        worker("w1", Map.of());
        offeredTo("j0");   // the cursor now names w1

        router.job("j1").channel("chat").queue("q1").upsert();   // no worker has ever taken chat on q1
        assertThat(router.getJobOffers("j1")).isEmpty();
        router.worker("w1").channel("chat", 1).upsert();

        assertThat(router.getJobOffers("j1")).extracting(RouterJobOffer::workerId).containsExactly("w1");
    }

    @Test
    void roundRobinSkipsWorkersThatDoNotFit() {
        router.distributionPolicy("p1").roundRobin().upsert();
        worker("w1", Map.of("Language", "fr"));
        worker("w2", Map.of("Language", "en"));
        worker("w3", Map.of("Language", "fr"));

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            router.job("j" + i).channel("voice").queue("q1").workerSelectors(RouterWorkerSelector.equal("Language", "fr"))
                    .upsert();
            order.add(router.getJobOffers("j" + i).get(0).workerId());
            router.cancelJob("j" + i);
        }

        assertThat(order).containsExactly("w1", "w3", "w1");
    }

    @Test
    void bestWorkerByDefaultScoresSharedLabelsAndSelectors() {
        router.distributionPolicy("p1").bestWorker().upsert();
        worker("w1", Map.of("Language", "fr", "Skill", 5));
        worker("w2", Map.of("Language", "fr", "Skill", 9));
        worker("w3", Map.of("Language", "en", "Skill", 9));

        router.job("j1").channel("voice").queue("q1").label("Language", "fr")
                .workerSelectors(RouterWorkerSelector.greaterThanOrEqual("Skill", 5)).upsert();

        assertThat(router.getJobOffers("j1")).extracting(RouterJobOffer::workerId).containsExactly("w2");
        DistributionPolicy policy = router.getDistributionPolicy("p1");
        assertThat(policy.scoringRule()).isNull();
        assertThat(policy.scoringRuleOptions()).isEqualTo(ScoringRuleOptions.DEFAULT);
    }

    @Test
    void theDefaultScoreIsAsDefined() {
        double sigmoidOfOne = 1 / (1 + Math.exp(-1));
        assertThat(WorkerScorer.defaultScore(Map.of(), List.of(), Map.of())).isZero();
        assertThat(WorkerScorer.defaultScore(Map.of("a", 1, "b", "x"), List.of(), Map.of("a", 1.0, "b", "y")))
                .isEqualTo(0.5);
        assertThat(WorkerScorer.defaultScore(Map.of(), List.of(RouterWorkerSelector.greaterThan("Skill", 5)),
                Map.of("Skill", 10))).isCloseTo(sigmoidOfOne, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(WorkerScorer.defaultScore(Map.of(), List.of(RouterWorkerSelector.lessThan("Age", 0.5)),
                Map.of("Age", -0.5))).as("max(|value|, 1) divides").isCloseTo(sigmoidOfOne,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(WorkerScorer.defaultScore(Map.of(), List.of(RouterWorkerSelector.equal("L", "fr"),
                RouterWorkerSelector.notEqual("L", "fr")), Map.of("L", "fr"))).isEqualTo(0.5);
    }

    @Test
    void bestWorkerTiesGoToTheLongestIdle() {
        router.distributionPolicy("p1").bestWorker().upsert();
        worker("w2", Map.of());
        router.advanceBy(Duration.ofSeconds(1));
        worker("w1", Map.of());

        assertThat(offeredTo("j1")).isEqualTo("w2");
    }

    @Test
    void aScoringExpressionScoresEachWorkerAndAscendingOrderReversesIt() {
        router.distributionPolicy("p1").bestWorker(new ExpressionRouterRule("worker.Tier == \"gold\" ? 100 : 1")).upsert();
        worker("w1", Map.of("Tier", "gold"));
        worker("w2", Map.of());
        assertThat(offeredTo("j1")).isEqualTo("w1");

        router.distributionPolicy("p1").descendingOrder(false).upsert();
        assertThat(offeredTo("j2")).isEqualTo("w2");
    }

    @Test
    void aWorkerWhoseScoreFailsIsLeftOutOfTheRound() {
        router.distributionPolicy("p1").bestWorker(new FunctionRouterRule(in -> {
            if (in.worker().get("Id").equals("w1")) {
                throw new IllegalStateException("no score for w1");
            }
            return in.worker().get("Id").equals("w2") ? "not a number" : 1;
        })).upsert();
        worker("w1", Map.of());
        worker("w2", Map.of());
        worker("w3", Map.of());

        assertThat(offeredTo("j1")).isEqualTo("w3");
    }

    @Test
    void batchScoringGetsTheWorkersInBatchesAndTheParametersAsChosen() {
        List<Integer> batchSizes = new ArrayList<>();
        List<Map<String, Object>> jobsSeen = new ArrayList<>();
        router.distributionPolicy("p1").bestWorker(new FunctionRouterRule(in -> {
            batchSizes.add(in.workers().size());
            jobsSeen.add(in.job());
            Map<String, Number> scores = new HashMap<>();
            in.workers().forEach(w -> scores.put((String) w.get("Id"), w.get("Id").equals("w4") ? 10 : 1));
            return scores;
        })).batchScoringEnabled(true).batchSize(2).scoringParameters(ScoringRuleParameterSelector.WORKER_SELECTORS)
                .upsert();
        for (int i = 1; i <= 5; i++) {
            worker("w" + i, Map.of());
        }

        router.job("j1").channel("voice").queue("q1").label("Secret", true).upsert();

        assertThat(router.getJobOffers("j1")).extracting(RouterJobOffer::workerId).containsExactly("w4");
        assertThat(batchSizes).containsExactly(2, 2, 1);
        assertThat(jobsSeen).as("job labels were not asked for").containsOnly(Map.of());
    }

    @Test
    void theFunctionNamedInABuilderIsTheOneCalled() {
        AtomicInteger calls = new AtomicInteger();
        try (JobRouter named = JobRouter.builder().virtualClock(Fixtures.T0)
                .function("tier", in -> calls.incrementAndGet()).build()) {
            Fixtures.setUp(named);
            named.distributionPolicy("p1").bestWorker(FunctionRouterRule.named("tier")).upsert();
            named.worker("w1").capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();

            named.job("j1").channel("voice").queue("q1").upsert();

            assertThat(calls).hasValue(1);
            assertThat(named.getJobOffers("j1")).hasSize(1);
        }
    }

    @Test
    void bestWorkerWithoutARuleClearsTheRuleAndOtherModesHaveNoOptions() {
        router.distributionPolicy("p1").bestWorker(new ExpressionRouterRule("1")).upsert();
        assertThat(router.distributionPolicy("p1").bestWorker().upsert().scoringRule()).isNull();
        assertThat(router.distributionPolicy("p1").longestIdle().upsert().scoringRuleOptions()).isNull();
    }
}
