package dev.jobrouter.bench;

import dev.jobrouter.JobRouter;
import dev.jobrouter.simulation.Arrivals;
import dev.jobrouter.simulation.Rate;
import dev.jobrouter.simulation.Simulation;
import dev.jobrouter.simulation.SimulationReport;
import dev.jobrouter.simulation.TimeDistribution;
import dev.jobrouter.simulation.WorkerBehaviour;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A simulated day on the virtual clock with the {@link Simulation} API: about 100,000 jobs (Poisson,
 * 100,000 a day) for 500 workers who accept 95% of offers after 5 s, handle for 5 minutes on average
 * (exponential) and wrap up for 30 s; callers hang up after 10 minutes of waiting. Every transition is
 * decided by the built-in rules and the simulation checks the invariants after every step. The score
 * is the wall-clock time of one day; simulated hours per second are 24 divided by it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class SimulatedDayBenchmark {
    static final int WORKERS = 500;
    static final double JOBS_PER_DAY = 100_000;

    private JobRouter router;
    private SimulationReport last;

    @Setup(Level.Iteration)
    public void setUp() {
        router = JobRouter.builder().virtualClock(Routers.T0).build();
        router.distributionPolicy("p1").offerExpiresAfter(Duration.ofSeconds(30)).upsert();
        router.queue("q1").distributionPolicy("p1").upsert();
        for (int i = 0; i < WORKERS; i++) {
            router.worker("agent-" + i).capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();
        }
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        if (!last.invariantViolations().isEmpty()) {
            throw new IllegalStateException("the simulated day broke invariants: " + last.invariantViolations());
        }
        router.close();
    }

    @Benchmark
    public SimulationReport day() {
        last = Simulation.of(router)
                .seed(42)
                .arrivals(Arrivals.poisson(Rate.perHour(JOBS_PER_DAY / 24)).abandonAfter(Duration.ofMinutes(10)))
                .workers(WorkerBehaviour.accepting(0.95).respondAfter(Duration.ofSeconds(5))
                        .handleTime(TimeDistribution.exponential(Duration.ofMinutes(5))).wrapUp(Duration.ofSeconds(30)))
                .run(Duration.ofDays(1));
        return last;
    }
}
