package dev.jobrouter.bench;

import dev.jobrouter.core.command.DeleteJob;
import dev.jobrouter.core.internal.host.LocalHost;
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
 * How the cost of issuing one offer grows with the population, Drools deciding. Two directions:
 *
 * <ul>
 *   <li>{@code jobArrives}: a job is queued while {@code idleWorkers} idle workers wait in its queue;
 *       the call creates it and the matcher offers it to the longest idle one. An unmeasured teardown
 *       deletes it again, freeing the worker.
 *   <li>{@code workerArrives}: a worker becomes available while {@code queuedJobs} jobs wait; the call
 *       registers it and the matcher offers it the first job in queue order. An unmeasured teardown
 *       deregisters it, which revokes the offer.
 * </ul>
 * The figure is the ratio between the largest and the smallest population.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MatchingScaleBenchmark {

    @State(Scope.Thread)
    public static class IdleWorkers {
        @Param({"100", "10000", "100000"})
        int idleWorkers;

        LocalHost engine;
        long next;
        String jobId;

        @Setup(Level.Trial)
        public void populate() {
            engine = Routers.engine("drools");
            for (int i = 0; i < idleWorkers; i++) {
                Routers.worker(engine, "w" + i);
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

    @State(Scope.Thread)
    public static class QueuedJobs {
        @Param({"100", "100000"})
        int queuedJobs;

        LocalHost engine;

        @Setup(Level.Trial)
        public void populate() {
            engine = Routers.engine("drools");
            for (int i = 0; i < queuedJobs; i++) {
                Routers.job(engine, "job-" + i);
            }
            Routers.worker(engine, "w1");
            Routers.setAvailable(engine, "w1", false);
        }

        @TearDown(Level.Invocation)
        public void deregister() {
            Routers.setAvailable(engine, "w1", false);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    @Benchmark
    public void jobArrives(IdleWorkers state) {
        state.jobId = "job-" + state.next++;
        Routers.job(state.engine, state.jobId);
    }

    @Benchmark
    public void workerArrives(QueuedJobs state) {
        Routers.setAvailable(state.engine, "w1", true);
    }
}
