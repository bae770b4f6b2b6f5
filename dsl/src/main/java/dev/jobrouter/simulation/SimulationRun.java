package dev.jobrouter.simulation;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.event.JobCancelled;
import dev.jobrouter.core.event.JobClosed;
import dev.jobrouter.core.event.JobCompleted;
import dev.jobrouter.core.event.JobReceived;
import dev.jobrouter.core.event.OfferAccepted;
import dev.jobrouter.core.event.OfferDeclined;
import dev.jobrouter.core.event.OfferExpired;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.event.WorkerDeregistered;
import dev.jobrouter.core.host.Subscription;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * One run of a {@link Simulation}. Simulated callers and workers act through an agenda of timed
 * actions; the loop moves the router's clock to whichever comes first, the next action or the
 * router's next timer, so that no reaction is ever scheduled in the past. Reactions to events are
 * only scheduled, never run inside the event handling, so every command runs from the loop.
 */
final class SimulationRun {
    private record Action(Instant at, long sequence, Runnable step) {}

    /** What a job will take once a worker has it, drawn when it arrives. */
    private record Work(Duration handleTime, Duration wrapUp) {}

    /** An assignment holding capacity: since when, and how much. */
    private record Held(Instant since, int cost) {}

    private final JobRouter router;
    private final long seed;
    private final SplittableRandom answers;
    private final List<SplittableRandom> arrivalRandoms = new ArrayList<>();
    private final List<Arrivals> arrivals;
    private final WorkerBehaviour behaviour;
    private final LongSupplier jobNumbers;
    private final PriorityQueue<Action> agenda = new PriorityQueue<>(SimulationRun::earlier);
    private long nextSequence;
    private final List<RouterEvent> pending = new ArrayList<>();
    private final List<String> log;
    private final InvariantCheck invariants;

    private final Map<String, Instant> createdAt = new HashMap<>();
    private final Map<String, Work> work = new HashMap<>();
    private final Map<String, Held> held = new HashMap<>();
    private final List<Long> waitsMillis = new ArrayList<>();
    private final Map<ErrorCode, Long> refusals = new EnumMap<>(ErrorCode.class);
    /** Counts of what happened; an accepted offer is also the job's assignment. */
    private long created, completed, closed, cancelled;
    private long issued, accepted, declined, expired, revoked;
    private double busyCapacitySeconds;

    SimulationRun(JobRouter router, long seed, List<Arrivals> arrivals, WorkerBehaviour behaviour, boolean recordEvents,
            LongSupplier jobNumbers) {
        this.router = router;
        this.seed = seed;
        // Arrivals (with each job's handle and wrap-up time) and the workers' answers draw from streams
        // of their own, so that runs with the same seed see the same calls even when different rules
        // route them differently.
        SplittableRandom root = new SplittableRandom(seed);
        this.answers = root.split();
        for (int i = 0; i < arrivals.size(); i++) {
            arrivalRandoms.add(root.split());
        }
        this.arrivals = arrivals;
        this.behaviour = behaviour;
        this.jobNumbers = jobNumbers;
        this.log = recordEvents ? new ArrayList<>() : null;
        this.invariants = new InvariantCheck(router);
    }

    SimulationReport run(Duration duration) {
        Instant start = router.now();
        Instant end = start.plus(duration);
        long totalCapacity = router.listWorkers().stream().mapToLong(RouterWorker::capacity).sum();
        for (int i = 0; i < arrivals.size(); i++) {
            Arrivals stream = arrivals.get(i);
            SplittableRandom random = arrivalRandoms.get(i);
            schedule(start.plus(stream.nextGap(random)), () -> arrive(stream, random));
        }
        Subscription subscription = router.onEvent(pending::add);
        try {
            while (true) {
                Instant nextAction = agenda.isEmpty() ? null : agenda.peek().at();
                Instant nextTimer = router.nextTimerAt().orElse(null);
                Instant next = nextAction == null || (nextTimer != null && nextTimer.isBefore(nextAction))
                        ? nextTimer : nextAction;
                if (next == null || next.isAfter(end)) {
                    break;
                }
                router.advanceTo(next);
                handlePending();
                if (next.equals(nextAction)) {
                    agenda.poll().step().run();
                    handlePending();
                }
            }
            router.advanceTo(end);
            handlePending();
        } finally {
            subscription.cancel();
        }
        for (Held still : held.values()) {
            busyCapacitySeconds += still.cost() * seconds(Duration.between(still.since(), end));
        }
        double capacitySeconds = totalCapacity * seconds(duration);
        long stillWaiting = createdAt.keySet().stream().filter(this::isQueued).count();
        return new SimulationReport(seed, duration,
                new SimulationReport.JobCounts(created, accepted, completed, closed, cancelled),
                new SimulationReport.OfferCounts(issued, accepted, declined, expired, revoked),
                waitingTimes(), stillWaiting, capacitySeconds == 0 ? 0 : busyCapacitySeconds / capacitySeconds,
                refusals, invariants.violations(), log == null ? List.of() : log);
    }

    // ---- simulated callers

    private void arrive(Arrivals stream, SplittableRandom random) {
        String jobId = "sim-job-" + jobNumbers.getAsLong();
        // Drawn whether or not the router takes the job, so that a refusal shifts no later draw.
        Work needed = new Work(behaviour.handleTime().sample(random), behaviour.wrapUp().sample(random));
        boolean ok = attempt(() -> router.job(jobId).channel(stream.channelId()).queue(stream.queueId())
                .priority(stream.priority()).upsert());
        if (ok) {
            work.put(jobId, needed);
            if (stream.patience() != null) {
                schedule(router.now().plus(stream.patience()), () -> abandon(jobId));
            }
        }
        schedule(router.now().plus(stream.nextGap(random)), () -> arrive(stream, random));
    }

