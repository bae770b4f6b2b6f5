package dev.jobrouter.bench;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.command.DeleteJob;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.RouterJobOffer;
import java.time.Duration;
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
 * One job's whole life per operation, on one thread: create (the matcher offers it to the idle
 * worker), accept, complete, close with an immediate release, delete. Rules decide every step: six
 * decisions (create, issue offer, accept, complete, close, delete). The delete keeps the router at a
 * steady size, so the figure does not drift with a growing heap; it is one more decision than the
 * lifecycle the targets name, so the figure is conservative.
 *
 * <p>{@code engine} runs on the engine with the built-in DRL ({@code drools}) or with the hand-written
 * baseline ({@code java}); {@code dsl} runs the Drools router through the public {@link JobRouter} API.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// Five forks: fork medians of the same variant differ by up to 30% on a shared machine, and the ratio
// of the two engine variants is a target, so its median needs more than three.
@Fork(value = 5, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LifecycleBenchmark {

    @State(Scope.Thread)
    public static class Engine {
        @Param({"drools", "java"})
        String rules;

        LocalHost engine;
        long next;

        @Setup(Level.Trial)
        public void setUp() {
            engine = Routers.engine(rules);
            Routers.worker(engine, "w1");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    @State(Scope.Thread)
    public static class Dsl {
        JobRouter router;
        long next;

        @Setup(Level.Trial)
        public void setUp() {
            router = JobRouter.builder().virtualClock(Routers.T0).build();
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofHours(1)).upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            router.worker("w1").capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            router.close();
        }
    }

    @Benchmark
    public Object engine(Engine state) {
        return Routers.lifecycle(state.engine, "job-" + state.next++);
    }

    @Benchmark
    public Object dsl(Dsl state) {
        JobRouter router = state.router;
        String jobId = "job-" + state.next++;
        router.job(jobId).channel("voice").queue("q1").upsert();
        RouterJobOffer offer = router.getWorker("w1").offers().get(0);
        AcceptJobOfferResult accepted = router.acceptJobOffer("w1", offer.offerId());
        router.completeJob(jobId, accepted.assignmentId());
        router.closeJob(jobId, accepted.assignmentId(), "done");
        router.deleteJob(jobId);
        return accepted;
    }
}
