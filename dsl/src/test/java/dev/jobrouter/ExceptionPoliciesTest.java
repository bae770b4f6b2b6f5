package dev.jobrouter;

import static dev.jobrouter.Fixtures.T0;
import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.JobExceptionTriggered;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.JobUpdated;
import dev.jobrouter.core.model.CancelExceptionAction;
import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.ManualReclassifyExceptionAction;
import dev.jobrouter.core.model.QueueAndMatchMode;
import dev.jobrouter.core.model.QueueLengthExceptionTrigger;
import dev.jobrouter.core.model.ReclassifyExceptionAction;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterQueueSelector;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.ConditionalQueueSelectorAttachment;
import dev.jobrouter.core.model.WaitTimeExceptionTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exception policies escalate, move or cancel jobs that wait too long or overflow their queue. A rule
 * that fired again for the same entry would refire for ever on a virtual clock: the timeout turns that
 * into a failure.
 */
@Timeout(60)
class ExceptionPoliciesTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final JobRouter router = Fixtures.router();
    private final Events events = Events.of(router);

    @AfterEach
    void tearDown() {
        router.close();
    }

    private RouterJob job(String id) {
        return router.job(id).channel("voice").queue("q1").upsert();
    }

    /** q1 escalates after five minutes through cp into the priority queue q-vip. */
    private void escalation() {
        router.queue("q-vip").distributionPolicy("p1").upsert();
        router.classificationPolicy("cp")
                .queueSelectorAttachments(new ConditionalQueueSelectorAttachment(
                        new ExpressionRouterRule("job.Escalated == true"), List.of(RouterQueueSelector.equal("Id", "q-vip"))))
                .prioritizationRule(new ExpressionRouterRule("job.Escalated == true ? 10 : 1"))
                .fallbackQueue("q1")
                .upsert();
        router.exceptionPolicy("escalate")
                .rule("slow", new WaitTimeExceptionTrigger(FIVE_MINUTES), new ReclassifyExceptionAction("cp",
                        Map.of("Escalated", true)))
                .upsert();
        router.queue("q1").exceptionPolicy("escalate").upsert();
    }

    @Test
    void aWaitTimeRuleFiresExactlyAtEnqueuedAtPlusItsThresholdAndReclassifies() {
        escalation();
        job("j1");
        router.advanceTo(T0.plus(FIVE_MINUTES).minusMillis(1));
        assertThat(events.of(JobExceptionTriggered.class)).isEmpty();

        router.advanceTo(T0.plus(FIVE_MINUTES));
        assertThat(events.of(JobExceptionTriggered.class)).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(T0.plus(FIVE_MINUTES));
            assertThat(e.jobId()).isEqualTo("j1");
            assertThat(e.queueId()).isEqualTo("q1");
            assertThat(e.exceptionRuleId()).isEqualTo("slow");
        });
        RouterJob escalated = router.getJob("j1");
        assertThat(escalated.queueId()).isEqualTo("q-vip");
        assertThat(escalated.priority()).isEqualTo(10);
        assertThat(escalated.labels()).containsEntry("Escalated", true);
        assertThat(escalated.classificationPolicyId()).isEqualTo("cp");
        assertThat(events.of(JobUpdated.class)).as("the labels the action set, told to event consumers")
                .singleElement().satisfies(e -> {
                    assertThat(e.at()).isEqualTo(T0.plus(FIVE_MINUTES));
                    assertThat(e.labels()).containsEntry("Escalated", true);
                    assertThat(e.updatedLabels()).isEqualTo(Map.of("Escalated", true));
                });

        router.advanceBy(Duration.ofHours(1));
        assertThat(events.of(JobExceptionTriggered.class)).as("q-vip has no exception policy").hasSize(1);
    }

    @Test
    void aReclassifyActionOnAJobWithoutAPolicyFallsBackToTheQueueItsCallerSet() {
        router.queue("gold").distributionPolicy("p1").label("tier", "gold").upsert();
        router.classificationPolicy("tiers")   // no fallback queue: a job it cannot place stays in its own
                .queueSelectorAttachments(new ConditionalQueueSelectorAttachment(
                        new ExpressionRouterRule("job.Gold == true"), List.of(RouterQueueSelector.equal("tier", "gold"))))
                .upsert();
        router.exceptionPolicy("retier").rule("slow", new WaitTimeExceptionTrigger(FIVE_MINUTES),
                new ReclassifyExceptionAction("tiers", Map.of("Late", true))).upsert();
        router.queue("q1").exceptionPolicy("retier").upsert();
        job("j1");

        router.advanceBy(FIVE_MINUTES);
        RouterJob reclassified = router.getJob("j1");
        assertThat(reclassified.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(reclassified.queueId()).isEqualTo("q1");
        assertThat(reclassified.classificationPolicyId()).isEqualTo("tiers");
    }

    @Test
    void aRuleFiresAtMostOncePerEntryAndAgainAfterTheJobReEnters() {
        router.exceptionPolicy("tag").rule("slow", new WaitTimeExceptionTrigger(FIVE_MINUTES),
                new ReclassifyExceptionAction(null, Map.of("Late", true))).upsert();
        router.classificationPolicy("cp").fallbackQueue("q1").upsert();
        router.queue("q1").exceptionPolicy("tag").upsert();
        router.job("j1").channel("voice").queue("q1").classificationPolicy("cp").upsert();

        router.advanceBy(Duration.ofMinutes(30));
        assertThat(events.of(JobExceptionTriggered.class)).as("reclassified into q1 again, the same entry").hasSize(1);
        assertThat(router.getJob("j1").labels()).containsEntry("Late", true);

        voiceWorker(router, "w1");
        String assignment = router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId()).assignmentId();
        router.unassignJob("j1", assignment, true);
        router.worker("w1").availableForOffers(false).upsert();
        router.job("j1").matchingMode(new QueueAndMatchMode()).upsert();
        router.advanceBy(FIVE_MINUTES);
        assertThat(events.of(JobExceptionTriggered.class)).as("a new entry").hasSize(2);
    }

    @Test
    void aQueueLengthRuleFiresForTheJobThatOverflowsAndMovesIt() {
        router.queue("backup").distributionPolicy("p1").upsert();
        router.exceptionPolicy("overflow").rule("full", new QueueLengthExceptionTrigger(2),
                new ManualReclassifyExceptionAction("backup", 10, List.of(RouterWorkerSelector.equal("Overflow", true))))
                .upsert();
        router.queue("q1").exceptionPolicy("overflow").upsert();
        job("j1");
        job("j2");
        assertThat(events.of(JobExceptionTriggered.class)).isEmpty();
        router.advanceBy(Duration.ofSeconds(10));

        RouterJob moved = job("j3");
        assertThat(events.of(JobExceptionTriggered.class)).singleElement()
                .satisfies(e -> assertThat(e.jobId()).isEqualTo("j3"));
        assertThat(moved.queueId()).isEqualTo("backup");
        assertThat(moved.priority()).isEqualTo(10);
        assertThat(moved.enqueuedAt()).isEqualTo(router.now());
        assertThat(moved.requestedWorkerSelectors()).extracting(RouterWorkerSelector::key).containsExactly("Overflow");
        assertThat(events.of(JobQueued.class)).extracting(JobQueued::queueId).endsWith("q1", "backup");
        assertThat(events.of(JobUpdated.class)).as("the new priority, told to event consumers").singleElement()
                .satisfies(e -> assertThat(e.priority()).isEqualTo(10));
        assertThat(router.getQueueStatistics("q1").length()).isEqualTo(2);
    }

    @Test
    void aRuleThatPutsTheJobBackIntoTheQueueItOverflowsFiresOnceAndDoesNotLoop() {
        router.exceptionPolicy("bump").rule("full", new QueueLengthExceptionTrigger(1),
                new ManualReclassifyExceptionAction(null, 50, null)).upsert();
        router.queue("q1").exceptionPolicy("bump").upsert();
        job("j1");
        RouterJob bumped = job("j2");
        assertThat(bumped.priority()).isEqualTo(50);
        assertThat(bumped.queueId()).isEqualTo("q1");
        assertThat(events.of(JobExceptionTriggered.class)).hasSize(1);
    }

    @Test
    void aCancelActionCancelsWithItsCodeAndNoteAndEndsTheActions() {
        router.queue("backup").distributionPolicy("p1").upsert();
        router.exceptionPolicy("drop").rule("full", new QueueLengthExceptionTrigger(1),
                new CancelExceptionAction(null, "queue full"),
                new ManualReclassifyExceptionAction("backup", null, null)).upsert();
        router.queue("q1").exceptionPolicy("drop").upsert();
        job("j1");
        RouterJob dropped = job("j2");
        assertThat(dropped.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(dropped.dispositionCode()).isEqualTo("Cancelled");
        assertThat(dropped.notes()).extracting(n -> n.message()).containsExactly("queue full");
        assertThat(dropped.queueId()).as("no action after a cancel").isEqualTo("q1");
        assertThat(router.snapshot().queueEntries()).containsOnlyKeys("j1");
    }

    @Test
    void aJobAssignedBeforeTheThresholdIsNotEscalatedAndLeavesNothingBehindOnceClosed() {
        escalation();
        voiceWorker(router, "w1");
        job("j1");
        String assignment = router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId()).assignmentId();
        router.advanceBy(Duration.ofMinutes(10));
        assertThat(events.of(JobExceptionTriggered.class)).isEmpty();
        router.closeJob("j1", assignment);
        assertThat(router.snapshot().queueEntries()).isEmpty();
        assertThat(router.snapshot().timers()).isEmpty();
    }

    @Test
    void deletingAQueuedJobDropsItsEntryAndTimer() {
        escalation();
        job("j1");
        assertThat(router.snapshot().queueEntries()).containsOnlyKeys("j1");
        router.deleteJob("j1");
        assertThat(router.snapshot().queueEntries()).isEmpty();
        assertThat(router.snapshot().timers()).isEmpty();
    }

    @Test
    void policiesInUseCannotBeDeleted() {
        escalation();
        assertThatThrownBy(() -> router.deleteExceptionPolicy("escalate")).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.rule()).isEqualTo("an exception policy named by a queue cannot be deleted"));
        assertThatThrownBy(() -> router.deleteClassificationPolicy("cp")).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.rule()).isEqualTo(
                        "a classification policy named by an exception policy cannot be deleted"));
        router.exceptionPolicy("other").rule("r", new QueueLengthExceptionTrigger(5), new CancelExceptionAction(null,
                null)).upsert();
        router.queue("q1").exceptionPolicy("other").upsert();
        router.deleteExceptionPolicy("escalate");
        assertThat(router.listExceptionPolicies()).extracting(p -> p.id()).containsExactly("other");

        router.queue("backup").distributionPolicy("p1").upsert();
        router.exceptionPolicy("other").rule("r", new QueueLengthExceptionTrigger(5),
                new ManualReclassifyExceptionAction("backup", null, null)).upsert();
        assertThatThrownBy(() -> router.deleteQueue("backup")).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.rule()).isEqualTo("a queue an exception policy moves jobs into cannot be deleted");
            assertThat(e.getMessage()).contains("the target of [other]");
        });
    }

    @Test
    void anExceptionPolicyHasAnEtagAndRulesReplaceOrClear() {
        var policy = router.exceptionPolicy("x").name("X").rule("r", new QueueLengthExceptionTrigger(5),
                new CancelExceptionAction("Full", null)).upsert();
        assertThat(policy.etag()).isNotNull();
        assertThat(router.exceptionPolicy("x").name("X").upsert().etag()).isEqualTo(policy.etag());
        var cleared = router.exceptionPolicy("x").ifMatch(policy.etag()).rules().upsert();
        assertThat(cleared.exceptionRules()).isEmpty();
        assertThatThrownBy(() -> router.exceptionPolicy("x").ifMatch(policy.etag()).name("Y").upsert())
                .isInstanceOfSatisfying(RouterException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
    }

    @Test
    void userRulesCanRefuseAQueueLengthTrigger() {
        try (JobRouter ruled = Fixtures.router(UserRulesTest.HEADER + """
                rule "vips are never dropped"
                when
                    TriggerException($jobId : jobId)
                    RouterJob(id == $jobId, labels["vip"] == true)
                then
                    insert(new Refusal("a VIP stays in its queue"));
                end
                """)) {
            ruled.exceptionPolicy("drop").rule("full", new QueueLengthExceptionTrigger(1),
                    new CancelExceptionAction(null, null)).upsert();
            ruled.queue("q1").exceptionPolicy("drop").upsert();
            ruled.job("j1").channel("voice").queue("q1").upsert();
            assertThat(ruled.job("j2").channel("voice").queue("q1").label("vip", true).upsert().status())
                    .isEqualTo(JobStatus.QUEUED);
            assertThat(ruled.job("j3").channel("voice").queue("q1").upsert().status()).isEqualTo(JobStatus.CANCELLED);
        }
    }
}
