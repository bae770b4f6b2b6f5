package dev.jobrouter.simulator;

import dev.jobrouter.DistributionPolicyDefinition;
import dev.jobrouter.JobRouter;
import dev.jobrouter.WorkerDefinition;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.simulation.Arrivals;
import dev.jobrouter.simulation.LabelMix;
import dev.jobrouter.simulation.RateProfile;
import dev.jobrouter.simulation.Simulation;
import dev.jobrouter.simulation.TimeDistribution;
import dev.jobrouter.simulation.WorkerBehaviour;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A checked scenario: its settings with defaults filled in, and how to build its router and its
 * simulation. Every problem is a {@link ScenarioException} naming the field ({@code arrivals[0].perHour[1].from}).
 */
final class ScenarioSetup {
    static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");   // a Monday

    private final Scenario scenario;
    private final Path file;
    private final Instant start;
    private final Duration duration;
    private final long seed;
    private final Duration interval;
    private final Duration serviceLevel;
    private final List<Path> rules;
    private final List<Arrivals> arrivals = new ArrayList<>();
    private final WorkerBehaviour behaviour;

    /**
     * @param file where the scenario was read from: its DRL paths are relative to its directory
     * @param seedOverride the command's {@code --seed}, or {@code null}
     * @param hoursOverride the command's {@code --hours}, or {@code null}
     */
    ScenarioSetup(Scenario scenario, Path file, Long seedOverride, Double hoursOverride) {
        this.scenario = scenario;
        this.file = file;
        this.start = scenario.start() == null ? DEFAULT_START : field("start", () -> Instant.parse(scenario.start()));
        double hours = hoursOverride != null ? hoursOverride : scenario.hours() != null ? scenario.hours() : 24;
        if (!(hours > 0) || hours > 24 * 366) {
            throw problem(hoursOverride != null ? "--hours" : "hours", "must be above 0 and at most a year of hours, not " + hours);
        }
        this.duration = Duration.ofMillis(Math.round(hours * 3_600_000));
        this.seed = seedOverride != null ? seedOverride : scenario.seed() != null ? scenario.seed() : 0;
        this.interval = duration("interval", scenario.interval(), Duration.ofMinutes(15));
        if (interval.isZero()) {
            throw problem("interval", "must be longer than zero, not " + scenario.interval());
        }
        this.serviceLevel = duration("serviceLevel", scenario.serviceLevel(), Duration.ofSeconds(20));
        Path directory = file.toAbsolutePath().getParent();
        this.rules = list(scenario.rules()).stream().map(directory::resolve).toList();
        required("distributionPolicies", scenario.distributionPolicies());
        required("queues", scenario.queues());
        List<Scenario.Arrival> streams = required("arrivals", scenario.arrivals());
        // The simulation's inputs are checked here, before any run starts; the router's definitions
        // are checked when the router is built, also before a run.
        for (int i = 0; i < streams.size(); i++) {
            arrivals.add(arrivals("arrivals[" + i + "]", streams.get(i)));
        }
        this.behaviour = behaviour();
    }

    String name() {
        return scenario.name() == null ? file.getFileName().toString() : scenario.name();
    }

    Instant start() {
        return start;
    }

    Duration duration() {
        return duration;
    }

    long seed() {
        return seed;
    }

    Duration serviceLevel() {
        return serviceLevel;
    }

    /** @return the scenario's DRL files, resolved against its directory */
    List<Path> rules() {
        return rules;
    }

    /**
     * Builds the scenario's router on a virtual clock at its start, with the given DRL files over the
     * built-in rules, and defines its policies, queues and workers.
     */
    JobRouter router(List<Path> drlFiles) {
        JobRouter.Builder builder = JobRouter.builder().virtualClock(start);
        drlFiles.forEach(builder::rulesFrom);
        JobRouter router = builder.build();
        try {
            define(router);
            return router;
        } catch (RuntimeException e) {
            router.close();
            throw e;
        }
    }

    /** @return a simulation of the scenario's traffic on {@code router} */
    Simulation simulation(JobRouter router) {
        Simulation simulation = Simulation.of(router).seed(seed).interval(interval).serviceLevelThreshold(serviceLevel)
                .workers(behaviour);
        arrivals.forEach(simulation::arrivals);
        return simulation;
    }

    // ---- the router's definitions

    private void define(JobRouter router) {
        List<Scenario.Policy> policies = scenario.distributionPolicies();
        for (int i = 0; i < policies.size(); i++) {
            Scenario.Policy policy = policies.get(i);
            String at = "distributionPolicies[" + i + "]";
            field(at, () -> {
                DistributionPolicyDefinition definition = router.distributionPolicy(required(at + ".id", policy.id()))
                        .offerExpiresAfter(duration(at + ".offerExpiresAfter", policy.offerExpiresAfter(), Duration.ofSeconds(30)));
                String mode = policy.mode() == null ? "longestIdle" : policy.mode();
                switch (mode) {
                    case "longestIdle" -> definition.longestIdle();
                    case "roundRobin" -> definition.roundRobin();
                    case "bestWorker" -> definition.bestWorker();
                    default -> throw problem(at + ".mode", "must be longestIdle, roundRobin or bestWorker, not " + mode);
                }
                definition.minConcurrentOffers(orDefault(policy.minConcurrentOffers(), 1))
                        .maxConcurrentOffers(orDefault(policy.maxConcurrentOffers(), 1))
                        .upsert();
                return null;
            });
        }
        List<Scenario.Queue> queues = scenario.queues();
        for (int i = 0; i < queues.size(); i++) {
            Scenario.Queue queue = queues.get(i);
            String at = "queues[" + i + "]";
            field(at, () -> router.queue(required(at + ".id", queue.id()))
                    .distributionPolicy(required(at + ".distributionPolicy", queue.distributionPolicy()))
                    .labels(orDefault(queue.labels(), Map.of())).upsert());
        }
        List<Scenario.WorkerGroup> groups = list(scenario.workers());
        for (int i = 0; i < groups.size(); i++) {
            Scenario.WorkerGroup group = groups.get(i);
            String at = "workers[" + i + "]";
            String prefix = required(at + ".id", group.id());
            int count = orDefault(group.count(), 1);
            if (count < 0 || count > 100_000) {
                throw problem(at + ".count", "must be between 0 and 100000, not " + count);
            }
            List<String> serves = required(at + ".queues", group.queues());
            for (int n = 1; n <= count; n++) {
                String workerId = prefix + "-" + n;
                field(at, () -> {
                    WorkerDefinition worker = router.worker(workerId).capacity(orDefault(group.capacity(), 1))
                            .queues(serves.toArray(String[]::new)).labels(orDefault(group.labels(), Map.of()))
                            .availableForOffers(true);
                    orDefault(group.channels(), Map.of("voice", 1)).forEach(worker::channel);
                    return worker.upsert();
                });
            }
        }
    }

