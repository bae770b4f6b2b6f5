package dev.jobrouter.bench;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerAssignment;
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
 * The latency of single commands in a loaded router: 100,000 queued jobs and 10,000 registered
 * workers taking one job at a time, through the public API with the built-in rules. Workers are taken
 * in turn; before each measured call an unmeasured setup brings the next worker to the state the
 * command needs (an open offer, an assigned job, a completed job) by running the earlier steps of its
 * cycle. Every closed job is replaced by a new one, so the queue stays at 100,000.
 *
 * <p>The measured close releases the capacity at once, so it includes matching the freed worker to
 * the next queued job; the measured decline includes offering the decliner another job.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CommandLatencyBenchmark {
    static final int JOBS = 100_000;
    static final int WORKERS = 10_000;

    /** Where a worker stands in its cycle. */
    enum Step { OFFERED, ASSIGNED, COMPLETED }

    /** The loaded router and the worker the next measured call is for. */
    @State(Scope.Thread)
    public static class Population {
        JobRouter router;
        long nextJob;
        int cursor;
        String worker;
        String jobId;
        String offerId;
        String assignmentId;

        @Setup(Level.Trial)
        public void populate() {
            router = JobRouter.builder().virtualClock(Routers.T0).build();
            router.distributionPolicy("p1").offerExpiresAfter(Duration.ofDays(1)).upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            for (int i = 0; i < WORKERS; i++) {
                router.worker("w" + i).capacity(1).channel("voice", 1).queues("q1").availableForOffers(true).upsert();
            }
            for (int i = 0; i < JOBS; i++) {
                newJob();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            router.close();
        }

        void newJob() {
            router.job("job-" + nextJob++).channel("voice").queue("q1").upsert();
        }

        /** Takes the next worker and runs its cycle until it stands at {@code wanted}. */
        void nextWorkerAt(Step wanted) {
            worker = "w" + cursor;
            cursor = (cursor + 1) % WORKERS;
            for (Step step = stepOfWorker(); step != wanted; step = stepOfWorker()) {
                switch (step) {
                    case OFFERED -> assignmentId = router.acceptJobOffer(worker, offerId).assignmentId();
                    case ASSIGNED -> router.completeJob(jobId, assignmentId);
                    case COMPLETED -> {
                        router.closeJob(jobId, assignmentId);
                        newJob();
                    }
                }
            }
        }

        /** Reads where the worker stands and remembers its offer or job. */
        private Step stepOfWorker() {
            RouterWorker current = router.getWorker(worker);
            if (!current.offers().isEmpty()) {
                RouterJobOffer offer = current.offers().get(0);
                offerId = offer.offerId();
                jobId = offer.jobId();
                return Step.OFFERED;
            }
            if (current.assignedJobs().isEmpty()) {
                newJob();   // it declined every queued job: give it a fresh one
                return stepOfWorker();
            }
            RouterWorkerAssignment held = current.assignedJobs().get(0);
            jobId = held.jobId();
            assignmentId = held.assignmentId();
            return router.getJob(jobId).status() == JobStatus.ASSIGNED ? Step.ASSIGNED : Step.COMPLETED;
        }
    }

    // JMH hands a helper method its own instance of a state, so each prepared state keeps the
    // population it prepared and the benchmark methods reach the router through it.

    @State(Scope.Thread)
    public static class Offered {
        Population population;

        @Setup(Level.Invocation)
        public void prepare(Population population) {
            this.population = population;
            population.nextWorkerAt(Step.OFFERED);
        }
    }

    @State(Scope.Thread)
    public static class Assigned {
        Population population;

        @Setup(Level.Invocation)
        public void prepare(Population population) {
            this.population = population;
            population.nextWorkerAt(Step.ASSIGNED);
        }
    }

    @State(Scope.Thread)
    public static class Completed {
        Population population;

        @Setup(Level.Invocation)
        public void prepare(Population population) {
            this.population = population;
            population.nextWorkerAt(Step.COMPLETED);
        }

        @TearDown(Level.Invocation)
        public void replace() {
            population.newJob();
        }
    }

    @Benchmark
    public Object accept(Offered ready) {
        Population p = ready.population;
        return p.router.acceptJobOffer(p.worker, p.offerId);
    }

    @Benchmark
    public Object complete(Assigned ready) {
        Population p = ready.population;
        return p.router.completeJob(p.jobId, p.assignmentId);
    }

    @Benchmark
    public Object close(Completed ready) {
        Population p = ready.population;
        return p.router.closeJob(p.jobId, p.assignmentId);
    }

    @Benchmark
    public void decline(Offered ready) {
        Population p = ready.population;
        p.router.declineJobOffer(p.worker, p.offerId);
    }
}
