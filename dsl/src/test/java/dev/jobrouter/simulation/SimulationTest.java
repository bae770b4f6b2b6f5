package dev.jobrouter.simulation;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** A virtual-clock router with queue q1 (offers expire after a minute, up to 2 per job) and {@code workers} one-job voice workers. */
    private static JobRouter router(int workers, String... drl) {
        JobRouter.Builder builder = JobRouter.builder().virtualClock(T0);
        for (String source : drl) {
            builder.rules(source);
        }
        JobRouter router = builder.build();
        router.distributionPolicy("p1").offerExpiresAfter(ofMinutes(1)).maxConcurrentOffers(2).upsert();
        router.queue("q1").distributionPolicy("p1").upsert();
        for (int i = 1; i <= workers; i++) {
            router.worker("w" + i).capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();
        }
        return router;
    }

    private static SimulationReport busyDay(long seed) {
        try (JobRouter router = router(5)) {
            return Simulation.of(router).seed(seed)
                    .arrivals(Arrivals.poisson(Rate.perMinute(1)).abandonAfter(ofMinutes(3)))
                    .workers(WorkerBehaviour.accepting(0.8).ignoring(0.2).respondAfter(TimeDistribution.uniform(
                                    Duration.ZERO, ofSeconds(20)))
                            .handleTime(TimeDistribution.exponential(ofMinutes(4))).wrapUp(ofSeconds(30))
                            .declineRetryAfter(ofSeconds(30)))
                    .recordEvents(true)
                    .run(Duration.ofHours(2));
        }
    }

    @Test
    void theSameSeedReplaysTheSameEventsByteForByte() {
        SimulationReport first = busyDay(42);
        SimulationReport second = busyDay(42);

        assertThat(String.join("\n", second.eventLog())).isEqualTo(String.join("\n", first.eventLog()));
        assertThat(second).isEqualTo(first);
        assertThat(first.eventLog()).hasSizeGreaterThan(500);
        assertThat(busyDay(43).eventLog()).isNotEqualTo(first.eventLog());
    }

    @Test
    void aBusyRunExercisesEveryPathAndBreaksNoInvariant() {
        SimulationReport report = busyDay(7);

        assertThat(report.invariantViolations()).isEmpty();
        assertThat(report.jobs().created()).isBetween(80L, 160L);   // Poisson, 1 a minute for 2 hours
        assertThat(report.jobs().assigned()).isPositive();
        assertThat(report.jobs().cancelled()).isPositive();
        assertThat(report.offers().declined()).isPositive();
        assertThat(report.offers().expired()).isPositive();
        assertThat(report.offers().revoked()).isPositive();
        assertThat(report.utilisation()).isStrictlyBetween(0.0, 1.0);
        assertThat(report.waiting().p50()).isLessThanOrEqualTo(report.waiting().p95());
        assertThat(report.waiting().p95()).isLessThanOrEqualTo(report.waiting().max());
    }

    /**
     * One worker, a job every 10 minutes, answered after 30 s, handled in 4 minutes, 1 minute of
     * wrap-up. Over an hour: jobs at :10 to :60; the last one's offer is still unanswered at the end.
     */
    @Test
    void figuresOfASmallRunAreTheOnesWorkedOutByHand() {
        try (JobRouter router = router(1)) {
            SimulationReport report = Simulation.of(router)
                    .arrivals(Arrivals.every(ofMinutes(10)))
                    .workers(WorkerBehaviour.accepting(1).respondAfter(ofSeconds(30)).handleTime(ofMinutes(4))
                            .wrapUp(ofMinutes(1)))
                    .run(Duration.ofHours(1));

            assertThat(report.jobs()).isEqualTo(new SimulationReport.JobCounts(6, 5, 5, 5, 0));
            assertThat(report.offers()).isEqualTo(new SimulationReport.OfferCounts(6, 5, 0, 0, 0));
            assertThat(report.waiting()).isEqualTo(new SimulationReport.WaitingTimes(5, ofSeconds(30), ofSeconds(30),
                    ofSeconds(30), ofSeconds(30)));
            assertThat(report.jobsStillWaiting()).isEqualTo(1);
            // 5 jobs held the worker's whole capacity for 4 + 1 minutes each: 25 of 60 minutes.
            assertThat(report.utilisation()).isCloseTo(25.0 / 60, offset(1e-9));
            assertThat(report.refusals()).isEmpty();
            assertThat(report.invariantViolations()).isEmpty();
            assertThat(router.getJob("sim-job-5").status().name()).isEqualTo("CLOSED");
            assertThat(router.getJob("sim-job-5").assignments().values().iterator().next().closedAt())
                    .isEqualTo(T0.plus(ofMinutes(50 + 5)).plusSeconds(30));
        }
    }

    /**
     * A worker that never answers: each offer expires after a minute, the built-in rule deregisters
     * the worker, and it rejoins a minute later. One job at :10, run for 30 minutes: offers at :10,
     * :12 ... :30 (11), expiries at :11 ... :29 (10).
     */
    @Test
    void unansweredOffersExpireAndTheWorkerRejoins() {
        try (JobRouter router = router(1)) {
            SimulationReport report = Simulation.of(router)
                    .arrivals(Arrivals.every(ofMinutes(10)).abandonAfter(Duration.ofHours(1)))
                    .workers(WorkerBehaviour.accepting(1).ignoring(1))
                    .run(ofMinutes(30));

            assertThat(report.offers()).isEqualTo(new SimulationReport.OfferCounts(11, 0, 0, 10, 0));
            assertThat(report.invariantViolations()).isEmpty();
        }
    }

    /**
     * A worker that declines everything with a retry a minute later: each retry time brings the offer
     * back. One job at :10, run for 15 minutes: offered and declined at :10, :11 ... :15. Without the
     * retry it would be offered once.
     */
    @Test
    void aDeclineWithARetryTimeBringsTheOfferBack() {
        try (JobRouter router = router(1)) {
            SimulationReport report = Simulation.of(router)
                    .arrivals(Arrivals.every(ofMinutes(10)))
                    .workers(WorkerBehaviour.accepting(0).declineRetryAfter(ofMinutes(1)))
                    .run(ofMinutes(15));

            assertThat(report.offers()).isEqualTo(new SimulationReport.OfferCounts(6, 0, 6, 0, 0));
            assertThat(report.invariantViolations()).isEmpty();
        }
    }

    @Test
    void callersHangUpAfterTheirPatience() {
        try (JobRouter router = router(0)) {
            SimulationReport report = Simulation.of(router)
                    .arrivals(Arrivals.every(ofMinutes(10)).abandonAfter(ofMinutes(2)))
                    .run(ofMinutes(30));

            assertThat(report.jobs()).isEqualTo(new SimulationReport.JobCounts(3, 0, 0, 0, 2));
            assertThat(report.jobsStillWaiting()).isEqualTo(1);
            assertThat(router.getJob("sim-job-1").dispositionCode()).isEqualTo("Abandoned");
        }
    }

    @Test
    void answersAfterTheOfferExpiredAreCountedAsRefusals() {
        try (JobRouter router = router(1)) {
            SimulationReport report = Simulation.of(router)
                    .arrivals(Arrivals.every(Duration.ofHours(1)))
                    .workers(WorkerBehaviour.accepting(1).respondAfter(ofSeconds(90)).rejoinAfter(null))
                    .run(Duration.ofHours(1).plus(ofMinutes(5)));

            // The offer at 10:00 expires at 10:01, the worker is deregistered, its accept at 10:01:30 is refused.
            assertThat(report.offers()).isEqualTo(new SimulationReport.OfferCounts(1, 0, 0, 1, 0));
            assertThat(report.refusals()).isEqualTo(Map.of(ErrorCode.CONFLICT, 1L));
        }
    }

    /** @return DRL that keeps every worker {@code seconds} after a close */
    private static String wrapUpRule(int seconds) {
        return """
                package com.example.rules;
                import dev.jobrouter.core.command.*;
                import dev.jobrouter.core.rules.*;
                rule "wrap-up after every close"
                when
                    CloseJob()
                    Now($now : instant)
                then
                    insert(new ReleaseCapacityAt($now.plusSeconds(SECONDS)));
                end
                """.replace("SECONDS", Integer.toString(seconds));   // not %d: a locale may have its own digits
    }

    @Test
    void userRulesShowInTheReport() {
        try (JobRouter plain = router(1); JobRouter withRule = router(1, wrapUpRule(120))) {
            SimulationReport without = hourOfOneJobEveryTenMinutes(plain);
            SimulationReport with = hourOfOneJobEveryTenMinutes(withRule);

            assertThat(without.utilisation()).isCloseTo(25.0 / 60, offset(1e-9));
            assertThat(with.utilisation()).isCloseTo(30.0 / 60, offset(1e-9));
        }
    }

    @Test
    void differentRulesSeeTheSameCallsFromTheSameSeed() {
        try (JobRouter plain = router(3); JobRouter slow = router(3, wrapUpRule(300))) {
            List<String> plainCalls = arrivals(plain);
            List<String> slowCalls = arrivals(slow);

            assertThat(plainCalls).hasSizeGreaterThan(50).isEqualTo(slowCalls);
        }
    }

    /** The JobReceived events of a Poisson hour with exponential handle times. */
    private static List<String> arrivals(JobRouter router) {
        return Simulation.of(router).seed(5).recordEvents(true)
                .arrivals(Arrivals.poisson(Rate.perMinute(1)))
                .workers(WorkerBehaviour.accepting(0.7).handleTime(TimeDistribution.exponential(ofMinutes(3))))
                .run(Duration.ofHours(1)).eventLog().stream().filter(line -> line.startsWith("JobReceived"))
                // Event numbers differ: the rules change how many events come between two arrivals.
                .map(line -> line.replaceFirst("sequence=\\d+, ", ""))
                .toList();
    }

    private static SimulationReport hourOfOneJobEveryTenMinutes(JobRouter router) {
        return Simulation.of(router)
                .arrivals(Arrivals.every(ofMinutes(10)))
                .workers(WorkerBehaviour.accepting(1).respondAfter(ofSeconds(30)).handleTime(ofMinutes(4))
                        .wrapUp(ofMinutes(1)))
                .run(Duration.ofHours(1));
    }

    @Test
    void badInputIsRefusedWithAClearError() {
        try (JobRouter realTime = JobRouter.inMemory(); JobRouter router = router(1)) {
            assertInvalid(() -> Simulation.of(realTime), "a simulation needs a router on a virtual clock");
            assertInvalid(() -> Simulation.of(null), "the router to simulate must not be null");
            assertInvalid(() -> Simulation.of(router).run(ofSeconds(-1)), "the simulated duration must be zero or more");
            assertInvalid(() -> Simulation.of(router).arrivals(null), "arrivals must not be null");
            assertInvalid(() -> WorkerBehaviour.accepting(1.5), "accepting must be a probability between 0 and 1");
            assertInvalid(() -> WorkerBehaviour.accepting(Double.NaN), "accepting must be a probability");
            assertInvalid(() -> Rate.perMinute(0), "a rate must be a finite number above 0");
            assertInvalid(() -> Arrivals.every(Duration.ZERO), "the arrival interval must be a positive duration");
            assertInvalid(() -> Arrivals.every(ofMinutes(1)).queue(" "), "queueId must not be null or blank");
            assertInvalid(() -> Arrivals.every(ofMinutes(1)).priority(101), "priority must be between -100 and 100");
            assertInvalid(() -> TimeDistribution.uniform(ofSeconds(2), ofSeconds(1)), "a uniform distribution needs min <= max");
            assertInvalid(() -> TimeDistribution.fixed(null), "a fixed duration must not be null");
        }
    }

    @Test
    void arrivalsInAMissingQueueAreRefusedNotThrown() {
        try (JobRouter router = router(1)) {
            SimulationReport report = Simulation.of(router).arrivals(Arrivals.every(ofMinutes(10)).queue("nowhere"))
                    .run(ofMinutes(30));

            assertThat(report.jobs().created()).isZero();
            assertThat(report.refusals()).isEqualTo(Map.of(ErrorCode.INVALID_ARGUMENT, 3L));
        }
    }

    private static void assertInvalid(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).startsWith(message);
        });
    }
}
