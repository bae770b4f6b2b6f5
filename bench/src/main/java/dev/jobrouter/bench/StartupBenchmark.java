package dev.jobrouter.bench;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.model.RouterJobOffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: in a fresh JVM (each fork), from {@code JobRouter.builder()} to the first offer. This
 * pays for loading Drools, reading the precompiled built-in rules and building the first rule networks.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class StartupBenchmark {

    @Benchmark
    public RouterJobOffer builderToFirstOffer() {
        try (JobRouter router = JobRouter.builder().virtualClock(Routers.T0).build()) {
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            router.worker("w1").capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();
            router.job("j1").channel("voice").queue("q1").upsert();
            return router.getWorker("w1").offers().get(0);
        }
    }
}
