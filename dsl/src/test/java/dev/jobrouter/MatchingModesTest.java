package dev.jobrouter;

import static dev.jobrouter.Fixtures.T0;
import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.JobScheduled;
import dev.jobrouter.core.event.JobWaitingForActivation;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.QueueAndMatchMode;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterQueueSelector;
import dev.jobrouter.core.model.ScheduleAndSuspendMode;
import dev.jobrouter.core.model.StaticQueueSelectorAttachment;
import dev.jobrouter.core.model.SuspendMode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scheduled and suspended jobs are held out of matching until switched to queue-and-match. */
class MatchingModesTest {
    private static final Instant CALLBACK = T0.plus(Duration.ofHours(2));

    private final JobRouter router = Fixtures.router();
    private final Events events = Events.of(router);

    @AfterEach
    void tearDown() {
        router.close();
    }

    private RouterJob scheduledJob(String id, Instant at) {
        return router.job(id).channel("voice").queue("q1").matchingMode(new ScheduleAndSuspendMode(at)).upsert();
    }

    @Test
    void aScheduledJobWaitsForActivationExactlyAtItsInstantAndIsNeverOffered() {
        voiceWorker(router, "w1");
        RouterJob job = scheduledJob("j1", CALLBACK);
        assertThat(job.status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(job.matchingMode()).isEqualTo(new ScheduleAndSuspendMode(CALLBACK));
        assertThat(job.scheduledAt()).isNull();
        assertThat(events.of(JobScheduled.class)).singleElement().satisfies(e -> {
            assertThat(e.jobId()).isEqualTo("j1");
            assertThat(e.scheduleAt()).isEqualTo(CALLBACK);
        });

        router.advanceTo(CALLBACK.minusMillis(1));
        assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(events.of(JobWaitingForActivation.class)).isEmpty();

        router.advanceTo(CALLBACK);
        RouterJob waiting = router.getJob("j1");
        assertThat(waiting.status()).isEqualTo(JobStatus.WAITING_FOR_ACTIVATION);
        assertThat(waiting.scheduledAt()).isEqualTo(CALLBACK);
        assertThat(events.of(JobWaitingForActivation.class)).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(CALLBACK);
            assertThat(e.scheduledAt()).isEqualTo(CALLBACK);
        });
        assertThat(router.getWorker("w1").offers()).as("held jobs are never offered").isEmpty();
    }

    @Test
    void switchingToQueueAndMatchQueuesTheJobAtOnceAndKeepsScheduledAt() {
        voiceWorker(router, "w1");
        scheduledJob("j1", CALLBACK);
        router.advanceTo(CALLBACK.plusSeconds(30));

        RouterJob queued = router.job("j1").matchingMode(new QueueAndMatchMode()).upsert();
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queued.scheduledAt()).isEqualTo(CALLBACK);
        assertThat(queued.enqueuedAt()).isEqualTo(CALLBACK.plusSeconds(30));
        assertThat(events.of(JobQueued.class)).singleElement().satisfies(e -> assertThat(e.jobId()).isEqualTo("j1"));
        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
    }

    @Test
    void switchingBeforeTheScheduledInstantQueuesAtOnceAndTheScheduleIsDropped() {
        voiceWorker(router, "w1");
        scheduledJob("j1", CALLBACK);
        router.job("j1").matchingMode(new QueueAndMatchMode()).upsert();
        assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.QUEUED);

        assertThat(router.snapshot().timers()).as("the activation timer is gone").noneMatch(t -> t.dueAt().equals(CALLBACK));
        router.advanceTo(CALLBACK.plusSeconds(1));
        assertThat(events.of(JobWaitingForActivation.class)).isEmpty();
    }

    @Test
    void aPastScheduleAndASuspendWaitAtOnce() {
        router.advanceBy(Duration.ofMinutes(10));
        RouterJob past = scheduledJob("j1", T0);
        assertThat(past.status()).isEqualTo(JobStatus.WAITING_FOR_ACTIVATION);
        assertThat(past.scheduledAt()).isEqualTo(T0);

        RouterJob suspended = router.job("j2").channel("voice").queue("q1").matchingMode(new SuspendMode()).upsert();
        assertThat(suspended.status()).isEqualTo(JobStatus.WAITING_FOR_ACTIVATION);
        assertThat(suspended.scheduledAt()).isNull();
        assertThat(events.of(JobWaitingForActivation.class)).extracting(JobWaitingForActivation::jobId)
                .containsExactly("j1", "j2");
        assertThat(events.of(JobQueued.class)).isEmpty();
    }

    @Test
    void suspendingAQueuedJobRevokesItsOffers() {
        voiceWorker(router, "w1");
        router.job("j1").channel("voice").queue("q1").upsert();
        String offerId = onlyOffer(router, "w1").offerId();

        RouterJob suspended = router.job("j1").matchingMode(new SuspendMode()).upsert();
        assertThat(suspended.status()).isEqualTo(JobStatus.WAITING_FOR_ACTIVATION);
        assertThat(events.of(OfferRevoked.class)).extracting(OfferRevoked::offerId).containsExactly(offerId);
        assertThat(router.getWorker("w1").offers()).isEmpty();

        router.job("j1").matchingMode(new QueueAndMatchMode()).upsert();
        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
    }

    @Test
    void aScheduledJobCanBeCancelledOrDeletedAndItsTimerGoes() {
        scheduledJob("j1", CALLBACK);
        scheduledJob("j2", CALLBACK);
        assertThat(router.cancelJob("j1").status()).isEqualTo(JobStatus.CANCELLED);
        router.deleteJob("j2");
        assertThat(router.snapshot().timers()).isEmpty();
        router.advanceTo(CALLBACK);
        assertThat(events.of(JobWaitingForActivation.class)).isEmpty();
    }

    @Test
    void aHeldJobWithAClassificationPolicyIsClassifiedWhenQueued() {
        router.queue("q2").distributionPolicy("p1").label("tier", "gold").upsert();
        router.classificationPolicy("cp")
                .queueSelectorAttachments(new StaticQueueSelectorAttachment(RouterQueueSelector.equal("tier", "gold")))
                .upsert();
        RouterJob held = router.job("j1").channel("voice").classificationPolicy("cp").matchingMode(new SuspendMode())
                .upsert();
        assertThat(held.status()).isEqualTo(JobStatus.WAITING_FOR_ACTIVATION);
        assertThat(held.queueId()).isNull();

        RouterJob queued = router.job("j1").matchingMode(new QueueAndMatchMode()).upsert();
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queued.queueId()).isEqualTo("q2");
    }

    @Test
    void onlyAWaitingJobCanSwitchItsMatchingMode() {
        voiceWorker(router, "w1");
        router.job("j1").channel("voice").queue("q1").upsert();
        router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId());

        assertThatThrownBy(() -> router.job("j1").matchingMode(new SuspendMode()).upsert())
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.rule()).isEqualTo("only a waiting job can switch its matching mode");
                    assertThat(e.getMessage()).contains("job j1 is ASSIGNED");
                });
        assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.ASSIGNED);
    }

    @Test
    void userRulesCanRefuseASwitchAndSeeAnActivation() {
        try (JobRouter ruled = Fixtures.router(UserRulesTest.HEADER + """
                rule "callbacks stay parked"
                when
                    SwitchMatchingMode($jobId : jobId, matchingMode instanceof QueueAndMatchMode)
                    RouterJob(id == $jobId, labels["callback"] == true)
                then
                    insert(new Refusal("a callback is queued by its supervisor"));
                end
                """)) {
            ruled.job("j1").channel("voice").queue("q1").label("callback", true).matchingMode(new SuspendMode())
                    .upsert();
            assertThatThrownBy(() -> ruled.job("j1").matchingMode(new QueueAndMatchMode()).upsert())
                    .isInstanceOfSatisfying(RouterException.class,
                            e -> assertThat(e.rule()).isEqualTo("callbacks stay parked"));
            assertThat(ruled.getJob("j1").status()).isEqualTo(JobStatus.WAITING_FOR_ACTIVATION);
        }
    }
}
