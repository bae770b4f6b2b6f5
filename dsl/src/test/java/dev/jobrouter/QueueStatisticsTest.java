package dev.jobrouter;

import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.RouterJobPositionDetails;
import dev.jobrouter.core.model.RouterQueueStatistics;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.SuspendMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queue statistics and a job's position, as a caller would be shown them. */
class QueueStatisticsTest {
    private final JobRouter router = Fixtures.router();

    @AfterEach
    void tearDown() {
        router.close();
    }

    private void job(String id, int priority) {
        router.job(id).channel("voice").queue("q1").priority(priority).upsert();
    }

    @Test
    void anEmptyQueueHasNoLengthNoWaitAndNoEstimates() {
        assertThat(router.getQueueStatistics("q1")).isEqualTo(new RouterQueueStatistics("q1", 0, Map.of(), 0));
    }

    @Test
    void statisticsCountQueuedJobsWithOrWithoutOffersAndNoOthers() {
        voiceWorker(router, "w1");
        job("j1", 1);                                   // offered to w1, still QUEUED
        router.advanceBy(Duration.ofSeconds(30));
        job("j2", 1);
        job("j3", 5);
        router.job("j4").channel("voice").queue("q1").matchingMode(new SuspendMode()).upsert();
        router.advanceBy(Duration.ofSeconds(15));   // within w1's offer of j1

        RouterQueueStatistics statistics = router.getQueueStatistics("q1");
        assertThat(statistics.length()).isEqualTo(3);
        assertThat(statistics.longestJobWaitTimeMinutes()).isEqualTo(0.75);
        assertThat(statistics.estimatedWaitTime()).containsExactly(Map.entry(5, Duration.ofMinutes(1)),
                Map.entry(1, Duration.ofMinutes(3)));

        router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId());
        RouterQueueStatistics after = router.getQueueStatistics("q1");
        assertThat(after.length()).as("an assigned job has left the queue").isEqualTo(2);
        assertThat(after.longestJobWaitTimeMinutes()).isEqualTo(0.25);
    }

    @Test
    void positionFollowsQueueOrderAndMovesAsJobsArriveAndLeave() {
        job("j1", 1);
        job("j2", 1);
        assertThat(router.getQueuePosition("j2")).isEqualTo(new RouterJobPositionDetails("j2", 2, "q1", 2, 1));

        job("j3", 10);
        assertThat(router.getQueuePosition("j3").position()).isEqualTo(1);
        assertThat(router.getQueuePosition("j2").position()).isEqualTo(3);

        router.job("j4").channel("voice").queue("q1").priority(10)
                .workerSelectors(RouterWorkerSelector.equal("skill", "x").expedite(true)).upsert();
        assertThat(router.getQueuePosition("j4").position()).as("expedited ahead of its priority").isEqualTo(1);

        router.cancelJob("j1");
        RouterJobPositionDetails j2 = router.getQueuePosition("j2");
        assertThat(j2.position()).isEqualTo(3);
        assertThat(j2.queueLength()).isEqualTo(3);
        assertThat(j2.estimatedWaitTimeMinutes()).isEqualTo(2);
    }

    @Test
    void aJobThatIsNotQueuedHasNoPosition() {
        job("j1", 1);
        router.cancelJob("j1");
        for (String jobId : List.of("j1", "nope")) {
            assertThatThrownBy(() -> router.getQueuePosition(jobId)).isInstanceOfSatisfying(RouterException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
        assertThatThrownBy(() -> router.getQueueStatistics("nope")).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.getMessage()).contains("queue nope not found"));
    }
}
