package dev.jobrouter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobRouterMetricsTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final String VIPS_STAY = """
            package rules.vip;
            import dev.jobrouter.core.command.CancelJob;
            import dev.jobrouter.core.model.RouterJob;
            import dev.jobrouter.core.rules.Refusal;
            rule "VIP jobs are never cancelled"
            when
                CancelJob($jobId : jobId)
                RouterJob(id == $jobId, labels["vip"] == true)
            then
                insert(new Refusal("VIP jobs cannot be cancelled"));
            end
            """;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double offers(String outcome) {
        var counter = registry.find("jobrouter.offers").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).gauge().value();
    }

    @Test
    void queuesJobsOffersDecisionsAndRefusalsByRule() {
        try (JobRouter router = JobRouter.builder().virtualClock(T0).rules(VIPS_STAY).build();
                JobRouterMetrics metrics = new JobRouterMetrics(router)) {
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).longestIdle().upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            metrics.bindTo(registry);
            router.queue("q2").distributionPolicy("p1").upsert();   // after binding: gauged once a job queues there

            router.job("j1").channel("voice").queue("q1").upsert();
            router.job("j2").channel("voice").queue("q1").label("vip", true).upsert();
            router.job("j3").channel("voice").queue("q2").upsert();
            assertThat(gauge("jobrouter.queue.length", "queue", "q1")).isEqualTo(2);
            assertThat(gauge("jobrouter.queue.length", "queue", "q2")).isEqualTo(1);
            assertThat(gauge("jobrouter.jobs", "status", "QUEUED")).isEqualTo(3);

            router.worker("w1").capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();
            String offer = router.getWorker("w1").offers().get(0).offerId();
            AcceptJobOfferResult accepted = router.acceptJobOffer("w1", offer);
            router.completeJob(accepted.jobId(), accepted.assignmentId());
            router.closeJob(accepted.jobId(), accepted.assignmentId(), "done");
            router.advanceBy(Duration.ofMinutes(2));   // the next offer, to w1 again, expires
            assertThat(offers("issued")).isEqualTo(2);
            assertThat(offers("accepted")).isEqualTo(1);
            assertThat(offers("expired")).isEqualTo(1);
            assertThat(gauge("jobrouter.jobs", "status", "CLOSED")).isEqualTo(1);
            assertThat(gauge("jobrouter.queue.length", "queue", "q1")).isEqualTo(1);

            assertThat(accepted.jobId()).as("the longest waiting").isEqualTo("j1");
            assertThatThrownBy(() -> router.cancelJob("j2")).as("j2 is a VIP").isInstanceOf(RouterException.class);
            assertThatThrownBy(() -> router.cancelJob("nobody")).isInstanceOf(RouterException.class);
            assertThat(registry.get("jobrouter.refusals").tag("rule", "VIP jobs are never cancelled")
                    .tag("command", "CancelJob").counter().count()).isEqualTo(1);
            assertThat(registry.get("jobrouter.refusals").tag("rule", "none").tag("code", "NOT_FOUND").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get("jobrouter.command.decision").tag("command", "UpsertJob").timer().count())
                    .isEqualTo(3);
            assertThat(registry.get("jobrouter.command.decision").tag("command", "CancelJob").timer().count())
                    .isEqualTo(2);
        }
        assertThat(registry.getMeters()).as("closing removes every meter").isEmpty();
    }

    @Test
    void aDeletedQueuesGaugeGoesAtTheNextRefresh() {
        try (JobRouter router = JobRouter.builder().virtualClock(T0).build();
                JobRouterMetrics metrics = new JobRouterMetrics(router, Tags.of("router", "main"))) {
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            router.queue("gone").distributionPolicy("p1").upsert();
            metrics.bindTo(registry);
            assertThat(registry.get("jobrouter.queue.length").tag("router", "main").tag("queue", "gone").gauge().value())
                    .isZero();
            router.deleteQueue("gone");
            assertThat(registry.get("jobrouter.queue.length").tag("queue", "gone").gauge().value()).isNaN();
            metrics.refreshQueues();
            assertThat(registry.find("jobrouter.queue.length").tag("queue", "gone").gauge()).isNull();
            assertThat(registry.find("jobrouter.queue.length").tag("queue", "q1").gauge()).isNotNull();
            assertThatThrownBy(() -> metrics.bindTo(registry)).isInstanceOf(IllegalStateException.class);
        }
    }
}
