package dev.jobrouter.bench;

import dev.jobrouter.core.command.DeleteJob;
import dev.jobrouter.core.command.UpsertDistributionPolicy;
import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.command.UpsertQueue;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.RouterWorkerSelector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing stage's three figures, Drools deciding:
 *
 * <ul>
 *   <li>{@code selectedJobArrives}: a job with three worker selectors (an equal, a
 *       greater-than-or-equal, a not-equal) that 1% of its queue's {@code workers} satisfy is created
 *       and offered; the figure is the ratio between 100,000 and 1,000 workers.
 *   <li>{@code unfitJobArrives}: the same, for a job no worker fits; without the label index it would
 *       walk every worker of the queue.
 *   <li>{@code plainLifecycle} against {@code classifiedLifecycle}: one job's whole life, the second
 *       through a classification policy (a pass-through queue selector, a static worker selector
 *       attachment, an MVEL prioritization rule) into a round-robin queue; run in one JVM, the
 *       figure is their throughput ratio.
 *   <li>{@code bestWorkerJobArrives}: a job offered by default best-worker scoring over 1,000
 *       fitting idle workers.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RoutingBenchmark {

    private static final List<RouterWorkerSelector> ONE_PERCENT = List.of(
            RouterWorkerSelector.equal("Language", "l0"),
            RouterWorkerSelector.greaterThanOrEqual("Skill", 5),
            RouterWorkerSelector.notEqual("Region", "none"));
    private static final List<RouterWorkerSelector> NOBODY = List.of(
            RouterWorkerSelector.equal("Language", "none"),
            RouterWorkerSelector.greaterThanOrEqual("Skill", 5),
            RouterWorkerSelector.notEqual("Region", "none"));

    @State(Scope.Thread)
    public static class SelectedWorkers {
        @Param({"1000", "100000"})
        int workers;

        LocalHost engine;
        long next;
        String jobId;

        @Setup(Level.Trial)
        public void populate() {
            engine = Routers.engine("drools");
            // Language l0 for 2% of them, Skill 5 or more for half: 1% satisfy all three selectors, spread
            // evenly through the longest-idle order.
            for (int i = 0; i < workers; i++) {
                Routers.labelledWorker(engine, "w" + i, "q1", Map.of("Language", "l" + (i % 50), "Skill", (i / 50) % 10,
                        "Region", "eu"));
            }
        }

        @TearDown(Level.Invocation)
        public void deleteTheJob() {
            engine.execute(new DeleteJob(jobId));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    @Benchmark
    public void selectedJobArrives(SelectedWorkers state) {
        state.jobId = "job-" + state.next++;
        state.engine.execute(new UpsertJob(state.jobId, "voice", "q1", null, Map.of(), Map.of(), null, ONE_PERCENT));
    }

    /** The same job asking for a language nobody speaks: with the label index, a look-up of an empty set. */
    @Benchmark
    public void unfitJobArrives(SelectedWorkers state) {
        state.jobId = "job-" + state.next++;
        state.engine.execute(new UpsertJob(state.jobId, "voice", "q1", null, Map.of(), Map.of(), null, NOBODY));
    }

    @State(Scope.Thread)
    public static class Lifecycles {
        LocalHost plain;
        LocalHost classified;
        long next;

        @Setup(Level.Trial)
        public void populate() {
            plain = Routers.engine("drools");
            Routers.worker(plain, "w1");

            classified = Routers.classifiedEngine();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            plain.close();
            classified.close();
        }
    }

    @Benchmark
    public AcceptJobOfferResult plainLifecycle(Lifecycles state) {
        return Routers.lifecycle(state.plain, "job-" + state.next++);
    }

    @Benchmark
    public AcceptJobOfferResult classifiedLifecycle(Lifecycles state) {
        return Routers.classifiedLifecycle(state.classified, "job-" + state.next++);
    }

    @State(Scope.Thread)
    public static class ScoredWorkers {
        LocalHost engine;
        long next;
        String jobId;

        @Setup(Level.Trial)
        public void populate() {
            engine = Routers.engine("drools");
            engine.execute(new UpsertDistributionPolicy("best", null, Duration.ofHours(1), DistributionMode.BEST_WORKER,
                    null, null));
            engine.execute(new UpsertQueue("scored", null, "best", Map.of()));
            for (int i = 0; i < 1_000; i++) {
                Routers.labelledWorker(engine, "w" + i, "scored", Map.of("Language", i % 2 == 0 ? "en" : "fr", "Skill", i % 10));
            }
        }

        @TearDown(Level.Invocation)
        public void deleteTheJob() {
            engine.execute(new DeleteJob(jobId));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    @Benchmark
    public void bestWorkerJobArrives(ScoredWorkers state) {
        state.jobId = "job-" + state.next++;
        state.engine.execute(new UpsertJob(state.jobId, "voice", "scored", null, Map.of("Language", "en"), Map.of(),
                null, List.of(RouterWorkerSelector.greaterThanOrEqual("Skill", 0))));
    }
}
