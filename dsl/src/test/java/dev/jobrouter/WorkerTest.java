package dev.jobrouter;

import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.WorkerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerTest {
    private final JobRouter router = Fixtures.router();
    private final Events events = Events.of(router);

    @AfterEach
    void tearDown() {
        router.close();
    }

    @Test
    void anUpsertChangesOnlyWhatItSets() {
        router.worker("w1").capacity(10).channel("voice", 10).channel("chat", 2, 5).queues("q1")
                .label("location", "Edmonton").availableForOffers(true).upsert();

        router.worker("w1").availableForOffers(false).upsert();

        RouterWorker worker = router.getWorker("w1");
        assertThat(worker.capacity()).isEqualTo(10);
        assertThat(worker.channels()).containsOnlyKeys("voice", "chat");
        assertThat(worker.channels().get("chat")).isEqualTo(new ChannelConfiguration("chat", 2, 5));
        assertThat(worker.queues()).containsExactly("q1");
        assertThat(worker.labels()).containsEntry("location", "Edmonton").containsEntry("Id", "w1");
        assertThat(worker.availableForOffers()).isFalse();
    }

    @Test
    void registeringAndDeregisteringPublishEvents() {
        voiceWorker(router, "w1");
        router.worker("w1").label("skill", 3).upsert();
        router.worker("w1").availableForOffers(false).upsert();

        assertThat(events.names()).containsExactly("WorkerRegistered", "WorkerUpdated", "WorkerDeregistered");
    }

    @Test
    void deregisteringRevokesOpenOffersAndDrainsAssignedJobs() {
        router.worker("w1").capacity(20).channel("voice", 10).queues("q1").availableForOffers(true).upsert();
        voiceJob(router, "j1");
        voiceJob(router, "j2");
        String assignmentId = router.acceptJobOffer("w1", router.getWorker("w1").offers().get(0).offerId()).assignmentId();
        assertThat(router.getWorker("w1").offers()).hasSize(1);

        router.worker("w1").availableForOffers(false).upsert();

        RouterWorker draining = router.getWorker("w1");
        assertThat(draining.state()).isEqualTo(WorkerState.DRAINING);
        assertThat(draining.offers()).isEmpty();
        assertThat(draining.usedCapacity()).isEqualTo(10);

        router.closeJob("j1", assignmentId);
        assertThat(router.getWorker("w1").state()).isEqualTo(WorkerState.INACTIVE);
        assertThat(router.getWorker("w1").offers()).as("an inactive worker gets no offers").isEmpty();
    }

    @Test
    void aDeregisteredWorkersJobGoesToAnotherWorker() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        voiceWorker(router, "w2");

        router.worker("w1").availableForOffers(false).upsert();

        assertThat(onlyOffer(router, "w2").jobId()).isEqualTo("j1");
    }

    @Test
    void raisingCapacityMakesRoomForMoreOffers() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        voiceJob(router, "j2");
        assertThat(router.getWorker("w1").offers()).hasSize(1);

        router.worker("w1").capacity(20).upsert();

        assertThat(router.getWorker("w1").offers()).hasSize(2);
        assertThat(router.getWorker("w1").loadRatio()).isEqualTo(1.0);
    }

    @Test
    void capacityCannotDropBelowWhatTheWorkerHolds() {
        router.worker("w1").capacity(10).channel("voice", 4).queues("q1").availableForOffers(true).upsert();
        voiceJob(router, "j1");
        voiceJob(router, "j2");
        Fixtures.Snapshot before = Fixtures.Snapshot.of(router);

        assertThatThrownBy(() -> router.worker("w1").capacity(7).upsert())
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.rule()).isEqualTo("a worker's capacity covers what it holds");
                    assertThat(e.getMessage()).contains("worker w1 is ACTIVE", "cover the 8 held");
                });
        assertThat(Fixtures.Snapshot.of(router)).isEqualTo(before);
        assertThat(router.worker("w1").capacity(8).upsert().capacity()).isEqualTo(8);
    }

    @Test
    void aChannelsJobLimitCannotDropBelowTheJobsItHolds() {
        router.worker("w1").capacity(10).channel("chat", 1, 3).queues("q1").availableForOffers(true).upsert();
        router.job("c1").channel("chat").queue("q1").upsert();
        router.job("c2").channel("chat").queue("q1").upsert();

        assertThatThrownBy(() -> router.worker("w1").channel("chat", 1, 1).upsert())
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.rule()).isEqualTo("a channel's job limit covers the jobs it holds");
                    assertThat(e.getMessage()).contains("channel chat must cover the 2 jobs");
                });
        assertThat(router.getWorker("w1").channels().get("chat").maxNumberOfJobs()).isEqualTo(3);
    }
}
