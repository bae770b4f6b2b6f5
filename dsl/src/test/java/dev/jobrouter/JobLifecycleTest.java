package dev.jobrouter;

import static dev.jobrouter.Fixtures.T0;
import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.Fixtures.Events;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.JobClosed;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobNote;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobLifecycleTest {
    private final JobRouter router = Fixtures.router();
    private final Events events = Events.of(router);

    @BeforeEach
    void setUp() {
        voiceWorker(router, "w1");
        voiceJob(router, "j1");
        events.clear();
    }

    @AfterEach
    void tearDown() {
        router.close();
    }

    private String accept() {
        return router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId()).assignmentId();
    }

    private static void assertConflict(ThrowingCallable call, String rule, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.getMessage()).contains(messageParts);
        });
    }

    @Test
    void closingAnAssignedJobCompletesItFirstAndReleasesAtOnce() {
        String assignmentId = accept();

        RouterJob closed = router.closeJob("j1", assignmentId, "done");

        assertThat(closed.status()).isEqualTo(JobStatus.CLOSED);
        assertThat(closed.assignments().get(assignmentId).completedAt()).isEqualTo(T0);
        assertThat(closed.assignments().get(assignmentId).closedAt()).isEqualTo(T0);
        assertThat(router.getWorker("w1").usedCapacity()).isZero();
        assertThat(events.names()).containsExactly("OfferAccepted", "JobCompleted", "JobClosed");
    }

    @Test
    void completeNeedsAnAssignedJob() {
        String assignmentId = accept();
        router.completeJob("j1", assignmentId);

        assertConflict(() -> router.completeJob("j1", assignmentId), "only an assigned job can be completed",
                "job j1 is COMPLETED", "completeJob needs ASSIGNED");
    }

    @Test
    void completeAddsTheNote() {
        String assignmentId = accept();

        router.completeJob("j1", assignmentId, "wrapped up");

        assertThat(router.getJob("j1").notes()).containsExactly(new RouterJobNote("wrapped up", T0));
    }

    @Test
    void aJobIsClosedOnlyOnce() {
        String assignmentId = accept();
        router.closeJob("j1", assignmentId, "done", T0.plus(Duration.ofHours(1)));

        assertConflict(() -> router.closeJob("j1", assignmentId), "a job is closed only once",
                "job j1 is COMPLETED with a pending close");
        router.advanceBy(Duration.ofHours(1));
        assertConflict(() -> router.closeJob("j1", assignmentId), "only an assigned or completed job can be closed",
                "job j1 is CLOSED", "closeJob needs ASSIGNED or COMPLETED");
    }

    @Test
    void aCloseTimeInThePastReleasesAtOnce() {
        String assignmentId = accept();
        router.advanceBy(Duration.ofMinutes(5));

        RouterJob closed = router.closeJob("j1", assignmentId, "done", T0);

        assertThat(closed.status()).isEqualTo(JobStatus.CLOSED);
        assertThat(events.of(JobClosed.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(T0.plus(Duration.ofMinutes(5))));
    }

    @Test
    void cancellingAQueuedJobRevokesItsOffersWithTheDefaultDisposition() {
        RouterJob cancelled = router.cancelJob("j1");

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.dispositionCode()).isEqualTo("Cancelled");
        assertThat(router.getWorker("w1").offers()).isEmpty();
        assertThat(events.names()).containsExactly("JobCancelled", "OfferRevoked");
    }

    @Test
    void cancellingAnAssignedJobReleasesTheCapacity() {
        accept();
        voiceJob(router, "j2");

        router.cancelJob("j1", "abandoned");

        assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(onlyOffer(router, "w1").jobId()).as("the capacity took the next job").isEqualTo("j2");
    }

    @Test
    void cancellingAJobWithAPendingCloseReleasesNowAndTheCloseNeverHappens() {
        String assignmentId = accept();
        Instant releaseAt = T0.plus(Duration.ofHours(1));
        router.closeJob("j1", assignmentId, "done", releaseAt);

        router.cancelJob("j1");
        router.advanceTo(releaseAt.plusSeconds(1));

        assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(router.getWorker("w1").usedCapacity()).isZero();
        assertThat(events.of(JobClosed.class)).isEmpty();
    }

    @Test
    void aTerminalJobCannotBeCancelled() {
        router.cancelJob("j1");

        assertConflict(() -> router.cancelJob("j1"), "a closed or cancelled job cannot be cancelled",
                "job j1 is CANCELLED", "cancelJob");
    }

    @Test
    void aJobHoldingCapacityCannotBeDeleted() {
        String assignmentId = accept();
        assertConflict(() -> router.deleteJob("j1"), "a job holding capacity cannot be deleted", "job j1 is ASSIGNED");

        router.closeJob("j1", assignmentId, "done", T0.plus(Duration.ofHours(1)));
        assertConflict(() -> router.deleteJob("j1"), "a job holding capacity cannot be deleted",
                "job j1 is COMPLETED with a pending close");

        router.advanceBy(Duration.ofHours(1));
        router.deleteJob("j1");
        assertThat(router.listJobs()).isEmpty();
    }

    @Test
    void deletingRemovesEveryTraceSoTheIdCanBeReused() {
        router.declineJobOffer("w1", onlyOffer(router, "w1").offerId());
        router.cancelJob("j1");

        router.deleteJob("j1");
        assertThatThrownBy(() -> router.getJobOffers("j1")).isInstanceOf(RouterException.class);

        voiceJob(router, "j1");
        assertThat(onlyOffer(router, "w1").jobId()).as("the old decline went with the old job").isEqualTo("j1");
        assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.QUEUED);
        assertThat(router.getJobOffers("j1")).hasSize(1);
    }

    @Test
    void anExistingJobsPriorityLabelsAndTagsCanChange() {
        router.job("j1").priority(50).label("vip", true).tag("crm", "123").upsert();

        RouterJob job = router.getJob("j1");
        assertThat(job.priority()).isEqualTo(50);
        assertThat(job.labels()).containsEntry("vip", true);
        assertThat(job.tags()).containsEntry("crm", "123");
        assertThat(events.names()).containsExactly("JobUpdated");
    }

    @Test
    void aJobCannotMoveToAnotherQueueOrChannel() {
        router.queue("q2").distributionPolicy("p1").upsert();

        assertThatThrownBy(() -> router.job("j1").queue("q2").upsert())
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("queue of job j1 is q1");
                });
    }
}
