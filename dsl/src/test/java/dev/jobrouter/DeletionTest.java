package dev.jobrouter;

import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.Fixtures.Snapshot;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.event.WorkerDeleted;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.LabelOperator;
import dev.jobrouter.core.model.PassThroughQueueSelectorAttachment;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Workers, queues and policies can be deleted once nothing uses them; until then a named rule refuses. */
class DeletionTest {
    private final JobRouter router = Fixtures.router();
    private final Events events = Events.of(router);

    @AfterEach
    void tearDown() {
        router.close();
    }

    private void refused(ThrowingCallable call, String rule, String... message) {
        Snapshot before = Snapshot.of(router);
        assertThatThrownBy(call).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.getMessage()).contains(message);
        });
        assertThat(Snapshot.of(router)).isEqualTo(before);
    }

    @Test
    void deletingAWorkerRevokesItsOffersAndForgetsIt() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        String offerId = onlyOffer(router, "w1").offerId();
        router.declineJobOffer("w1", offerId, Instant.parse("2026-01-05T10:00:00Z"));
        voiceJob(router, "j2");

        router.deleteWorker("w1");
        assertThat(events.of(OfferRevoked.class)).extracting(OfferRevoked::jobId).containsExactly("j2");
        assertThat(events.of(WorkerDeleted.class)).singleElement()
                .satisfies(e -> assertThat(e.workerId()).isEqualTo("w1"));
        assertThat(router.listWorkers()).isEmpty();
        assertThat(router.snapshot().declines()).isEmpty();
        assertThat(router.snapshot().timers()).as("the decline's retry timer went with the worker")
                .noneMatch(t -> t.dueAt().equals(Instant.parse("2026-01-05T10:00:00Z")));
        assertThatThrownBy(() -> router.getWorker("w1")).isInstanceOf(RouterException.class);
    }

    @Test
    void aWorkerHoldingAJobCannotBeDeleted() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId());
        refused(() -> router.deleteWorker("w1"), "a worker holding jobs cannot be deleted", "holding 1 jobs");
    }

    @Test
    void aQueueIsDeletedOnceItsJobsAreClosedOrCancelledAndNoPolicyFallsBackToIt() {
        router.queue("q2").distributionPolicy("p1").upsert();
        router.job("j1").channel("voice").queue("q2").upsert();
        router.classificationPolicy("cp").fallbackQueue("q2").upsert();

        refused(() -> router.deleteQueue("q2"), "a queue holding active jobs cannot be deleted",
                "requested queue of 1 active jobs");
        router.cancelJob("j1");
        refused(() -> router.deleteQueue("q2"), "a classification policy's fallback queue cannot be deleted", "[cp]");
        router.classificationPolicy("cp").fallbackQueue("q1").upsert();

        router.deleteQueue("q2");
        assertThat(router.listQueues()).extracting(q -> q.id()).containsExactly("q1");
    }

    /**
     * Found by the property tests: a cancelled job still names its queue once the queue is deleted,
     * and changing a distribution policy then re-matched it and failed with a NullPointerException.
     */
    @Test
    void aPolicyChangeAfterACancelledJobsQueueWasDeletedLeavesThatJobAlone() {
        router.queue("q2").distributionPolicy("p1").upsert();
        router.job("j1").channel("voice").queue("q2").upsert();
        router.cancelJob("j1");
        router.deleteQueue("q2");

        router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(5)).upsert();
        assertThat(router.getJob("j1").queueId()).isEqualTo("q2");
        assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.CANCELLED);
    }

    /** Found by the property tests: a later classification would fall back into a queue that is gone. */
    @Test
    void aQueueAnActiveJobWasClassifiedOutOfCannotBeDeleted() {
        router.queue("qa").distributionPolicy("p1").upsert();
        router.queue("qb").distributionPolicy("p1").label("tier", "gold").upsert();
        router.classificationPolicy("cp")
                .queueSelectorAttachments(new PassThroughQueueSelectorAttachment("tier", LabelOperator.EQUAL)).upsert();
        router.job("j1").channel("voice").queue("qa").classificationPolicy("cp").label("tier", "gold").upsert();
        assertThat(router.getJob("j1").queueId()).isEqualTo("qb");

        refused(() -> router.deleteQueue("qa"), "a queue holding active jobs cannot be deleted",
                "requested queue of 1 active jobs");
        router.cancelJob("j1");
        router.deleteQueue("qa");
        assertThat(router.listQueues()).extracting(q -> q.id()).containsExactly("q1", "qb");
    }

    @Test
    void aDistributionPolicyIsDeletedOnceNoQueueNamesIt() {
        router.distributionPolicy("p2").upsert();
        router.queue("q2").distributionPolicy("p2").upsert();
        refused(() -> router.deleteDistributionPolicy("p2"), "a distribution policy named by a queue cannot be deleted",
                "queues [q2]");
        router.deleteQueue("q2");
        router.deleteDistributionPolicy("p2");
        assertThat(router.listDistributionPolicies()).extracting(p -> p.id()).containsExactly("p1");
    }

    @Test
    void aClassificationPolicyIsDeletedOnceNoActiveJobNamesIt() {
        router.classificationPolicy("cp").fallbackQueue("q1").upsert();
        router.job("j1").channel("voice").classificationPolicy("cp").upsert();
        refused(() -> router.deleteClassificationPolicy("cp"),
                "a classification policy named by an active job cannot be deleted", "active jobs [j1]");
        router.cancelJob("j1");
        router.deleteClassificationPolicy("cp");
        assertThat(router.listClassificationPolicies()).isEmpty();
    }

    @Test
    void unknownIdsAreNotFound() {
        for (ThrowingCallable call : new ThrowingCallable[] {() -> router.deleteWorker("nope"),
                () -> router.deleteQueue("nope"), () -> router.deleteDistributionPolicy("nope"),
                () -> router.deleteClassificationPolicy("nope")}) {
            assertThatThrownBy(call).isInstanceOfSatisfying(RouterException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
    }

    @Test
    void userRulesCanRefuseADeletion() {
        try (JobRouter ruled = Fixtures.router(UserRulesTest.HEADER + """
                rule "the main queue stays"
                when
                    QueueDeletion(queueId == "q1")
                then
                    insert(new Refusal("q1 is the main queue"));
                end
                """)) {
            assertThatThrownBy(() -> ruled.deleteQueue("q1")).isInstanceOfSatisfying(RouterException.class,
                    e -> assertThat(e.rule()).isEqualTo("the main queue stays"));
        }
    }
}
