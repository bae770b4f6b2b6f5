package dev.jobrouter;

import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.jobrouter.Fixtures.Snapshot;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.model.CancelExceptionAction;
import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.FunctionRouterRule;
import dev.jobrouter.core.model.LabelOperator;
import dev.jobrouter.core.model.ManualReclassifyExceptionAction;
import dev.jobrouter.core.model.QueueLengthExceptionTrigger;
import dev.jobrouter.core.model.PassThroughQueueSelectorAttachment;
import dev.jobrouter.core.model.QueueWeightedAllocation;
import dev.jobrouter.core.model.RouterQueueSelector;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.ScheduleAndSuspendMode;
import dev.jobrouter.core.model.StaticWorkerSelectorAttachment;
import dev.jobrouter.core.model.WaitTimeExceptionTrigger;
import dev.jobrouter.core.model.WeightedAllocationQueueSelectorAttachment;
import dev.jobrouter.core.model.WorkerSelectorAttachment;
import dev.jobrouter.core.RouterException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets a typed error whose message says what was wrong, and leaves the router
 * exactly as it was.
 */
class BadInputTest {
    private JobRouter router;
    /** j1 queued with an open offer to w1; j2 assigned to w2 under assignment A2; j3 closed; j4 revoked offer. */
    private static String assignment2;
    private static String revokedOffer;

