package dev.jobrouter;

import static dev.jobrouter.Fixtures.T0;
import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.Page;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobStatusSelector;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerStateSelector;
import dev.jobrouter.core.model.ScheduleAndSuspendMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Filtered lists in id order, in one piece as the SDK has them, and in pages. */
class ListsTest {
    private final JobRouter router = Fixtures.router();

    @AfterEach
    void tearDown() {
        router.close();
    }

    private static List<String> ids(List<RouterJob> jobs) {
        return jobs.stream().map(RouterJob::id).toList();
    }

    @Test
    void jobsFilterByStatusQueueChannelPolicyAndSchedule() {
        router.queue("q2").distributionPolicy("p1").upsert();
        router.classificationPolicy("cp").fallbackQueue("q2").upsert();
        voiceWorker(router, "w1");
        router.job("j3").channel("voice").queue("q1").upsert();                      // assigned below
        router.job("j1").channel("chat").queue("q1").upsert();
        router.job("j2").channel("voice").classificationPolicy("cp").upsert();
        router.job("j4").channel("voice").queue("q1").upsert();
        router.cancelJob("j4");
        router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId());
        router.job("j5").channel("voice").queue("q1").matchingMode(new ScheduleAndSuspendMode(T0.plusSeconds(60))).upsert();
        router.job("j6").channel("voice").queue("q1").matchingMode(new ScheduleAndSuspendMode(T0.plusSeconds(120))).upsert();
        router.advanceBy(Duration.ofMinutes(3));

        assertThat(ids(router.listJobs(null, null, null, null, null, null))).containsExactly("j1", "j2", "j3", "j4", "j5", "j6");
        assertThat(ids(router.listJobs(RouterJobStatusSelector.ACTIVE, null, null, null, null, null)))
                .containsExactly("j1", "j2", "j3", "j5", "j6");
        assertThat(ids(router.listJobs(RouterJobStatusSelector.QUEUED, null, null, null, null, null)))
                .containsExactly("j1", "j2");
        assertThat(ids(router.listJobs(RouterJobStatusSelector.ASSIGNED, null, null, null, null, null)))
                .containsExactly("j3");
        assertThat(ids(router.listJobs(null, "q1", "voice", null, null, null))).containsExactly("j3", "j4", "j5", "j6");
        assertThat(ids(router.listJobs(null, null, null, "cp", null, null))).containsExactly("j2");
        assertThat(ids(router.listJobs(null, null, null, null, T0.plusSeconds(60), null))).containsExactly("j5");
        assertThat(ids(router.listJobs(null, null, null, null, null, T0.plusSeconds(60)))).containsExactly("j5", "j6");
        assertThat(ids(router.listJobs(null, null, null, null, T0.plusSeconds(90), T0.plusSeconds(90)))).isEmpty();
        assertThat(ids(router.listJobs(RouterJobStatusSelector.CLOSED, null, null, null, null, null))).isEmpty();
    }

    @Test
    void workersFilterByStateChannelQueueAndCapacity() {
        voiceWorker(router, "w2");
        router.worker("w1").capacity(10).channel("voice", 10).channel("chat", 5).queues("q1").upsert();   // inactive
        voiceWorker(router, "w3");
        router.job("j1").channel("voice").queue("q1").upsert();
        router.acceptJobOffer("w2", onlyOffer(router, "w2").offerId());
        router.worker("w2").availableForOffers(false).upsert();                                       // draining

        List<String> all = router.listWorkers(null, null, null, null).stream().map(RouterWorker::id).toList();
        assertThat(all).containsExactly("w1", "w2", "w3");
        assertThat(router.listWorkers(RouterWorkerStateSelector.DRAINING, null, null, null)).extracting(RouterWorker::id)
                .containsExactly("w2");
        assertThat(router.listWorkers(RouterWorkerStateSelector.ACTIVE, null, "q1", null)).extracting(RouterWorker::id)
                .containsExactly("w3");
        assertThat(router.listWorkers(null, "chat", null, null)).extracting(RouterWorker::id).containsExactly("w1");
        assertThat(router.listWorkers(null, "voice", null, true)).extracting(RouterWorker::id).containsExactly("w1", "w3");
        assertThat(router.listWorkers(null, null, null, false)).extracting(RouterWorker::id).containsExactly("w2");
    }

    @Test
    void pagesWalkTheListAndSayWhereToContinue() {
        for (int i = 0; i < 25; i++) {
            router.job(String.format(Locale.ROOT, "j%02d", i)).channel("voice").queue("q1").upsert();
        }
        router.cancelJob("j03");
        List<String> seen = new ArrayList<>();
        Page<RouterJob> page = router.jobs().status(RouterJobStatusSelector.QUEUED).queue("q1").pageSize(10).list();
        int pages = 1;
        seen.addAll(ids(page.items()));
        while (page.continueAfter() != null) {
            page = router.jobs().status(RouterJobStatusSelector.QUEUED).queue("q1").pageSize(10)
                    .after(page.continueAfter()).list();
            seen.addAll(ids(page.items()));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(24).doesNotContain("j03").isSorted();

        Page<RouterJob> exact = router.jobs().pageSize(25).list();
        assertThat(exact.continueAfter()).as("no page follows a full last page").isNull();
        assertThat(router.jobs().after("j24").list().items()).isEmpty();
        assertThat(router.workers().pageSize(1).list().items()).isEmpty();
        assertThatThrownBy(() -> router.jobs().pageSize(0).list()).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