    // ---- the simulation's inputs

    private Arrivals arrivals(String at, Scenario.Arrival stream) {
        List<Scenario.RateStep> steps = required(at + ".perHour", stream.perHour());
        List<RateProfile.Step> profile = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Scenario.RateStep step = steps.get(i);
            String stepAt = at + ".perHour[" + i + "]";
            LocalTime from = field(stepAt + ".from", () -> LocalTime.parse(required(stepAt + ".from", step.from())));
            profile.add(field(stepAt, () -> new RateProfile.Step(from, required(stepAt + ".rate", step.rate()))));
        }
        Arrivals arrivals = field(at, () -> Arrivals.poisson(new RateProfile(profile))
                .queue(required(at + ".queue", stream.queue()))
                .channel(orDefault(stream.channel(), "voice"))
                .priority(orDefault(stream.priority(), 1)));
        List<Scenario.LabelVariant> given = list(stream.labels());
        if (!given.isEmpty()) {
            List<LabelMix.Variant> variants = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                Scenario.LabelVariant variant = given.get(i);
                String variantAt = at + ".labels[" + i + "]";
                double weight = required(variantAt + ".weight", variant.weight());
                variants.add(field(variantAt, () -> new LabelMix.Variant(weight, orDefault(variant.labels(), Map.of()))));
            }
            arrivals = arrivals.labels(new LabelMix(variants));
        }
        if (stream.patience() != null) {
            TimeDistribution patience = distribution(at + ".patience", stream.patience());
            arrivals = arrivals.abandonAfter(patience);
        }
        return arrivals;
    }

    private WorkerBehaviour behaviour() {
        Scenario.Behaviour given = scenario.behaviour();
        if (given == null) {
            return WorkerBehaviour.accepting(1);
        }
        WorkerBehaviour behaviour = field("behaviour", () -> WorkerBehaviour.accepting(orDefault(given.accepting(), 1.0))
                .ignoring(orDefault(given.ignoring(), 0.0)));
        if (given.respondAfter() != null) {
            behaviour = behaviour.respondAfter(distribution("behaviour.respondAfter", given.respondAfter()));
        }
        if (given.handleTime() != null) {
            behaviour = behaviour.handleTime(distribution("behaviour.handleTime", given.handleTime()));
        }
        if (given.wrapUp() != null) {
            behaviour = behaviour.wrapUp(distribution("behaviour.wrapUp", given.wrapUp()));
        }
        if (given.declineRetryAfter() != null) {
            // duration(..) refuses a negative one, the only one declineRetryAfter refuses.
            behaviour = behaviour.declineRetryAfter(duration("behaviour.declineRetryAfter", given.declineRetryAfter(), null));
        }
        return behaviour;
    }

    private TimeDistribution distribution(String at, Scenario.Distribution given) {
        int set = (given.fixed() != null ? 1 : 0) + (given.exponential() != null ? 1 : 0) + (given.uniform() != null ? 1 : 0);
        if (set != 1) {
            throw problem(at, "needs exactly one of fixed, exponential or uniform, not " + set);
        }
        if (given.fixed() != null) {
            return field(at, () -> TimeDistribution.fixed(duration(at + ".fixed", given.fixed(), null)));
        }
        if (given.exponential() != null) {
            return field(at, () -> TimeDistribution.exponential(duration(at + ".exponential", given.exponential(), null)));
        }
        if (given.uniform().size() != 2) {
            throw problem(at + ".uniform", "needs two durations, min and max, not " + given.uniform().size());
        }
        return field(at, () -> TimeDistribution.uniform(duration(at + ".uniform[0]", given.uniform().get(0), null),
                duration(at + ".uniform[1]", given.uniform().get(1), null)));
    }

    // ---- checking helpers

    private Duration duration(String at, String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        Duration parsed = field(at, () -> Duration.parse(text));
        if (parsed.isNegative()) {
            throw problem(at, "must not be negative, not " + text);
        }
        return parsed;
    }

    /** Runs a step that reads one field; its parse error or refusal becomes a problem naming the field. */
    private <T> T field(String at, Supplier<T> step) {
        try {
            return step.get();
        } catch (ScenarioException e) {
            throw e;
        } catch (DateTimeParseException e) {
            throw problem(at, "cannot be read: " + e.getMessage());
        } catch (RouterException e) {
            throw problem(at, e.getMessage());
        }
    }

    private <T> T required(String at, T value) {
        if (value == null || (value instanceof List<?> list && list.isEmpty())) {
            throw problem(at, "is required");
        }
        return value;
    }

    private ScenarioException problem(String at, String what) {
        return new ScenarioException(file + ": " + at + " " + what);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
