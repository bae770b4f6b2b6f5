package dev.jobrouter.simulator;

import java.util.List;
import java.util.Map;

/**
 * A scenario file as written: every field optional unless said otherwise, durations in ISO-8601
 * ({@code "PT4M"}), times of day as {@code "08:30"}. {@link ScenarioFile} reads and checks it;
 * {@link ScenarioSetup} turns it into a router and a simulation.
 *
 * @param name a title for the reports
 * @param start the virtual clock's first instant, ISO-8601; default {@code 2026-01-05T00:00:00Z}
 * @param hours how many hours to simulate; default 24
 * @param seed the seed of every random draw; default 0
 * @param interval the length of the report's intervals; default {@code PT15M}
 * @param serviceLevel the wait within which an answer counts as served; default {@code PT20S}
 * @param rules DRL files, relative to the scenario file, added to the built-in rules
 * @param distributionPolicies the distribution policies, at least one
 * @param queues the queues, at least one
 * @param workers groups of identical workers
 * @param arrivals streams of arriving jobs, at least one
 * @param behaviour how the workers answer and handle jobs
 */
record Scenario(String name, String start, Double hours, Long seed, String interval, String serviceLevel,
        List<String> rules, List<Policy> distributionPolicies, List<Queue> queues, List<WorkerGroup> workers,
        List<Arrival> arrivals, Behaviour behaviour) {

    /**
     * @param id required
     * @param mode {@code longestIdle} (default), {@code roundRobin} or {@code bestWorker}
     * @param offerExpiresAfter how long an offer stays open; default {@code PT30S}
     * @param minConcurrentOffers default 1
     * @param maxConcurrentOffers default 1
     */
    record Policy(String id, String mode, String offerExpiresAfter, Integer minConcurrentOffers,
            Integer maxConcurrentOffers) {}

    /**
     * @param id required
     * @param distributionPolicy the id of one of the scenario's policies; required
     * @param labels the queue's labels
     */
    record Queue(String id, String distributionPolicy, Map<String, Object> labels) {}

    /**
     * {@code count} workers named {@code <id>-1} to {@code <id>-<count>}.
     *
     * @param id the name prefix; required
     * @param count how many; default 1
     * @param capacity each one's capacity; default 1
     * @param channels channel id to the capacity a job on it costs; default {@code {"voice": 1}}
     * @param queues the queues they serve; required
     * @param labels their labels, for worker selectors and rules
     */
    record WorkerGroup(String id, Integer count, Integer capacity, Map<String, Integer> channels, List<String> queues,
            Map<String, Object> labels) {}

    /**
     * @param queue the queue jobs arrive in; required
     * @param channel default {@code voice}
     * @param priority default 1
     * @param perHour the arrival rate over the day, a step per time of day; required
     * @param labels the label mix: each arrival draws one variant by weight; default none
     * @param patience how long callers wait before hanging up; default forever
     */
    record Arrival(String queue, String channel, Integer priority, List<RateStep> perHour, List<LabelVariant> labels,
            Distribution patience) {}

    /**
     * @param from a time of day, {@code "08:00"}
     * @param rate arrivals an hour from then on
     */
    record RateStep(String from, Double rate) {}

    /**
     * @param weight how often, relative to the other variants
     * @param labels the labels it carries
     */
    record LabelVariant(Double weight, Map<String, Object> labels) {}

    /**
     * @param accepting the chance that an answered offer is accepted (else declined); default 1
     * @param ignoring the chance that an offer is left to expire; default 0
     * @param respondAfter how long a worker takes to answer; default at once
     * @param handleTime how long a job takes; default 5 minutes
     * @param wrapUp how long after completing the capacity is released; default none
     * @param declineRetryAfter after a decline, when the job may be offered to the same worker again;
     *     default never
     */
    record Behaviour(Double accepting, Double ignoring, Distribution respondAfter, Distribution handleTime,
            Distribution wrapUp, String declineRetryAfter) {}

    /**
     * A random length of time: exactly one of the three.
     *
     * @param fixed always this duration
     * @param exponential exponentially distributed with this mean
     * @param uniform two durations, min and max, both included
     */
    record Distribution(String fixed, String exponential, List<String> uniform) {}
}
