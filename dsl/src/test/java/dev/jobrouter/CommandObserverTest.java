package dev.jobrouter;

import static dev.jobrouter.Fixtures.OFFER_TTL;
import static dev.jobrouter.Fixtures.router;
import static dev.jobrouter.Fixtures.setUp;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.CancelJob;
import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.host.Subscription;
import dev.jobrouter.core.model.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Observing callers' commands (for metrics), and counting jobs by status. */
class CommandObserverTest {
    private record Told(String command, long nanos, RouterException refusal) {}

    @Test
    void anObserverHearsEachCallersCommandWithItsDecisionTimeAndRefusal() {
        try (JobRouter router = router(UserRulesTest.VIP_JOBS_STAY)) {
            setUp(router);
            List<Told> told = new ArrayList<>();
            Subscription subscription = router.onCommand((command, nanos, refusal) ->
                    told.add(new Told(command.getClass().getSimpleName(), nanos, refusal)));
            router.job("j1").channel("voice").queue("q1").label("vip", true).upsert();
            assertThatThrownBy(() -> router.cancelJob("j1")).isInstanceOf(RouterException.class);
            assertThatThrownBy(() -> router.cancelJob("nobody")).isInstanceOf(RouterException.class);

            assertThat(told).extracting(Told::command).containsExactly(UpsertJob.class.getSimpleName(),
                    CancelJob.class.getSimpleName(), CancelJob.class.getSimpleName());
            assertThat(told).allSatisfy(t -> assertThat(t.nanos()).isPositive());
            assertThat(told.get(0).refusal()).isNull();
            assertThat(told.get(1).refusal().rule()).isEqualTo("VIP jobs are never cancelled");
            assertThat(told.get(2).refusal().code()).isEqualTo(ErrorCode.NOT_FOUND);

            subscription.cancel();
            voiceJob(router, "j2");
            assertThat(told).as("cancelled").hasSize(3);
        }
    }

    @Test
    void timersCommandsAreNotCallersAndAThrowingObserverIsSkipped() {
        try (JobRouter router = router()) {
            setUp(router);
            voiceWorker(router, "w1");
            List<String> told = new ArrayList<>();
            router.onCommand((command, nanos, refusal) -> {
                throw new IllegalStateException("a broken observer");
            });
            router.onCommand((command, nanos, refusal) -> told.add(command.getClass().getSimpleName()));
            voiceJob(router, "j1");
            router.advanceBy(OFFER_TTL.plusSeconds(1));   // the offer expires: a timer's command
            assertThat(told).containsExactly(UpsertJob.class.getSimpleName());
            assertThat(router.getJob("j1").status()).as("the broken observer changed nothing").isEqualTo(JobStatus.QUEUED);
        }
    }

    @Test
    void jobsAreCountedByStatusFromTheIndex() {
        try (JobRouter router = router()) {
            setUp(router);
            assertThat(router.countJobsByStatus()).isEmpty();
            voiceJob(router, "j1");
            voiceJob(router, "j2");
            router.cancelJob("j2");
            assertThat(router.countJobsByStatus()).isEqualTo(Map.of(JobStatus.QUEUED, 1, JobStatus.CANCELLED, 1));
            router.deleteJob("j2");
            assertThat(router.countJobsByStatus()).isEqualTo(Map.of(JobStatus.QUEUED, 1));
        }
    }
}
