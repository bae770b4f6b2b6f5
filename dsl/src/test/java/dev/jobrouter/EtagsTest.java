package dev.jobrouter;

import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterWorker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every stored entity has an etag that every change replaces and reads leave alone; ifMatch guards upserts. */
class EtagsTest {
    private final JobRouter router = Fixtures.router();

    @AfterEach
    void tearDown() {
        router.close();
    }

    @Test
    void everyEntityHasAnEtagThatReadsDoNotChange() {
        router.classificationPolicy("cp").fallbackQueue("q1").upsert();
        voiceWorker(router, "w1");
        voiceJob(router, "j1");

        List<String> etags = List.of(router.getJob("j1").etag(), router.getWorker("w1").etag(),
                router.getQueue("q1").etag(), router.getDistributionPolicy("p1").etag(),
                router.getClassificationPolicy("cp").etag());
        assertThat(etags).doesNotContainNull().doesNotHaveDuplicates();

        router.listJobs();
        router.getJobOffers("j1");
        router.snapshot();
        assertThat(List.of(router.getJob("j1").etag(), router.getWorker("w1").etag(), router.getQueue("q1").etag(),
                router.getDistributionPolicy("p1").etag(), router.getClassificationPolicy("cp").etag()))
                .isEqualTo(etags);
    }

    @Test
    void everyTransitionReplacesTheEtagsOfWhatItChanges() {
        voiceWorker(router, "w1");
        Set<String> seen = new HashSet<>();
        Function<RouterJob, String> fresh = job -> {
            assertThat(seen.add(job.etag())).as("a fresh etag for %s", job.status()).isTrue();
            return job.etag();
        };
        String workerBefore = router.getWorker("w1").etag();
        fresh.apply(voiceJob(router, "j1"));
        String workerOffered = router.getWorker("w1").etag();
        assertThat(workerOffered).as("issuing an offer changes the worker").isNotEqualTo(workerBefore);

        var assignment = router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId());
        fresh.apply(router.getJob("j1"));
        assertThat(router.getWorker("w1").etag()).as("an accept changes the worker").isNotEqualTo(workerOffered);
        fresh.apply(router.job("j1").label("survey", "sent").upsert());
        fresh.apply(router.completeJob("j1", assignment.assignmentId()));
        fresh.apply(router.closeJob("j1", assignment.assignmentId()));
    }

    @Test
    void anUpsertThatChangesNothingKeepsTheEtag() {
        router.classificationPolicy("cp").fallbackQueue("q1").upsert();
        voiceWorker(router, "w1");
        RouterJob job = router.job("j1").channel("voice").queue("q1").label("tier", "gold").upsert();
        RouterWorker worker = router.getWorker("w1");

        assertThat(router.job("j1").label("tier", "gold").upsert().etag()).isEqualTo(job.etag());
        assertThat(router.worker("w1").capacity(10).queues("q1").upsert().etag()).isEqualTo(worker.etag());
        String queue = router.getQueue("q1").etag();
        assertThat(router.queue("q1").distributionPolicy("p1").upsert().etag()).isEqualTo(queue);
        String policy = router.getDistributionPolicy("p1").etag();
        assertThat(router.distributionPolicy("p1").longestIdle().upsert().etag()).isEqualTo(policy);
        String classification = router.getClassificationPolicy("cp").etag();
        assertThat(router.classificationPolicy("cp").fallbackQueue("q1").upsert().etag()).isEqualTo(classification);

        assertThat(router.queue("q1").name("Sales").upsert().etag()).as("a change").isNotEqualTo(queue);
    }

    @Test
    void ifMatchWithTheCurrentEtagWritesAndWithAnOldOneFails() {
        RouterJob read = voiceJob(router, "j1");
        RouterJob written = router.job("j1").ifMatch(read.etag()).priority(5).upsert();
        assertThat(written.priority()).isEqualTo(5);

        assertThatThrownBy(() -> router.job("j1").ifMatch(read.etag()).priority(7).upsert())
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
                    assertThat(e.getMessage()).contains("job j1 changed since", written.etag());
                });
        assertThat(router.getJob("j1")).isEqualTo(written);
    }

    @Test
    void ifMatchGuardsEveryDefinition() {
        router.classificationPolicy("cp").upsert();
        voiceWorker(router, "w1");
        List<Runnable> stale = List.of(
                () -> router.job("j9").ifMatch("0").channel("voice").queue("q1").upsert(),
                () -> router.worker("w1").ifMatch("0").capacity(3).upsert(),
                () -> router.queue("q1").ifMatch("0").name("x").upsert(),
                () -> router.distributionPolicy("p1").ifMatch("0").name("x").upsert(),
                () -> router.classificationPolicy("cp").ifMatch("0").name("x").upsert());
        for (Runnable upsert : stale) {
            assertThatThrownBy(upsert::run).isInstanceOfSatisfying(RouterException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        }
        assertThat(router.worker("w1").ifMatch(router.getWorker("w1").etag()).capacity(3).upsert().capacity()).isEqualTo(3);
        assertThat(router.queue("q1").ifMatch(router.getQueue("q1").etag()).name("x").upsert().name()).isEqualTo("x");
        assertThat(router.distributionPolicy("p1").ifMatch(router.getDistributionPolicy("p1").etag()).name("x")
                .upsert().name()).isEqualTo("x");
        assertThat(router.classificationPolicy("cp").ifMatch(router.getClassificationPolicy("cp").etag()).name("x")
                .upsert().name()).isEqualTo("x");
    }

    @Test
    void etagsAreTheSameOnAReplayAndARefusedCallTakesNone() {
        List<String> first = etagsOfAScript(false);
        List<String> second = etagsOfAScript(true);
        assertThat(second).isEqualTo(first);
    }

    private static List<String> etagsOfAScript(boolean withRefusals) {
        try (JobRouter router = Fixtures.router()) {
            List<String> etags = new ArrayList<>();
            voiceWorker(router, "w1");
            if (withRefusals) {
                assertThatThrownBy(() -> router.queue("q2").distributionPolicy("nope").upsert())
                        .isInstanceOf(RouterException.class);
                assertThatThrownBy(() -> router.worker("w1").ifMatch("0").capacity(2).upsert())
                        .isInstanceOf(RouterException.class);
            }
            etags.add(voiceJob(router, "j1").etag());
            etags.add(router.getWorker("w1").etag());
            etags.add(router.queue("q2").distributionPolicy("p1").upsert().etag());
            return etags;
        }
    }
}
