package dev.jobrouter;

import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.JobUnassigned;
import dev.jobrouter.core.event.JobWaitingForActivation;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.QueueAndMatchMode;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.SuspendMode;
import dev.jobrouter.core.model.UnassignJobResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An assigned job handed back releases its worker and queues again, at most three times. */
class UnassignTest {
    private final JobRouter router = Fixtures.router();
    private final Events events = Events.of(router);

    @AfterEach
    void tearDown() {
        router.close();
    }

    private String assign(String jobId, String workerId) {
        return router.acceptJobOffer(workerId, onlyOffer(router, workerId).offerId()).assignmentId();
    }

    @Test
    void unassignReleasesTheWorkerAndQueuesTheJobWhichItsWorkerMayGetAgain() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        String assignment = assign("j1", "w1");
        router.advanceBy(Duration.ofMinutes(3));

        UnassignJobResult result = router.unassignJob("j1", assignment);
        assertThat(result).isEqualTo(new UnassignJobResult("j1", 1));
        RouterJob job = router.getJob("j1");
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.enqueuedAt()).isEqualTo(router.now());
        assertThat(job.assignments().get(assignment).unassignedAt()).isEqualTo(router.now());
        assertThat(router.getWorker("w1").assignedJobs()).isEmpty();
        assertThat(events.of(JobUnassigned.class)).singleElement().satisfies(e -> {
            assertThat(e.assignmentId()).isEqualTo(assignment);
            assertThat(e.workerId()).isEqualTo("w1");
            assertThat(e.unassignmentCount()).isEqualTo(1);
        });
        assertThat(onlyOffer(router, "w1").jobId()).as("the same worker is eligible").isEqualTo("j1");
    }

    @Test
    void aFourthUnassignmentIsRefusedByTheNamedRule() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        for (int count = 1; count <= 3; count++) {
            assertThat(router.unassignJob("j1", assign("j1", "w1")).unassignmentCount()).isEqualTo(count);
        }
        String fourth = assign("j1", "w1");
        assertThatThrownBy(() -> router.unassignJob("j1", fourth)).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(e.rule()).isEqualTo("a job is unassigned at most three times");
            assertThat(e.getMessage()).contains("job j1 is ASSIGNED", "unassigned 3 times");
        });
        assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.ASSIGNED);
        router.completeJob("j1", fourth);
        router.closeJob("j1", fourth);
        assertThat(router.getWorker("w1").assignedJobs()).isEmpty();
    }

    @Test
    void withSuspendMatchingTheJobWaitsUntilQueuedAgain() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        router.unassignJob("j1", assign("j1", "w1"), true);

        RouterJob job = router.getJob("j1");
        assertThat(job.status()).isEqualTo(JobStatus.WAITING_FOR_ACTIVATION);
        assertThat(job.matchingMode()).isEqualTo(new SuspendMode());
        assertThat(events.of(JobWaitingForActivation.class)).hasSize(1);
        assertThat(router.getWorker("w1").offers()).isEmpty();

        router.job("j1").matchingMode(new QueueAndMatchMode()).upsert();
        assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
    }

    @Test
    void anUnassignedAssignmentCanNoLongerBeCompletedClosedOrUnassigned() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        String first = assign("j1", "w1");
        router.unassignJob("j1", first);
        String second = assign("j1", "w1");
        for (Runnable stale : List.<Runnable>of(() -> router.completeJob("j1", first),
                () -> router.closeJob("j1", first), () -> router.unassignJob("j1", first))) {
            assertThatThrownBy(stale::run).isInstanceOfSatisfying(RouterException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                assertThat(e.getMessage()).contains("job j1 has no current assignment " + first + ": it was unassigned");
            });
        }
        assertThat(router.completeJob("j1", second).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void onlyAnAssignedJobCanBeUnassigned() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        String assignment = assign("j1", "w1");
        router.completeJob("j1", assignment);
        assertThatThrownBy(() -> router.unassignJob("j1", assignment)).isInstanceOfSatisfying(RouterException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.rule()).isEqualTo("only an assigned job can be unassigned");
                });
    }

    @Test
    void userRulesCanRefuseAnUnassignment() {
        try (JobRouter ruled = Fixtures.router(UserRulesTest.HEADER + """
                rule "vip jobs stay with their worker"
                when
                    UnassignJob($jobId : jobId)
                    RouterJob(id == $jobId, labels["vip"] == true)
                then
                    insert(new Refusal("a VIP keeps the worker who took the call"));
                end
                """)) {
            voiceWorker(ruled, "w1");
            ruled.job("j1").channel("voice").queue("q1").label("vip", true).upsert();
            String assignment = ruled.acceptJobOffer("w1", onlyOffer(ruled, "w1").offerId()).assignmentId();
            assertThatThrownBy(() -> ruled.unassignJob("j1", assignment))
                    .isInstanceOfSatisfying(RouterException.class,
                            e -> assertThat(e.rule()).isEqualTo("vip jobs stay with their worker"));
        }
    }
}
