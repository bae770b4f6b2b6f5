package dev.jobrouter.examples;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.jobrouter.JobRouter;
import dev.jobrouter.simulation.Arrivals;
import dev.jobrouter.simulation.Rate;
import dev.jobrouter.simulation.Simulation;
import dev.jobrouter.simulation.SimulationReport;
import dev.jobrouter.simulation.TimeDistribution;
import dev.jobrouter.simulation.WorkerBehaviour;
import java.time.Duration;
import java.time.Instant;

/**
 * Tries a rule against a simulated working day before it goes live: the same traffic, from the same
 * seed, on the built-in rules and on the built-in rules plus a mandatory two-minute wrap-up, and the
 * two reports side by side.
 */
public final class SimulateYourRules {

    /** The rule under test: whatever the agent asks, the capacity is released two minutes after a close. */
    static final String MANDATORY_WRAP_UP = """
            package com.example.rules;

            import dev.jobrouter.core.command.*;
            import dev.jobrouter.core.rules.*;

            rule "two minutes of wrap-up after every close"
            when
                CloseJob()
                Now($now : instant)
            then
                insert(new ReleaseCapacityAt($now.plusSeconds(120)));
            end
            """;

    private SimulateYourRules() {}

    public static void main(String[] args) {
        System.out.println("== Built-in rules ==");
        System.out.println(simulateDay(JobRouter.builder()).summary());
        System.out.println();
        System.out.println("== Built-in rules + \"two minutes of wrap-up after every close\" ==");
        System.out.println(simulateDay(JobRouter.builder().rules("wrap-up.drl", MANDATORY_WRAP_UP)).summary());
    }

    /** Eight hours of a 12-agent voice queue: 2 calls a minute, 4 minutes to handle on average. */
    static SimulationReport simulateDay(JobRouter.Builder builder) {
        try (JobRouter router = builder.virtualClock(Instant.parse("2026-01-05T09:00:00Z")).build()) {
            router.distributionPolicy("p1").offerExpiresAfter(ofSeconds(30)).upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            for (int i = 1; i <= 12; i++) {
                router.worker("agent-" + i).capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();
            }
            long started = System.nanoTime();
            SimulationReport report = Simulation.of(router)
                    .seed(42)
                    .arrivals(Arrivals.poisson(Rate.perMinute(2)).channel("voice").queue("q1").abandonAfter(ofMinutes(5)))
                    .workers(WorkerBehaviour.accepting(0.95).respondAfter(ofSeconds(5))
                            .handleTime(TimeDistribution.exponential(ofMinutes(4))).wrapUp(ofSeconds(30)))
                    .run(Duration.ofHours(8));
            System.out.printf("(8 simulated hours took %d ms of wall clock)%n", (System.nanoTime() - started) / 1_000_000);
            return report;
        }
    }
}
