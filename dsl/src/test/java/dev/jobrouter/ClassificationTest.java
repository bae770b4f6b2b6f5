package dev.jobrouter;

import static dev.jobrouter.Fixtures.onlyOffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.JobClassificationFailed;
import dev.jobrouter.core.event.JobClassified;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.JobReceived;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.model.ConditionalQueueSelectorAttachment;
import dev.jobrouter.core.model.ConditionalWorkerSelectorAttachment;
import dev.jobrouter.core.model.DirectMapRouterRule;
import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.FunctionRouterRule;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.LabelOperator;
import dev.jobrouter.core.model.PassThroughQueueSelectorAttachment;
import dev.jobrouter.core.model.PassThroughWorkerSelectorAttachment;
import dev.jobrouter.core.model.QueueWeightedAllocation;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterQueueSelector;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.RuleEngineQueueSelectorAttachment;
import dev.jobrouter.core.model.RuleEngineWorkerSelectorAttachment;
import dev.jobrouter.core.model.StaticQueueSelectorAttachment;
import dev.jobrouter.core.model.StaticRouterRule;
import dev.jobrouter.core.model.StaticWorkerSelectorAttachment;
import dev.jobrouter.core.model.WeightedAllocationQueueSelectorAttachment;
import dev.jobrouter.core.model.WeightedAllocationWorkerSelectorAttachment;
import dev.jobrouter.core.model.WorkerWeightedAllocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClassificationTest {
    private final JobRouter router = Fixtures.router();
    private final Events events = Events.of(router);

    ClassificationTest() {
        router.queue("general").distributionPolicy("p1").upsert();
        router.queue("office").distributionPolicy("p1").label("Region", "eu").upsert();
        router.queue("sales").distributionPolicy("p1").label("Region", "us").upsert();
    }

    @AfterEach
    void tearDown() {
        router.close();
    }

    private RouterJob classified(String id, Map<String, Object> labels) {
        return router.job(id).channel("voice").classificationPolicy("cp").labels(labels).upsert();
    }

    @Test
    void aPassThroughSelectorChoosesTheQueueAndTheEventsTellThePath() {
        router.classificationPolicy("cp").fallbackQueue("general")
                .queueSelectorAttachments(new PassThroughQueueSelectorAttachment("Region", LabelOperator.EQUAL)).upsert();

        RouterJob job = classified("j1", Map.of("Region", "us"));

        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.queueId()).isEqualTo("sales");
        assertThat(job.classificationPolicyId()).isEqualTo("cp");
        assertThat(events.names()).containsSubsequence("JobReceived", "JobClassified", "JobQueued");
        assertThat(events.of(JobReceived.class).get(0).status()).isEqualTo(JobStatus.PENDING_CLASSIFICATION);
        JobClassified classified = events.of(JobClassified.class).get(0);
        assertThat(classified.queueId()).isEqualTo("sales");
        assertThat(classified.priority()).isEqualTo(1);
        assertThat(events.of(JobQueued.class).get(0).queueId()).isEqualTo("sales");
    }

    @Test
    void withoutAMatchTheJobsOwnQueueThenTheFallbackThenFailure() {
        router.classificationPolicy("cp").fallbackQueue("general")
                .queueSelectorAttachments(new PassThroughQueueSelectorAttachment("Region", LabelOperator.EQUAL)).upsert();
        assertThat(router.job("own").channel("voice").queue("office").classificationPolicy("cp").label("Region", "asia")
                .upsert().queueId()).isEqualTo("office");
        assertThat(classified("fallback", Map.of("Region", "asia")).queueId()).isEqualTo("general");
        assertThat(classified("noSelector", Map.of()).queueId()).isEqualTo("general");

        router.classificationPolicy("bare").upsert();
        RouterJob failed = router.job("failed").channel("voice").classificationPolicy("bare").upsert();

        assertThat(failed.status()).isEqualTo(JobStatus.CLASSIFICATION_FAILED);
        assertThat(events.of(JobClassificationFailed.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("no queue selector chose a queue"));
    }

    @Test
    void severalMatchingQueuesGiveTheLowestId() {
        router.queue("a-second").distributionPolicy("p1").label("Region", "us").upsert();
        router.classificationPolicy("cp").queueSelectorAttachments(
                new StaticQueueSelectorAttachment(RouterQueueSelector.equal("Region", "us"))).upsert();

        assertThat(classified("j1", Map.of()).queueId()).isEqualTo("a-second");
    }

    @Test
    void conditionalAttachmentsApplyWhenTheirConditionHolds() {
        router.classificationPolicy("cp").fallbackQueue("general").queueSelectorAttachments(
                new ConditionalQueueSelectorAttachment(new ExpressionRouterRule("job.Product == \"O365\""),
                        List.of(RouterQueueSelector.equal("Id", "office")))).upsert();

        assertThat(classified("o365", Map.of("Product", "O365")).queueId()).isEqualTo("office");
        assertThat(classified("other", Map.of("Product", "Xbox")).queueId()).isEqualTo("general");
        assertThat(classified("unlabelled", Map.of()).queueId()).as("a missing label reads as null").isEqualTo("general");
    }

    @Test
    void aRuleEngineAttachmentReturnsSelectorsAndDirectMapMapsEveryLabel() {
        router.classificationPolicy("fn").queueSelectorAttachments(new RuleEngineQueueSelectorAttachment(
                new FunctionRouterRule(in -> List.of(RouterQueueSelector.equal("Region", in.job().get("Where"))))))
                .upsert();
        router.classificationPolicy("map").workerSelectorAttachments(
                new RuleEngineWorkerSelectorAttachment(new DirectMapRouterRule())).fallbackQueue("general").upsert();

        assertThat(router.job("j1").channel("voice").classificationPolicy("fn").label("Where", "eu").upsert().queueId())
                .isEqualTo("office");
        RouterJob mapped = router.job("j2").channel("voice").classificationPolicy("map").label("Language", "fr")
                .label("Skill", 3).upsert();
        assertThat(mapped.attachedWorkerSelectors()).extracting(RouterWorkerSelector::key, RouterWorkerSelector::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Language", "fr"),
                        org.assertj.core.groups.Tuple.tuple("Skill", 3));
    }

    @Test
    void thePrioritizationRuleGivesThePriority() {
        router.classificationPolicy("cp").fallbackQueue("general")
                .prioritizationRule(new ExpressionRouterRule("job.Escalated == true ? 10 : 1")).upsert();

        assertThat(classified("escalated", Map.of("Escalated", true)).priority()).isEqualTo(10);
        assertThat(classified("plain", Map.of()).priority()).isEqualTo(1);
        assertThat(router.job("own").channel("voice").queue("general").priority(7).upsert().priority())
                .as("without a policy the job keeps its own").isEqualTo(7);
    }

    @Test
    void aPriorityOutOfRangeOrFractionalOrOfTheWrongTypeFailsTheClassification() {
        for (Object result : List.of(101, 2.5, "high")) {
            router.classificationPolicy("cp").fallbackQueue("general").prioritizationRule(new StaticRouterRule(result))
                    .upsert();
            RouterJob job = classified("j-" + result, Map.of());
            assertThat(job.status()).as("priority " + result).isEqualTo(JobStatus.CLASSIFICATION_FAILED);
        }
        assertThat(events.of(JobClassificationFailed.class)).extracting(JobClassificationFailed::reason)
                .anySatisfy(reason -> assertThat(reason).contains("101"))
                .anySatisfy(reason -> assertThat(reason).contains("2.5"))
                .anySatisfy(reason -> assertThat(reason).contains("not a number"));
    }

    @Test
    void aRuleThatThrowsFailsTheClassificationWithTheReason() {
        router.classificationPolicy("cp").fallbackQueue("general").prioritizationRule(new FunctionRouterRule(in -> {
            throw new IllegalStateException("crm down");
        })).upsert();

        assertThat(classified("j1", Map.of()).status()).isEqualTo(JobStatus.CLASSIFICATION_FAILED);
        assertThat(events.of(JobClassificationFailed.class).get(0).reason()).contains("crm down");
    }

    @Test
    void aConditionThatIsNotABooleanFailsTheClassification() {
        router.classificationPolicy("cp").fallbackQueue("general").queueSelectorAttachments(
                new ConditionalQueueSelectorAttachment(new StaticRouterRule("yes"), List.of())).upsert();

        assertThat(classified("j1", Map.of()).status()).isEqualTo(JobStatus.CLASSIFICATION_FAILED);
        assertThat(events.of(JobClassificationFailed.class).get(0).reason()).contains("not a Boolean");
    }

    @Test
    void workerSelectorAttachmentsAreAttachedAndMustHoldWithTheRequestedOnes() {
        router.classificationPolicy("cp").fallbackQueue("q1").workerSelectorAttachments(
                new StaticWorkerSelectorAttachment(RouterWorkerSelector.equal("Language", "en")),
                new PassThroughWorkerSelectorAttachment("Tier", LabelOperator.GREATER_THAN_OR_EQUAL, Duration.ofMinutes(1)),
                new ConditionalWorkerSelectorAttachment(new ExpressionRouterRule("job.Vip == true"),
                        List.of(RouterWorkerSelector.equal("Senior", true)))).upsert();
        router.worker("w1").capacity(10).channel("voice", 10).queues("q1").label("Language", "en").label("Tier", 2)
                .label("Senior", false).availableForOffers(true).upsert();

        RouterJob job = router.job("j1").channel("voice").classificationPolicy("cp").label("Tier", 3)
                .workerSelectors(RouterWorkerSelector.equal("Language", "en")).upsert();

        assertThat(events.of(JobClassificationFailed.class)).isEmpty();
        assertThat(job.attachedWorkerSelectors()).extracting(RouterWorkerSelector::key).containsExactly("Language", "Tier");
        assertThat(job.attachedWorkerSelectors().get(1).expiresAt()).isEqualTo(Fixtures.T0.plusSeconds(60));
        assertThat(events.of(JobClassified.class).get(0).attachedWorkerSelectors()).isEqualTo(job.attachedWorkerSelectors());
        assertThat(router.getWorker("w1").offers()).as("Tier 2 is below the passed-through 3").isEmpty();

        router.worker("w1").label("Tier", 3).upsert();
        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
    }

    @Test
    void selectorsOfAClassifiedJobExpireOnTime() {
        router.classificationPolicy("cp").fallbackQueue("q1").workerSelectorAttachments(new PassThroughWorkerSelectorAttachment(
                "Language", LabelOperator.EQUAL, Duration.ofSeconds(20))).upsert();
        router.job("j1").channel("voice").classificationPolicy("cp").label("Language", "fr")
                .workerSelectors(RouterWorkerSelector.equal("Senior", true).expiresAfter(Duration.ofSeconds(10))).upsert();
        assertThat(router.nextTimerAt()).contains(Fixtures.T0.plusSeconds(10));

        router.job("j1").label("Language", "en").upsert();   // reclassified at T0: the attached one is stamped again
        router.advanceBy(Duration.ofSeconds(20));

        assertThat(router.getJob("j1").activeWorkerSelectors()).isEmpty();
        assertThat(router.nextTimerAt()).isEmpty();
    }

    @Test
    void weightedAllocationDrawsFromTheSeededGeneratorSoTheSameSeedDrawsTheSame() {
        List<List<String>> runs = new ArrayList<>();
        for (long seed : List.of(7L, 7L, 8L)) {
            try (JobRouter seeded = JobRouter.builder().virtualClock(Fixtures.T0).seed(seed).build()) {
                Fixtures.setUp(seeded);
                seeded.queue("a").distributionPolicy("p1").upsert();
                seeded.queue("b").distributionPolicy("p1").upsert();
                seeded.classificationPolicy("cp").queueSelectorAttachments(new WeightedAllocationQueueSelectorAttachment(
                        List.of(new QueueWeightedAllocation(0.5, List.of(RouterQueueSelector.equal("Id", "a"))),
                                new QueueWeightedAllocation(0.5, List.of(RouterQueueSelector.equal("Id", "b"))))))
                        .upsert();
                List<String> queues = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    queues.add(seeded.job("j" + i).channel("voice").classificationPolicy("cp").upsert().queueId());
                }
                runs.add(queues);
            }
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains("a", "b");
        assertThat(runs.get(2)).isNotEqualTo(runs.get(0));
        assertThat(runs.get(0).stream().filter("a"::equals).count()).isBetween(10L, 30L);
    }

    @Test
    void weightedWorkerAllocationsAttachTheDrawnSelectors() {
        router.classificationPolicy("cp").fallbackQueue("q1").workerSelectorAttachments(
                new WeightedAllocationWorkerSelectorAttachment(List.of(
                        new WorkerWeightedAllocation(1, List.of(RouterWorkerSelector.equal("Pool", "x"))),
                        new WorkerWeightedAllocation(1e-12, List.of(RouterWorkerSelector.equal("Pool", "y")))))).upsert();

        assertThat(classified("j1", Map.of()).attachedWorkerSelectors()).extracting(RouterWorkerSelector::value)
                .containsExactly("x");
    }

    @Test
    void changingTheLabelsOfAClassifiedJobReclassifiesItAndRevokesOffersThatNoLongerFit() {
        router.worker("w1").capacity(10).channel("voice", 10).queues("sales").availableForOffers(true).upsert();
        router.classificationPolicy("cp").fallbackQueue("general")
                .queueSelectorAttachments(new PassThroughQueueSelectorAttachment("Region", LabelOperator.EQUAL)).upsert();
        classified("j1", Map.of("Region", "us"));
        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");

        RouterJob moved = router.job("j1").label("Region", "eu").upsert();

        assertThat(moved.queueId()).isEqualTo("office");
        assertThat(events.of(OfferRevoked.class)).extracting(OfferRevoked::workerId).containsExactly("w1");
        assertThat(events.of(JobClassified.class)).extracting(JobClassified::queueId).containsExactly("sales", "office");
    }

    @Test
    void aJobMovedToAnotherQueueLosesItsOffersAndIsOfferedUnderTheNewQueuesPolicy() {
        router.distributionPolicy("two").maxConcurrentOffers(2).upsert();
        router.queue("wide").distributionPolicy("two").upsert();
        router.classificationPolicy("cp").queueSelectorAttachments(
                new PassThroughQueueSelectorAttachment("Region", LabelOperator.EQUAL)).upsert();
        for (String id : List.of("w1", "w2")) {
            router.worker(id).capacity(10).channel("voice", 10).queues("wide", "sales").availableForOffers(true)
                    .upsert();
        }
        router.job("j1").channel("voice").queue("wide").classificationPolicy("cp").upsert();
        assertThat(router.getJobOffers("j1")).hasSize(2);

        router.job("j1").label("Region", "us").upsert();   // to sales, whose policy p1 allows one offer

        assertThat(events.of(OfferRevoked.class)).hasSize(2);
        assertThat(router.getJobOffers("j1").stream().filter(o -> o.status() == dev.jobrouter.core.model.OfferStatus.OPEN))
                .hasSize(1);
    }

    @Test
    void reclassifyingIntoTheSameQueueWithTheSameSelectorsKeepsTheOffers() {
        router.classificationPolicy("cp").fallbackQueue("q1").upsert();
        Fixtures.voiceWorker(router, "w1");
        classified("j1", Map.of());
        RouterJobOffer offer = onlyOffer(router, "w1");
        router.worker("w1").queues("general").upsert();   // the worker may keep an offer of a queue it left

        router.job("j1").label("Note", "called back").upsert();

        assertThat(events.of(OfferRevoked.class)).isEmpty();
        assertThat(onlyOffer(router, "w1")).isEqualTo(offer);
    }

    @Test
    void givingAQueuedJobAPolicyClassifiesItAndALabelUpdateRetriesAFailedOne() {
        router.classificationPolicy("cp").queueSelectorAttachments(
                new PassThroughQueueSelectorAttachment("Region", LabelOperator.EQUAL)).upsert();
        Fixtures.voiceJob(router, "plain");
        router.job("plain").label("Region", "eu").upsert();

        assertThat(router.job("plain").classificationPolicy("cp").upsert().queueId())
                .as("the policy given on an update classifies the job").isEqualTo("office");

        RouterJob failed = router.job("j2").channel("voice").classificationPolicy("cp").upsert();
        assertThat(failed.status()).isEqualTo(JobStatus.CLASSIFICATION_FAILED);
        RouterJob retried = router.job("j2").label("Region", "us").upsert();

        assertThat(retried.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(retried.queueId()).isEqualTo("sales");
    }

    @Test
    void updatingAPolicyTouchesNoClassifiedJobButReclassifyJobAppliesIt() {
        router.classificationPolicy("cp").fallbackQueue("general").upsert();
        classified("j1", Map.of());
        router.classificationPolicy("cp").fallbackQueue("office").upsert();
        assertThat(router.getJob("j1").queueId()).isEqualTo("general");

        assertThat(router.reclassifyJob("j1").queueId()).isEqualTo("office");
    }

    @Test
    void aFailedClassificationCanBeRetriedOnceThePolicyIsFixed() {
        router.classificationPolicy("cp").upsert();
        assertThat(classified("j1", Map.of()).status()).isEqualTo(JobStatus.CLASSIFICATION_FAILED);
        router.classificationPolicy("cp").fallbackQueue("general").upsert();

        RouterJob job = router.reclassifyJob("j1");

        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.queueId()).isEqualTo("general");
    }

    @Test
    void reclassifyingAJobInAnotherStatusOrWithoutAPolicyIsRefusedByANamedRule() {
        router.classificationPolicy("cp").fallbackQueue("q1").upsert();
        classified("j1", Map.of());
        Fixtures.voiceWorker(router, "w1");
        router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId());
        Fixtures.voiceJob(router, "plain");

        assertThatThrownBy(() -> router.reclassifyJob("j1")).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(e.rule()).isEqualTo("only a queued or classification-failed job can be reclassified");
        });
        assertThatThrownBy(() -> router.reclassifyJob("plain")).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.rule()).isEqualTo("only a job with a classification policy can be reclassified"));
        assertThatThrownBy(() -> router.reclassifyJob("nope")).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void policiesCanBeReadAndListed() {
        router.classificationPolicy("b").name("B").upsert();
        router.classificationPolicy("a").fallbackQueue("general").upsert();

        assertThat(router.getClassificationPolicy("b").name()).isEqualTo("B");
        assertThat(router.listClassificationPolicies()).extracting(p -> p.id()).containsExactly("a", "b");
        assertThatThrownBy(() -> router.getClassificationPolicy("c")).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void userRulesCanRefuseAClassification() {
        try (JobRouter guarded = Fixtures.router("""
                package com.example;
                import dev.jobrouter.core.command.*;
                import dev.jobrouter.core.rules.*;
                rule "nothing goes to general"
                when
                    ClassifyJob(queueId == "general")
                then
                    insert(new Refusal("general is closed"));
                end
                """)) {
            guarded.queue("general").distributionPolicy("p1").upsert();
            guarded.classificationPolicy("cp").fallbackQueue("general").upsert();

            assertThatThrownBy(() -> guarded.job("j1").channel("voice").classificationPolicy("cp").upsert())
                    .isInstanceOfSatisfying(RouterException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                        assertThat(e.rule()).isEqualTo("nothing goes to general");
                    });
            assertThat(guarded.listJobs()).isEmpty();
        }
    }
}
