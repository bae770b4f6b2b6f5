package dev.jobrouter;

import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.LabelOperator;
import dev.jobrouter.core.model.PassThroughQueueSelectorAttachment;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobNote;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerSelector;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Upserts remove labels and tags, clear list settings, and carry notes and a channel reference. */
class UpsertRemovalsTest {
    private final JobRouter router = Fixtures.router();

    @AfterEach
    void tearDown() {
        router.close();
    }

    @Test
    void labelsAndTagsAreRemovedByKeyButIdStays() {
        router.worker("w1").capacity(1).label("k", "v").label("keep", 1).tag("t", "x").upsert();
        RouterWorker worker = router.worker("w1").removeLabel("k").removeTag("t").upsert();
        assertThat(worker.labels()).containsOnlyKeys("keep", "Id");
        assertThat(worker.tags()).isEmpty();

        router.queue("q1").label("region", "eu").upsert();
        assertThat(router.queue("q1").removeLabel("region").upsert().labels()).containsOnlyKeys("Id");

        router.job("j1").channel("voice").queue("q1").label("a", 1).label("b", 2).tag("t", "x").upsert();
        RouterJob job = router.job("j1").removeLabel("a").removeTag("t").upsert();
        assertThat(job.labels()).containsOnlyKeys("b");
        assertThat(job.tags()).isEmpty();
    }

    @Test
    void theIdLabelCanNeitherBeRemovedNorChanged() {
        router.worker("w1").capacity(1).upsert();
        assertThatThrownBy(() -> router.worker("w1").removeLabel("Id").upsert())
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("label of worker w1 'Id' is set by the router and cannot be removed");
                });
        assertThatThrownBy(() -> router.queue("q1").label("Id", "other").upsert())
                .isInstanceOfSatisfying(RouterException.class,
                        e -> assertThat(e.getMessage()).contains("cannot be changed to other"));
        assertThat(router.queue("q1").label("Id", "q1").upsert().labels()).containsEntry("Id", "q1");
    }

    @Test
    void listSettingsCalledWithNoArgumentsClearTheList() {
        router.worker("w1").capacity(1).queues("q1").upsert();
        assertThat(router.worker("w1").queues().upsert().queues()).isEmpty();
        router.job("j1").channel("voice").queue("q1").workerSelectors(RouterWorkerSelector.equal("k", 1)).upsert();
        assertThat(router.job("j1").workerSelectors().upsert().requestedWorkerSelectors()).isEmpty();
    }

    @Test
    void aJobUpsertAddsANoteStampedNowAndSetsAChannelReference() {
        RouterJob created = router.job("j1").channel("voice").queue("q1").channelReference("call-42")
                .note("callback requested").upsert();
        assertThat(created.channelReference()).isEqualTo("call-42");
        assertThat(created.notes()).containsExactly(new RouterJobNote("callback requested", Fixtures.T0));

        router.advanceBy(Duration.ofMinutes(1));
        RouterJob updated = router.job("j1").note("called back").upsert();
        assertThat(updated.notes()).extracting(RouterJobNote::message).containsExactly("callback requested", "called back");
        assertThat(updated.notes().get(1).addedAt()).isEqualTo(Fixtures.T0.plusSeconds(60));
        assertThat(updated.channelReference()).as("kept when not given").isEqualTo("call-42");
    }

    @Test
    void removingALabelReclassifiesLikeChangingOne() {
        voiceWorker(router, "w1");
        router.queue("gold").distributionPolicy("p1").label("tier", "gold").upsert();
        router.classificationPolicy("cp").fallbackQueue("q1").queueSelectorAttachments(
                new PassThroughQueueSelectorAttachment("tier", LabelOperator.EQUAL)).upsert();
        router.job("j1").channel("chat").classificationPolicy("cp").label("tier", "gold").upsert();
        assertThat(router.getJob("j1").queueId()).isEqualTo("gold");
        assertThat(router.job("j1").removeLabel("tier").upsert().queueId()).isEqualTo("q1");
    }
}