    @BeforeEach
    void setUp() {
        router = Fixtures.router();
        voiceWorker(router, "w1");
        voiceWorker(router, "w2");
        voiceWorker(router, "w3");
        voiceJob(router, "j1");
        voiceJob(router, "j2");
        voiceJob(router, "j3");
        assignment2 = router.acceptJobOffer("w2", onlyOffer(router, "w2").offerId()).assignmentId();
        router.offersFor("w3").first().accept().close("done");
        voiceJob(router, "j4");
        revokedOffer = onlyOffer(router, "w3").offerId();
        router.cancelJob("j4");
        router.classificationPolicy("cp").fallbackQueue("q1").upsert();
        router.advanceBy(Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        router.close();
    }

    static Stream<Arguments> badCalls() {
        return Stream.of(
                bad("getJob(null)", r -> r.getJob(null), ErrorCode.INVALID_ARGUMENT, "jobId must not be null"),
                bad("getJob blank", r -> r.getJob(" "), ErrorCode.INVALID_ARGUMENT, "jobId must not be blank"),
                bad("getJob unknown", r -> r.getJob("nope"), ErrorCode.NOT_FOUND, "job nope not found"),
                bad("getWorker unknown", r -> r.getWorker("nope"), ErrorCode.NOT_FOUND, "worker nope not found"),
                bad("getQueue unknown", r -> r.getQueue("nope"), ErrorCode.NOT_FOUND, "queue nope not found"),
                bad("offersFor unknown worker", r -> r.offersFor("nope"), ErrorCode.NOT_FOUND, "worker nope"),
                bad("offersFor a worker without offers", r -> r.offersFor("w2").first(), ErrorCode.NOT_FOUND,
                        "worker w2 has no open offers"),

                bad("accept with null worker", r -> r.acceptJobOffer(null, "offer-1"), ErrorCode.INVALID_ARGUMENT,
                        "workerId must not be null"),
                bad("accept with blank offer", r -> r.acceptJobOffer("w1", ""), ErrorCode.INVALID_ARGUMENT,
                        "offerId must not be blank"),
                bad("accept for unknown worker", r -> r.acceptJobOffer("nope", "offer-1"), ErrorCode.NOT_FOUND,
                        "worker nope not found"),
                bad("accept unknown offer", r -> r.acceptJobOffer("w1", "offer-999"), ErrorCode.NOT_FOUND,
                        "worker w1 has no offer offer-999"),
                bad("accept a revoked offer", r -> r.acceptJobOffer("w3", revokedOffer), ErrorCode.CONFLICT,
                        "REVOKED", "job j4 is CANCELLED", "acceptJobOffer needs an OPEN offer"),
                bad("decline with null retry time", r -> r.declineJobOffer("w1", "offer-1", null),
                        ErrorCode.INVALID_ARGUMENT, "retryOfferAt must not be null"),
                bad("decline a revoked offer", r -> r.declineJobOffer("w3", revokedOffer), ErrorCode.CONFLICT,
                        "declineJobOffer needs an OPEN offer"),

                bad("complete unknown job", r -> r.completeJob("nope", "a"), ErrorCode.NOT_FOUND, "job nope not found"),
                bad("complete with null assignment", r -> r.completeJob("j2", null), ErrorCode.INVALID_ARGUMENT,
                        "assignmentId must not be null"),
                bad("complete with a wrong assignment", r -> r.completeJob("j2", "assignment-999"),
                        ErrorCode.NOT_FOUND, "job j2 has no assignment assignment-999"),
                bad("complete another job's assignment", r -> r.completeJob("j1", assignment2), ErrorCode.NOT_FOUND,
                        "job j1 has no assignment"),
                bad("close with null close time", r -> r.closeJob("j2", assignment2, "done", null),
                        ErrorCode.INVALID_ARGUMENT, "closeAt must not be null"),
                bad("close a closed job", r -> r.closeJob("j3", r.getJob("j3").assignments().keySet().iterator().next()),
                        ErrorCode.CONFLICT, "job j3 is CLOSED", "closeJob needs ASSIGNED or COMPLETED"),
                bad("cancel a closed job", r -> r.cancelJob("j3"), ErrorCode.CONFLICT, "job j3 is CLOSED", "cancelJob"),
                bad("cancel null job", r -> r.cancelJob(null), ErrorCode.INVALID_ARGUMENT, "jobId must not be null"),
                bad("delete an assigned job", r -> r.deleteJob("j2"), ErrorCode.CONFLICT, "job j2 is ASSIGNED",
                        "deleteJob needs a job that holds no capacity"),
                bad("delete unknown job", r -> r.deleteJob("nope"), ErrorCode.NOT_FOUND, "job nope not found"),

                bad("worker with null id", r -> r.worker(null).capacity(1).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "workerId must not be null"),
                bad("new worker without capacity", r -> r.worker("w9").upsert(), ErrorCode.INVALID_ARGUMENT,
                        "new worker w9 needs a capacity"),
                bad("negative capacity", r -> r.worker("w1").capacity(-1).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "capacity of worker w1 must be between 0 and 1000000000, not -1"),
                bad("negative channel cost", r -> r.worker("w1").channel("voice", -2).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "capacity cost of channel voice of worker w1 must be between 0 and"),
                bad("zero max jobs", r -> r.worker("w1").channel("voice", 1, 0).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "max number of jobs on channel voice of worker w1 must be between 1 and"),
                bad("blank channel id", r -> r.worker("w1").channel(" ", 1).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "channelId of worker w1 must not be blank"),
                bad("worker on an unknown queue", r -> r.worker("w1").queues("q1", "nope").upsert(),
                        ErrorCode.INVALID_ARGUMENT, "worker w1 names queue nope, which does not exist"),
                bad("worker label of another type", r -> r.worker("w1").labels(Map.of("skills", List.of("a"))).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "label of worker w1 'skills' must be a string, a boolean or an immutable number"),

                bad("priority above 100", r -> r.job("j9").channel("voice").queue("q1").priority(101).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "priority of job j9 must be between -100 and 100, not 101"),
                bad("priority below -100", r -> r.job("j1").priority(-101).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "not -101"),
                bad("new job without channel", r -> r.job("j9").queue("q1").upsert(), ErrorCode.INVALID_ARGUMENT,
                        "channelId of new job j9 must not be null"),
                bad("new job without queue", r -> r.job("j9").channel("voice").upsert(), ErrorCode.INVALID_ARGUMENT,
                        "new job j9 needs a queue, a classification policy, or both"),
                bad("job in an unknown queue", r -> r.job("j9").channel("voice").queue("nope").upsert(),
                        ErrorCode.INVALID_ARGUMENT, "job j9 names queue nope, which does not exist"),
                bad("job label of another type", r -> r.job("j9").channel("voice").queue("q1")
                        .labels(Map.of("when", java.time.Instant.EPOCH)).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "label of job j9 'when' must be a string, a boolean or an immutable number", "not Instant"),
                bad("job label with null value", r -> r.job("j1").label("x", (String) null).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "must be a string, a boolean or an immutable number", "not null"),
                bad("job tag with blank key", r -> r.job("j1").tag("", 1).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "tag of job j1 needs a non-blank key"),
                bad("update a closed job", r -> r.job("j3").priority(5).upsert(), ErrorCode.CONFLICT,
                        "job j3 is CLOSED", "updating a job needs a job that is not closed or cancelled"),

                bad("queue with an unknown policy", r -> r.queue("q9").distributionPolicy("nope").upsert(),
                        ErrorCode.INVALID_ARGUMENT, "queue q9 names distribution policy nope, which does not exist"),
                bad("new queue without policy", r -> r.queue("q9").upsert(), ErrorCode.INVALID_ARGUMENT,
                        "new queue q9 needs a distribution policy"),
                bad("zero offer expiry", r -> r.distributionPolicy("p1").offerExpiresAfter(Duration.ZERO).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "offerExpiresAfter of distribution policy p1 must be positive"),
                bad("min above max offers", r -> r.distributionPolicy("p1").minConcurrentOffers(3)
                        .maxConcurrentOffers(2).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "needs 1 <= minConcurrentOffers <= maxConcurrentOffers, not 3 and 2"),

                bad("job with an unknown classification policy", r -> r.job("j9").channel("voice")
                        .classificationPolicy("nope").upsert(), ErrorCode.INVALID_ARGUMENT,
                        "job j9 names classification policy nope, which does not exist"),
                bad("selector with a blank key", r -> r.job("j1").workerSelectors(RouterWorkerSelector.equal(" ", 1))
                        .upsert(), ErrorCode.INVALID_ARGUMENT, "worker selector of job j1 needs a non-blank key"),
                bad("selector value of another type", r -> r.job("j1")
                        .workerSelectors(RouterWorkerSelector.equal("Skills", List.of("a"))).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "worker selector of job j1 'Skills' must be a string, a boolean"),
                bad("selector without operator", r -> r.job("j1")
                        .workerSelectors(new RouterWorkerSelector("Skill", null, 1)).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "'Skill' needs a label operator"),
                bad("selector expiring after zero", r -> r.job("j1")
                        .workerSelectors(RouterWorkerSelector.equal("Skill", 1).expiresAfter(Duration.ZERO)).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "must expire after a positive duration", "not PT0S"),
                bad("selector expiring past the router's range", r -> r.job("j1")
                        .workerSelectors(RouterWorkerSelector.equal("Skill", 1).expiresAfter(Duration.ofDays(365 * 101)))
                        .upsert(), ErrorCode.INVALID_ARGUMENT, "must expire after a positive duration of at most"),
                bad("null selector", r -> r.job("j1").workerSelectors((RouterWorkerSelector) null).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "worker selector of job j1 must not be null"),
                bad("fallback queue that does not exist", r -> r.classificationPolicy("cp").fallbackQueue("nope").upsert(),
                        ErrorCode.INVALID_ARGUMENT, "classification policy cp names fallback queue nope, which does not exist"),
                bad("MVEL that does not compile", r -> r.classificationPolicy("cp")
                        .prioritizationRule(new ExpressionRouterRule("job.Vip ==")).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "prioritization rule of classification policy cp: expression \"job.Vip ==\" does not compile"),
                bad("blank expression", r -> r.classificationPolicy("cp")
                        .prioritizationRule(new ExpressionRouterRule(" ")).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "needs a non-blank expression"),
                bad("unregistered function", r -> r.classificationPolicy("cp")
                        .prioritizationRule(FunctionRouterRule.named("vip")).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "names function \"vip\", which is not registered"),
                bad("pass-through with a blank key", r -> r.classificationPolicy("cp").queueSelectorAttachments(
                        new PassThroughQueueSelectorAttachment("", LabelOperator.EQUAL)).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "queue selector attachment of classification policy cp needs a non-blank key"),
                bad("weighted allocation weighing nothing", r -> r.classificationPolicy("cp").queueSelectorAttachments(
                        new WeightedAllocationQueueSelectorAttachment(List.of(new QueueWeightedAllocation(0,
                                List.of(RouterQueueSelector.equal("Id", "q1")))))).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "needs positive, finite weights, not 0.0"),
                bad("null attachment", r -> r.classificationPolicy("cp")
                        .workerSelectorAttachments((WorkerSelectorAttachment) null).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "worker selector attachment of classification policy cp must not be null"),
                bad("static attachment of a bad selector", r -> r.classificationPolicy("cp").workerSelectorAttachments(
                        new StaticWorkerSelectorAttachment(RouterWorkerSelector.equal("k", new Object()))).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "'k' must be a string, a boolean or an immutable number"),
                bad("reclassify an unknown job", r -> r.reclassifyJob("nope"), ErrorCode.NOT_FOUND, "job nope not found"),
                bad("reclassify a job without a policy", r -> r.reclassifyJob("j1"), ErrorCode.CONFLICT,
                        "job j1 is QUEUED without a classification policy", "reclassifyJob needs a job with a classification policy"),
                bad("unknown classification policy", r -> r.getClassificationPolicy("nope"), ErrorCode.NOT_FOUND,
                        "classification policy nope not found"),
                bad("worker with no room for offers", r -> r.worker("w1").maxConcurrentOffers(0).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "maxConcurrentOffers of worker w1 must be 1 or more, not 0"),
                bad("scoring options on a longest-idle policy", r -> r.distributionPolicy("p1").batchSize(5).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "distribution policy p1 is LONGEST_IDLE; a scoring rule and its options"),
                bad("batch size zero", r -> r.distributionPolicy("p1").bestWorker().batchSize(0).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "batchSize of distribution policy p1 must be 1 or more, not 0"),
                bad("scoring expression that does not compile", r -> r.distributionPolicy("p1")
                        .bestWorker(new ExpressionRouterRule("((")).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "scoring rule of distribution policy p1: expression \"((\" does not compile"),

                bad("ifMatch with a stale etag", r -> r.job("j1").ifMatch("stale").priority(5).upsert(),
                        ErrorCode.PRECONDITION_FAILED, "ifMatch stale does not hold: job j1 changed since (its etag is"),
                bad("ifMatch on a worker that does not exist", r -> r.worker("nope").ifMatch("1").capacity(1).upsert(),
                        ErrorCode.PRECONDITION_FAILED, "ifMatch 1 does not hold: worker nope does not exist"),
                bad("ifMatch with null", r -> r.queue("q1").ifMatch(null), ErrorCode.INVALID_ARGUMENT,
                        "etag must not be null"),
                bad("ifMatch holds but the upsert is bad", r -> r.queue("q1").ifMatch(r.getQueue("q1").etag())
                        .distributionPolicy("nope").upsert(), ErrorCode.INVALID_ARGUMENT,
                        "queue q1 names distribution policy nope, which does not exist"),

                bad("schedule without an instant", r -> r.job("j9").channel("voice").queue("q1")
                        .matchingMode(new ScheduleAndSuspendMode(null)).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "scheduleAt of job j9 must not be null"),
                bad("matching mode null", r -> r.job("j1").matchingMode(null), ErrorCode.INVALID_ARGUMENT,
                        "matchingMode must not be null"),

                bad("unassign an unknown job", r -> r.unassignJob("nope", "a"), ErrorCode.NOT_FOUND, "job nope not found"),
                bad("unassign an unknown assignment", r -> r.unassignJob("j2", "assignment-999"), ErrorCode.NOT_FOUND,
                        "job j2 has no assignment assignment-999"),
                bad("unassign a closed job", r -> r.unassignJob("j3", r.getJob("j3").assignments().keySet().iterator()
                        .next()), ErrorCode.CONFLICT, "unassignJob needs an ASSIGNED job"),

                bad("exception rule naming an unknown queue", r -> r.exceptionPolicy("x").rule("r",
                        new QueueLengthExceptionTrigger(3), new ManualReclassifyExceptionAction("nope", null, null))
                        .upsert(), ErrorCode.INVALID_ARGUMENT, "exception rule r of exception policy x names queue nope"),
                bad("exception rule with a zero wait", r -> r.exceptionPolicy("x").rule("r",
                        new WaitTimeExceptionTrigger(Duration.ZERO), new CancelExceptionAction(null, null)).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "threshold of exception rule r of exception policy x must be positive"),
                bad("exception rule with a zero length", r -> r.exceptionPolicy("x").rule("r",
                        new QueueLengthExceptionTrigger(0), new CancelExceptionAction(null, null)).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "must be 1 or more, not 0"),
                bad("exception rule without actions", r -> r.exceptionPolicy("x").rule("r",
                        new QueueLengthExceptionTrigger(2)).upsert(), ErrorCode.INVALID_ARGUMENT,
                        "exception rule r of exception policy x needs at least one action"),
                bad("two exception rules with one id", r -> r.exceptionPolicy("x")
                        .rule("r", new QueueLengthExceptionTrigger(2), new CancelExceptionAction(null, null))
                        .rule("r", new QueueLengthExceptionTrigger(3), new CancelExceptionAction(null, null)).upsert(),
                        ErrorCode.INVALID_ARGUMENT, "exception policy x holds two rules with id r"),
                bad("queue naming an unknown exception policy", r -> r.queue("q1").exceptionPolicy("nope").upsert(),
                        ErrorCode.INVALID_ARGUMENT, "queue q1 names exception policy nope, which does not exist"),
                bad("unknown exception policy", r -> r.getExceptionPolicy("nope"), ErrorCode.NOT_FOUND,
                        "exception policy nope not found"),

                bad("advance by a negative duration", r -> r.advanceBy(Duration.ofSeconds(-1)),
                        ErrorCode.INVALID_ARGUMENT, "the duration to advance by must lie between zero and"),
                bad("advance into the past", r -> r.advanceTo(Fixtures.T0), ErrorCode.INVALID_ARGUMENT,
                        "cannot advance to " + Fixtures.T0),
                bad("advance by null", r -> r.advanceBy(null), ErrorCode.INVALID_ARGUMENT, "the duration to advance by must not be null"));
    }

    private static Arguments bad(String name, Consumer<JobRouter> call, ErrorCode code, String... messageParts) {
        return arguments(name, call, code, messageParts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void isRefusedWithATypedErrorAndChangesNothing(String name, Consumer<JobRouter> call, ErrorCode code,
            String[] messageParts) {
        Snapshot before = Snapshot.of(router);

        assertThatThrownBy(() -> call.accept(router)).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messageParts);
            if (code == ErrorCode.CONFLICT) {
                assertThat(e.rule()).as("a refusal names its rule").isNotBlank();
            } else {
                assertThat(e.rule()).isNull();
            }
        });

        assertThat(Snapshot.of(router)).isEqualTo(before);
    }
}
