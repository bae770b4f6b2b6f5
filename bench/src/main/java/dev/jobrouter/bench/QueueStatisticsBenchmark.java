package dev.jobrouter.bench;

import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobPositionDetails;
import dev.jobrouter.core.model.RouterQueueStatistics;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
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
 * A caller's view of a queue of {@code queued} jobs (no workers, priorities 1 to 10): a random job's
 * position, and the queue's statistics, next to the lookup of a random job as the floor, through the
 * router and in a plain JDK map. The figure is the ratio between 1,000,000 and 1,000 jobs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The heap's pages are touched at start: without that, the first pass of allocation through a fresh
// eden pays a page fault every 4 KiB, and the thousand-job figures swung between 35 and 260 ns a
// lookup, by whether the last GC had come yet.
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class QueueStatisticsBenchmark {

    @State(Scope.Thread)
    public static class Queue {
        @Param({"1000", "1000000"})
        int queued;

        LocalHost engine;
        /** The same ids in a plain JDK map, each to its job: the floor without the router around it. */
        final Map<String, RouterJob> plainMap = new HashMap<>();
        final SplittableRandom random = new SplittableRandom(7);

        @Setup(Level.Trial)
        public void populate() {
            engine = Routers.engine("drools");
            for (int i = 0; i < queued; i++) {
                engine.execute(new UpsertJob("job-" + i, "voice", "q1", 1 + random.nextInt(10), Map.of(), Map.of()));
            }
            for (int i = 0; i < queued; i++) {
                String jobId = "job-" + i;
                plainMap.put(jobId, engine.read(engine -> engine.getJob(jobId)));
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    /**
     * The floor under {@link #queuePosition}: finding a random job among as many. In a million this
     * alone costs cache misses (the map's table, its node, the job) that no position index removes.
     */
    @Benchmark
    public RouterJob jobLookup(Queue state) {
        String jobId = "job-" + state.random.nextInt(state.queued);
        return state.engine.read(engine -> engine.getJob(jobId));
    }

    /**
     * The floor under {@link #jobLookup}: a {@link HashMap} get of a fresh id string, no router. Its
     * ratio between a million and a thousand is this machine's memory latency, which no index changes.
     */
    @Benchmark
    public RouterJob hashMapLookup(Queue state) {
        return state.plainMap.get("job-" + state.random.nextInt(state.queued));
    }

    @Benchmark
    public RouterJobPositionDetails queuePosition(Queue state) {
        String jobId = "job-" + state.random.nextInt(state.queued);
        return state.engine.read(engine -> engine.getQueuePosition(jobId));
    }

    @Benchmark
    public RouterQueueStatistics queueStatistics(Queue state) {
        return state.engine.read(engine -> engine.getQueueStatistics("q1", Routers.T0));
    }
}
