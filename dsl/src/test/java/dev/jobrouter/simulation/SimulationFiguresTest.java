package dev.jobrouter.simulation;

import static dev.jobrouter.simulation.RateProfileTest.assertInvalid;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.model.RouterJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures the simulator command reports: labels, rate profiles, waits, service level, breakdowns, intervals. */
class SimulationFiguresTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** A virtual-clock router with queues q1 and q2 and {@code workers} one-job voice workers serving both. */
    private static JobRouter router(int workers, String... drl) {
        JobRouter.Builder builder = JobRouter.builder().virtualClock(T0);
        for (String source : drl) {
            builder.rules(source);
        }
        JobRouter router = builder.build();
        router.distributionPolicy("p1").offerExpiresAfter(ofMinutes(1)).upsert();
        router.queue("q1").distributionPolicy("p1").upsert();
        router.queue("q2").distributionPolicy("p1").upsert();
        for (int i = 1; i <= workers; i++) {
            router.worker("w" + i).capacity(1).channel("voice", 1).queues("q1", "q2").availableForOffers(true).upsert();
        }
        return router;
    }

    /** One worker, a job every 10 minutes answered after 30 s, 4 minutes of handling and 1 of wrap-up. */
    private static Simulation everyTenMinutes(JobRouter router) {
        return Simulation.of(router)
                .arrivals(Arrivals.every(ofMinutes(10)))
                .workers(WorkerBehaviour.accepting(1).respondAfter(ofSeconds(30)).handleTime(ofMinutes(4))
                        .wrapUp(ofMinutes(1)));
    }

    /**
     * Jobs at :10, :20 | :30, :40, :50, :60 (an arrival on a boundary belongs to the interval it
     * starts). Each holds the worker 5 minutes from 30 s after its arrival; the one at :60 is still
     * waiting at the end.
     */
    @Test
    void intervalFiguresAreTheOnesWorkedOutByHand() {
        try (JobRouter router = router(1)) {
            List<SimulationReport.IntervalFigures> streamed = new ArrayList<>();
            SimulationReport report = everyTenMinutes(router).interval(ofMinutes(30)).onInterval(streamed::add)
                    .run(Duration.ofHours(1));

            assertThat(report.intervals()).hasSize(2).isEqualTo(streamed);
            SimulationReport.IntervalFigures first = report.intervals().get(0);
            assertThat(first.start()).isEqualTo(T0);
            assertThat(first.length()).isEqualTo(ofMinutes(30));
            assertThat(List.of(first.arrived(), first.answered(), first.abandoned(), first.waitingAtEnd(),
                    first.maxWaiting(), first.offersIssued(), first.offersAccepted(), first.refusals()))
                    .containsExactly(2L, 2L, 0L, 0L, 1L, 2L, 2L, 0L);
            assertThat(first.meanAnsweredWait()).isEqualTo(ofSeconds(30));
            assertThat(first.utilisation()).isCloseTo(10.0 / 30, offset(1e-9));

            SimulationReport.IntervalFigures second = report.intervals().get(1);
            assertThat(second.start()).isEqualTo(T0.plus(ofMinutes(30)));
            assertThat(List.of(second.arrived(), second.answered(), second.waitingAtEnd(), second.offersIssued()))
                    .containsExactly(4L, 3L, 1L, 4L);
            assertThat(second.utilisation()).isCloseTo(15.0 / 30, offset(1e-9));
            // The intervals add up to the run.
            assertThat(report.utilisation()).isCloseTo(25.0 / 60, offset(1e-9));
        }
    }

    @Test
    void aHoldAcrossABoundaryCountsInBothIntervals() {
        try (JobRouter router = router(1)) {
            // Jobs at :10, :20...; answered at :10:30, held until :15:30. Intervals of 12 minutes cut the first hold.
            SimulationReport report = everyTenMinutes(router).interval(ofMinutes(12)).run(ofMinutes(24));

            assertThat(report.intervals()).extracting(SimulationReport.IntervalFigures::length)
                    .containsExactly(ofMinutes(12), ofMinutes(12));
            // 09:10:30 to 09:12 in the first; 09:12 to 09:15:30 and 09:20:30 to 09:24 in the second.
            assertThat(report.intervals().get(0).utilisation()).isCloseTo(1.5 / 12, offset(1e-9));
            assertThat(report.intervals().get(1).utilisation()).isCloseTo(7.0 / 12, offset(1e-9));
        }
    }

    @Test
    void theLastIntervalIsCutAtTheRunsEnd() {
        try (JobRouter router = router(1)) {
            SimulationReport report = everyTenMinutes(router).interval(ofMinutes(25)).run(Duration.ofHours(1));

            assertThat(report.intervals()).extracting(SimulationReport.IntervalFigures::length)
                    .containsExactly(ofMinutes(25), ofMinutes(25), ofMinutes(10));
            assertThat(report.intervals().stream().mapToLong(SimulationReport.IntervalFigures::arrived).sum())
                    .isEqualTo(report.jobs().created());
        }
    }

    @Test
    void aRunOfNoLengthHasOneEmptyInterval() {
        try (JobRouter router = router(1)) {
            SimulationReport report = everyTenMinutes(router).run(Duration.ZERO);

            assertThat(report.intervals()).singleElement().satisfies(only -> {
                assertThat(only.start()).isEqualTo(T0);
                assertThat(only.length()).isZero();
                assertThat(only.arrived()).isZero();
            });
            assertThat(report.jobs().created()).isZero();
        }
    }

    @Test
    void theServiceLevelCountsAnswersWithinTheThreshold() {
        try (JobRouter strict = router(1); JobRouter lenient = router(1)) {
            SimulationReport within20 = everyTenMinutes(strict).serviceLevelThreshold(ofSeconds(20)).run(Duration.ofHours(1));
            SimulationReport within30 = everyTenMinutes(lenient).serviceLevelThreshold(ofSeconds(30)).run(Duration.ofHours(1));

            assertThat(within20.callers().serviceLevel()).isZero();   // every answer took 30 s
            assertThat(within30.callers().serviceLevel()).isEqualTo(1.0);
            assertThat(within30.serviceLevelThreshold()).isEqualTo(ofSeconds(30));
            assertThat(within30.intervals().get(0).serviceLevel()).isEqualTo(1.0);
        }
    }

    /** No workers: every caller hangs up after its patience, drawn between 1 and 3 minutes. */
    @Test
    void abandonedCallersWaitsAreReportedAndNeverCountAsServed() {
        try (JobRouter router = router(0)) {
            SimulationReport report = Simulation.of(router).serviceLevelThreshold(Duration.ofHours(1))
                    .arrivals(Arrivals.every(ofMinutes(10)).abandonAfter(TimeDistribution.uniform(ofMinutes(1), ofMinutes(3))))
                    .run(Duration.ofHours(2));

            SimulationReport.CallerFigures callers = report.callers();
            assertThat(callers.answered()).isZero();
            assertThat(callers.abandoned()).isEqualTo(11);   // :10 to 1:50; the one at 2:00 still waits
            assertThat(callers.abandonedWaits().count()).isEqualTo(11);
            assertThat(callers.abandonedWaits().max()).isBetween(ofMinutes(1), ofMinutes(3));
            assertThat(callers.abandonedWaits().mean()).isStrictlyBetween(ofMinutes(1), ofMinutes(3));
            assertThat(callers.abandonedWaits().max()).isNotEqualTo(callers.abandonedWaits().p50());   // drawn, not fixed
            assertThat(callers.serviceLevel()).isZero();
            assertThat(report.jobs().cancelled()).isEqualTo(11);
        }
    }

    @Test
    void withNoCallerServedOrGoneTheServiceLevelIsNotANumber() {
        try (JobRouter router = router(0)) {
            SimulationReport report = Simulation.of(router).arrivals(Arrivals.every(ofMinutes(10))).run(ofMinutes(30));

            assertThat(report.callers().serviceLevel()).isNaN();
            assertThat(report.summary()).contains("service level: n/a answered within PT20S");
        }
    }

    @Test
    void arrivalsCarryTheirLabelMix() {
        try (JobRouter router = router(3)) {
            Simulation.of(router).seed(11)
                    .arrivals(Arrivals.poisson(Rate.perMinute(2))
                            .labels(LabelMix.of(3, Map.of("tier", "standard")).or(1, Map.of("tier", "vip", "vip", true))))
                    .run(Duration.ofHours(2));

            List<RouterJob> jobs = router.listJobs();
            long vips = jobs.stream().filter(job -> Boolean.TRUE.equals(job.labels().get("vip"))).count();
            assertThat(jobs).hasSizeGreaterThan(180);
            assertThat(jobs).allSatisfy(job -> assertThat(job.labels().get("tier")).isIn("standard", "vip"));
            assertThat((double) vips / jobs.size()).isBetween(0.15, 0.35);   // a quarter, drawn
        }
    }

    static final String NO_VIPS_IN_Q1 = """
            package com.example.rules;
            import dev.jobrouter.core.command.*;
            import dev.jobrouter.core.model.*;
            import dev.jobrouter.core.rules.*;
            rule "VIPs never wait in q1"
            when
                CreateJob()
                RouterJob(queueId == "q1", labels["vip"] == true)
            then
                insert(new Refusal("VIPs have a line of their own"));
            end
            """;

    @Test
    void aVipRuleIsSimulatedAndItsRefusalsAreCountedByRuleAndCommand() {
        try (JobRouter router = router(3, NO_VIPS_IN_Q1)) {
            SimulationReport report = Simulation.of(router).seed(3)
                    .arrivals(Arrivals.poisson(Rate.perMinute(1)).labels(LabelMix.of(1, Map.of()).or(1, Map.of("vip", true))))
                    .run(Duration.ofHours(2));

            SimulationReport.Refusal byTheVipRule =
                    new SimulationReport.Refusal("upsertJob", "VIPs never wait in q1", ErrorCode.CONFLICT);
            long refused = report.refusalsByRule().getOrDefault(byTheVipRule, 0L);
            assertThat(refused).isPositive();
            assertThat(router.listJobs()).isNotEmpty().noneMatch(job -> Boolean.TRUE.equals(job.labels().get("vip")));
            assertThat(report.refusals()).containsEntry(ErrorCode.CONFLICT, refused);
            assertThat(report.intervals().stream().mapToLong(SimulationReport.IntervalFigures::refusals).sum())
                    .isEqualTo(refused);
            assertThat(report.summary()).contains(refused + " x upsertJob refused by rule \"VIPs never wait in q1\" (CONFLICT)");
        }
    }

    @Test
    void aLateAnswerIsARefusalWithoutARuleUnderItsCommand() {
        try (JobRouter router = router(1)) {
            SimulationReport report = Simulation.of(router)
                    .arrivals(Arrivals.every(Duration.ofHours(1)))
                    .workers(WorkerBehaviour.accepting(1).respondAfter(ofSeconds(90)).rejoinAfter(null))
                    .run(Duration.ofHours(1).plus(ofMinutes(5)));

            assertThat(report.refusalsByRule()).hasSize(1);
            SimulationReport.Refusal refusal = report.refusalsByRule().keySet().iterator().next();
            assertThat(refusal.command()).isEqualTo("acceptJobOffer");
            assertThat(refusal.code()).isEqualTo(report.refusals().keySet().iterator().next());
        }
    }

    @Test
    void callersAreBrokenDownByQueueAndPriority() {
        try (JobRouter router = router(1)) {
            SimulationReport report = Simulation.of(router)
                    .arrivals(Arrivals.every(ofMinutes(10)).queue("q1").priority(1))
                    .arrivals(Arrivals.every(ofMinutes(15)).queue("q2").priority(5).abandonAfter(ofSeconds(10)))
                    .workers(WorkerBehaviour.accepting(1).respondAfter(ofSeconds(30)).handleTime(ofMinutes(1)))
                    .run(Duration.ofHours(1));

            // q1: :10 ... :60 answered after 30 s but the last (still waiting); q2: :15, :30, :45, :60 hang up
            // after 10 s, before the 30 s answer.
            assertThat(report.byQueue().keySet()).containsExactlyInAnyOrder("q1", "q2");
            SimulationReport.CallerFigures q1 = report.byQueue().get("q1");
            SimulationReport.CallerFigures q2 = report.byQueue().get("q2");
            assertThat(List.of(q1.answered(), q1.abandoned(), q2.answered(), q2.abandoned()))
                    .containsExactly(5L, 0L, 0L, 3L);
            assertThat(q2.abandonedWaits().max()).isEqualTo(ofSeconds(10));
            assertThat(report.byPriority().get(1)).isEqualTo(q1);
            assertThat(report.byPriority().get(5)).isEqualTo(q2);
            assertThat(report.summary()).contains("by queue:").contains("q2: 0 answered").contains("priority 5:");
        }
    }

    @Test
    void arrivalsFollowTheirRateProfileOverTheDay() {
        try (JobRouter router = router(5)) {
            // Quiet until 10:00, 120 an hour until 11:00, quiet again: from 09:00 for three hours.
            RateProfile peak = RateProfile.startingAt(LocalTime.MIDNIGHT, 0).from(LocalTime.of(10, 0), 120)
                    .from(LocalTime.of(11, 0), 0);
            SimulationReport report = Simulation.of(router).seed(8).interval(Duration.ofHours(1))
                    .arrivals(Arrivals.poisson(peak)).run(Duration.ofHours(3));

            assertThat(report.intervals()).extracting(SimulationReport.IntervalFigures::arrived)
                    .satisfiesExactly(
                            before -> assertThat(before).isZero(),
                            during -> assertThat(during).isBetween(85L, 155L),
                            after -> assertThat(after).isZero());
        }
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        SimulationReport first;
        SimulationReport second;
        try (JobRouter a = router(2); JobRouter b = router(2)) {
            first = aMixedHour(a);
            second = aMixedHour(b);
        }
        assertThat(second).isEqualTo(first);
        assertThat(first.intervals()).hasSize(4);
    }

    private static SimulationReport aMixedHour(JobRouter router) {
        return Simulation.of(router).seed(99)
                .arrivals(Arrivals.poisson(RateProfile.constant(Rate.perMinute(3)))
                        .labels(LabelMix.of(1, Map.of("a", 1)).or(2, Map.of("a", 2)))
                        .abandonAfter(TimeDistribution.exponential(ofMinutes(2))))
                .workers(WorkerBehaviour.accepting(0.9).handleTime(TimeDistribution.exponential(ofMinutes(2))))
                .run(Duration.ofHours(1));
    }

    /** The summary is for logs and comparisons: the same text whatever the default locale's digits and decimal mark. */
    @Test
    void theSummaryReadsTheSameUnderEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            List<String> summaries = new ArrayList<>();
            for (String locale : List.of("en", "de-DE", "ar-EG")) {
                Locale.setDefault(Locale.forLanguageTag(locale));
                try (JobRouter router = router(1)) {
                    summaries.add(aMixedHour(router).summary());
                }
            }
            assertThat(summaries.get(0)).contains("service level: ").containsPattern("[0-9]\\.[0-9]%");
            assertThat(summaries).containsOnly(summaries.get(0));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void badSettingsAreRefusedWithAClearError() {
        try (JobRouter router = router(1)) {
            assertInvalid(() -> Simulation.of(router).interval(Duration.ZERO), "the interval must be a positive duration");
            assertInvalid(() -> Simulation.of(router).interval(null), "the interval must be a positive duration");
            assertInvalid(() -> Simulation.of(router).serviceLevelThreshold(ofSeconds(-1)),
                    "the service level threshold must be zero or more");
            assertInvalid(() -> Simulation.of(router).onInterval(null), "the interval listener must not be null");
            assertInvalid(() -> Simulation.of(router).run(Duration.ofSeconds(Long.MAX_VALUE)),
                    "the simulated duration PT2562047788015215H30M7S from 2026-01-05T09:00:00Z runs past");
            assertInvalid(() -> LabelMix.of(0, Map.of()), "a label variant needs a finite weight above 0");
            assertInvalid(() -> LabelMix.of(1, null), "the labels of a variant must not be null");
            assertInvalid(() -> LabelMix.of(1, Map.of("when", Instant.EPOCH)), "label when of a variant must have a string");
            assertInvalid(() -> Arrivals.every(ofMinutes(1)).labels((LabelMix) null), "the label mix must not be null");
            assertInvalid(() -> Arrivals.every(ofMinutes(1)).abandonAfter((TimeDistribution) null),
                    "the patience distribution must not be null");
            assertThat(router.now()).isEqualTo(T0);
        }
    }
}