    private void abandon(String jobId) {
        if (isQueued(jobId)) {
            attempt(() -> router.cancelJob(jobId, "Abandoned"));
        }
    }

    // ---- simulated workers

    private void offered(OfferIssued offer) {
        // Every draw happens whatever the outcome, so that one answer never shifts the others' draws.
        boolean ignores = answers.nextDouble() < behaviour.ignoring();
        boolean accepts = answers.nextDouble() < behaviour.accepting();
        Instant answerAt = offer.at().plus(behaviour.respondAfter().sample(answers));
        if (ignores) {
            return;
        }
        if (accepts) {
            schedule(answerAt, () -> accept(offer));
        } else {
            Duration retry = behaviour.declineRetryAfter();
            schedule(answerAt, () -> attempt(() -> {
                if (retry == null) {
                    router.declineJobOffer(offer.workerId(), offer.offerId());
                } else {
                    router.declineJobOffer(offer.workerId(), offer.offerId(), router.now().plus(retry));
                }
            }));
        }
    }

    private void accept(OfferIssued offer) {
        AcceptJobOfferResult[] result = new AcceptJobOfferResult[1];
        if (attempt(() -> result[0] = router.acceptJobOffer(offer.workerId(), offer.offerId()))) {
            String jobId = result[0].jobId();
            String assignmentId = result[0].assignmentId();
            Work drawn = work.remove(jobId);
            Work needed = drawn != null ? drawn   // a job the simulation did not create draws its work now
                    : new Work(behaviour.handleTime().sample(answers), behaviour.wrapUp().sample(answers));
            schedule(router.now().plus(needed.handleTime()), () -> finish(jobId, assignmentId, needed.wrapUp()));
        }
    }

    private void finish(String jobId, String assignmentId, Duration wrapUp) {
        if (!attempt(() -> router.completeJob(jobId, assignmentId))) {
            return;
        }
        attempt(() -> {
            if (wrapUp.isZero()) {
                router.closeJob(jobId, assignmentId, "Resolved");
            } else {
                router.closeJob(jobId, assignmentId, "Resolved", router.now().plus(wrapUp));
            }
        });
    }

    private void rejoin(String workerId) {
        attempt(() -> router.worker(workerId).availableForOffers(true).upsert());
    }

    // ---- events

    private void handlePending() {
        if (pending.isEmpty()) {
            return;
        }
        List<RouterEvent> events = List.copyOf(pending);
        pending.clear();
        for (RouterEvent event : events) {
            if (log != null) {
                log.add(event.toString());
            }
            observe(event);
        }
        invariants.check(events);
    }

    private void observe(RouterEvent event) {
        if (event instanceof JobReceived received) {
            created++;
            createdAt.put(received.jobId(), received.at());
        } else if (event instanceof OfferIssued offer) {
            issued++;
            offered(offer);
        } else if (event instanceof OfferAccepted offer) {
            accepted++;
            int cost = router.getJob(offer.jobId()).assignments().get(offer.assignmentId()).capacityCost();
            held.put(offer.jobId(), new Held(offer.at(), cost));
            Instant since = createdAt.get(offer.jobId());
            if (since != null) {
                waitsMillis.add(Duration.between(since, offer.at()).toMillis());
            }
        } else if (event instanceof OfferDeclined) {
            declined++;
        } else if (event instanceof OfferExpired) {
            expired++;
        } else if (event instanceof OfferRevoked) {
            revoked++;
        } else if (event instanceof JobCompleted) {
            completed++;
        } else if (event instanceof JobClosed job) {
            closed++;
            release(job.jobId(), job.at());
        } else if (event instanceof JobCancelled job) {
            cancelled++;
            work.remove(job.jobId());
            release(job.jobId(), job.at());
        } else if (event instanceof WorkerDeregistered worker && behaviour.rejoinAfter() != null) {
            schedule(worker.at().plus(behaviour.rejoinAfter()), () -> rejoin(worker.workerId()));
        }
    }

    private void release(String jobId, Instant at) {
        Held released = held.remove(jobId);
        if (released != null) {
            busyCapacitySeconds += released.cost() * seconds(Duration.between(released.since(), at));
        }
    }

    // ---- helpers

    /** Agenda order: by time, then first scheduled first. Spelled out: the agenda compares a lot. */
    private static int earlier(Action a, Action b) {
        int byTime = a.at().compareTo(b.at());
        return byTime != 0 ? byTime : Long.compare(a.sequence(), b.sequence());
    }

    private void schedule(Instant at, Runnable step) {
        agenda.add(new Action(at, nextSequence++, step));
    }

    /** Runs a command; a refusal is counted, not thrown: it is what the run is there to find. */
    private boolean attempt(Runnable command) {
        try {
            command.run();
            return true;
        } catch (RouterException refused) {
            refusals.merge(refused.code(), 1L, Long::sum);
            return false;
        }
    }

    private boolean isQueued(String jobId) {
        try {
            return router.getJob(jobId).status() == JobStatus.QUEUED;
        } catch (RouterException gone) {
            return false;
        }
    }

    private SimulationReport.WaitingTimes waitingTimes() {
        if (waitsMillis.isEmpty()) {
            return new SimulationReport.WaitingTimes(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        long[] sorted = waitsMillis.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        long sum = 0;
        for (long wait : sorted) {
            sum += wait;
        }
        return new SimulationReport.WaitingTimes(sorted.length, Duration.ofMillis(Math.round((double) sum / sorted.length)),
                Duration.ofMillis(percentile(sorted, 50)), Duration.ofMillis(percentile(sorted, 95)),
                Duration.ofMillis(sorted[sorted.length - 1]));
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
