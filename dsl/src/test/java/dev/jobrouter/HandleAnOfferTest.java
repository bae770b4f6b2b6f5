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
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobNote;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each step of the seed how-to "Handle an offer", in-process, on a virtual clock. */
class HandleAnOfferTest {
    private JobRouter router;
    private Events events;

    @BeforeEach
    void setUp() {
        router = Fixtures.router();
        events = Events.of(router);
        voiceWorker(router, "edmonton");
        voiceJob(router, "j1");
    }

    @AfterEach
    void tearDown() {
        router.close();
    }

    @Test
    void queryTheWorkerToObserveTheJobOffers() {
        RouterWorker worker = router.getWorker("edmonton");

        assertThat(worker.offers()).hasSize(1);
        RouterJobOffer offer = worker.offers().get(0);
        assertThat(offer.jobId()).isEqualTo("j1");
        assertThat(offer.capacityCost()).isEqualTo(10);
        assertThat(offer.offeredAt()).isEqualTo(T0);
        assertThat(offer.expiresAt()).isEqualTo(T0.plus(Fixtures.OFFER_TTL));
        assertThat(worker.usedCapacity()).as("an open offer holds capacity").isEqualTo(10);
    }

    @Test
    void acceptAJobOffer() {
        RouterJobOffer offer = router.getWorker("edmonton").offers().get(0);

        AcceptJobOfferResult result = router.acceptJobOffer("edmonton", offer.offerId());

        assertThat(result.jobId()).isEqualTo("j1");
        assertThat(result.workerId()).isEqualTo("edmonton");
        RouterJob job = router.getJob("j1");
        assertThat(job.status()).isEqualTo(JobStatus.ASSIGNED);
        assertThat(job.assignments()).containsOnlyKeys(result.assignmentId());
        RouterWorker worker = router.getWorker("edmonton");
        assertThat(worker.offers()).isEmpty();
        assertThat(worker.assignedJobs()).singleElement().satisfies(a -> assertThat(a.jobId()).isEqualTo("j1"));
        assertThat(worker.usedCapacity()).isEqualTo(10);
    }

    @Test
    void declineAJobOffer() {
        voiceWorker(router, "calgary");
        RouterJobOffer offer = onlyOffer(router, "edmonton");

        router.declineJobOffer("edmonton", offer.offerId());

        assertThat(router.getWorker("edmonton").offers()).isEmpty();
        assertThat(router.getWorker("edmonton").usedCapacity()).isZero();
        assertThat(onlyOffer(router, "calgary").jobId()).as("the job goes to the next fitting worker").isEqualTo("j1");
        assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void completeAJob() {
        RouterJobOffer offer = onlyOffer(router, "edmonton");
        String assignmentId = router.acceptJobOffer("edmonton", offer.offerId()).assignmentId();

        router.completeJob(offer.jobId(), assignmentId);

        RouterJob job = router.getJob("j1");
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.assignments().get(assignmentId).completedAt()).isEqualTo(T0);
        assertThat(router.getWorker("edmonton").usedCapacity()).as("wrap-up keeps the capacity").isEqualTo(10);
        assertThat(events.names()).contains("JobCompleted");
    }

    @Test
    void closeAJobReleasingTheCapacityOneDayLater() {
        voiceJob(router, "j2");
        RouterJobOffer offer = onlyOffer(router, "edmonton");
        String assignmentId = router.acceptJobOffer("edmonton", offer.offerId()).assignmentId();
        router.completeJob(offer.jobId(), assignmentId);
        Instant releaseAt = router.now().plus(Duration.ofDays(1));

        router.closeJob(offer.jobId(), assignmentId, "job completed", releaseAt);

        RouterJob pending = router.getJob("j1");
        assertThat(pending.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(pending.dispositionCode()).isEqualTo("job completed");
        assertThat(pending.closePending()).isTrue();
        assertThat(pending.assignments().get(assignmentId).releaseAt()).isEqualTo(releaseAt);

        router.advanceTo(releaseAt.minusNanos(1));
        assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(router.getWorker("edmonton").usedCapacity()).isEqualTo(10);
        assertThat(events.of(JobClosed.class)).isEmpty();
        assertThat(router.getWorker("edmonton").offers()).as("j2 waits for the capacity").isEmpty();

        router.advanceTo(releaseAt);
        RouterJob closed = router.getJob("j1");
        assertThat(closed.status()).isEqualTo(JobStatus.CLOSED);
        assertThat(closed.assignments().get(assignmentId).closedAt()).isEqualTo(releaseAt);
        assertThat(events.of(JobClosed.class)).singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(releaseAt));
        assertThat(onlyOffer(router, "edmonton").jobId()).as("the freed capacity takes the next job").isEqualTo("j2");
        assertThat(events.of(OfferIssued.class).get(1).at()).isEqualTo(releaseAt);
    }

    @Test
    void closeAJobWithANote() {
        RouterJobOffer offer = onlyOffer(router, "edmonton");
        String assignmentId = router.acceptJobOffer("edmonton", offer.offerId()).assignmentId();
        Instant releaseAt = T0.plus(Duration.ofHours(1));

        router.closeJob("j1", assignmentId, "job completed", releaseAt, "customer happy");

        assertThat(router.getJob("j1").notes()).containsExactly(new RouterJobNote("customer happy", T0));
    }

    @Test
    void cancelAJob() {
        RouterJobOffer offer = onlyOffer(router, "edmonton");

        RouterJob cancelled = router.cancelJob(offer.jobId(), "job cancelled", "should recreate later");

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.dispositionCode()).isEqualTo("job cancelled");
        assertThat(cancelled.notes()).extracting(RouterJobNote::message).containsExactly("should recreate later");
        assertThat(router.getWorker("edmonton").offers()).as("its open offer is revoked").isEmpty();
        assertThat(router.getWorker("edmonton").usedCapacity()).isZero();
        assertThat(events.names()).containsSubsequence("JobCancelled", "OfferRevoked");
    }

    @Test
    void deleteAJob() {
        RouterJobOffer offer = onlyOffer(router, "edmonton");

        router.deleteJob(offer.jobId());

        assertThatThrownBy(() -> router.getJob("j1"))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(router.listJobs()).isEmpty();
        assertThat(router.getWorker("edmonton").offers()).isEmpty();
        assertThat(events.names()).containsSubsequence("OfferRevoked", "JobDeleted");
    }

    @Test
    void theWholeFlowReadsAsOneChain() {
        RouterJob closed = router.offersFor("edmonton").first().accept().complete("done").close("resolved");

        assertThat(closed.status()).isEqualTo(JobStatus.CLOSED);
        assertThat(closed.dispositionCode()).isEqualTo("resolved");
        assertThat(router.getWorker("edmonton").usedCapacity()).isZero();
        assertThat(events.names()).containsSubsequence("JobReceived", "JobQueued", "OfferIssued", "OfferAccepted",
                "JobCompleted", "JobClosed");
    }
}
