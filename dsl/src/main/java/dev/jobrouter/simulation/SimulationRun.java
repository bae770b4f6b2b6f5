package dev.jobrouter.simulation;

import dev.jobrouter.JobRouter;
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
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;
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

    private final JobRouter router;
    private final long seed;
    private final SplittableRandom answers;
    private final List<SplittableRandom> arrivalRandoms = new ArrayList<>();
    private final List<Arrivals> arrivals;
    private final WorkerBehaviour behaviour;
    private final LongSupplier jobNumbers;
    private final Duration serviceLevelThreshold;
    private final Duration interval;
    private final Consumer<SimulationReport.IntervalFigures> onInterval;
    private final PriorityQueue<Action> agenda = new PriorityQueue<>(SimulationRun::earlier);
    private long nextSequence;
    private final List<RouterEvent> pending = new ArrayList<>();
    private final List<String> log;
    private final InvariantCheck invariants;
    private final Map<String, Work> work = new HashMap<>();
    private RunFigures figures;

    SimulationRun(JobRouter router, long seed, List<Arrivals> arrivals, WorkerBehaviour behaviour, boolean recordEvents,
            LongSupplier jobNumbers, Duration serviceLevelThreshold, Duration interval,
            Consumer<SimulationReport.IntervalFigures> onInterval) {
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
        this.serviceLevelThreshold = serviceLevelThreshold;
        this.interval = interval;
        this.onInterval = onInterval;
        this.log = recordEvents ? new ArrayList<>() : null;
        this.invariants = new InvariantCheck(router);
    }

    SimulationReport run(Duration duration) {
        Instant start = router.now();
        Instant end = start.plus(duration);
        long totalCapacity = router.listWorkers().stream().mapToLong(RouterWorker::capacity).sum();
        figures = new RunFigures(start, serviceLevelThreshold, interval, totalCapacity, onInterval);
        for (int i = 0; i < arrivals.size(); i++) {
            scheduleArrival(arrivals.get(i), arrivalRandoms.get(i), start);
        }
        Subscription subscription = router.onEvent(pending::add);
        try {
            while (true) {
                Instant nextAction = agenda.isEmpty() ? null : agenda.peek().at();
                Instant nextTimer = router.nextTimerAt().orElse(null);
                Instant next = nextAction == null || (nextTimer != null && nextTimer.isBefore(nextAction))
                        ? nextTimer : nextAction;
                boolean done = next == null || next.isAfter(end);
                closeIntervalsUpTo(done ? end : next, end);
                if (done) {
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
        // The last interval ends with the run, shorter than the others or, for a run of no length, empty:
        // the run's totals are the intervals' sums, so what happened at the very start counts too.
        figures.closeInterval(end);
        long stillWaiting = 0;
        for (String jobId : figures.waiting()) {
            if (isQueued(jobId)) {
                stillWaiting++;
            }
        }
        return figures.report(seed, duration, stillWaiting, invariants.violations(), log == null ? List.of() : log);
    }

    /**
     * Closes every interval that ends at or before {@code next}, moving the router's clock to each
     * boundary first: what happens at the boundary itself belongs to the next interval. The run's end
     * closes the last one.
     */
    private void closeIntervalsUpTo(Instant next, Instant end) {
        while (figures.intervalEnd().isBefore(end) && !figures.intervalEnd().isAfter(next)) {
            Instant boundary = figures.intervalEnd();
            router.advanceTo(boundary);
            handlePending();
            figures.closeInterval(boundary);
        }
    }

    // ---- simulated callers

    private void scheduleArrival(Arrivals stream, SplittableRandom random, Instant previous) {
        Instant at = stream.next(previous, random);
        if (at != null) {
            schedule(at, () -> arrive(stream, random));
        }
    }

    private void arrive(Arrivals stream, SplittableRandom random) {
        String jobId = "sim-job-" + jobNumbers.getAsLong();
        // Drawn whether or not the router takes the job, so that a refusal shifts no later draw.
        Work needed = new Work(behaviour.handleTime().sample(random), behaviour.wrapUp().sample(random));
        Map<String, Object> labels = stream.drawLabels(random);
        Duration patience = stream.drawPatience(random);
        boolean ok = attempt("upsertJob", () -> router.job(jobId).channel(stream.channelId()).queue(stream.queueId())
                .priority(stream.priority()).labels(labels).upsert());
        if (ok) {
            work.put(jobId, needed);
            if (patience != null) {
                schedule(router.now().plus(patience), () -> abandon(jobId));
            }
        }
        scheduleArrival(stream, random, router.now());
    }

    private void abandon(String jobId) {
        if (isQueued(jobId) && attempt("cancelJob", () -> router.cancelJob(jobId, "Abandoned"))) {
            RouterJob job = router.getJob(jobId);
            figures.abandoned(jobId, router.now(), job.queueId(), job.priority());
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
            schedule(answerAt, () -> attempt("declineJobOffer", () -> {
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
        if (attempt("acceptJobOffer", () -> result[0] = router.acceptJobOffer(offer.workerId(), offer.offerId()))) {
            String jobId = result[0].jobId();
            String assignmentId = result[0].assignmentId();
            Work drawn = work.remove(jobId);
            Work needed = drawn != null ? drawn   // a job the simulation did not create draws its work now
                    : new Work(behaviour.handleTime().sample(answers), behaviour.wrapUp().sample(answers));
            schedule(router.now().plus(needed.handleTime()), () -> finish(jobId, assignmentId, needed.wrapUp()));
        }
    }

    private void finish(String jobId, String assignmentId, Duration wrapUp) {
        if (!attempt("completeJob", () -> router.completeJob(jobId, assignmentId))) {
            return;
        }
        attempt("closeJob", () -> {
            if (wrapUp.isZero()) {
                router.closeJob(jobId, assignmentId, "Resolved");
            } else {
                router.closeJob(jobId, assignmentId, "Resolved", router.now().plus(wrapUp));
            }
        });
    }

    private void rejoin(String workerId) {
        attempt("upsertWorker", () -> router.worker(workerId).availableForOffers(true).upsert());
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
            figures.received(received.jobId(), received.at());
        } else if (event instanceof OfferIssued offer) {
            figures.offerIssued();
            offered(offer);
        } else if (event instanceof OfferAccepted offer) {
            RouterJob job = router.getJob(offer.jobId());
            figures.answered(offer.jobId(), offer.at(), job.assignments().get(offer.assignmentId()).capacityCost(),
                    job.queueId(), job.priority());
        } else if (event instanceof OfferDeclined) {
            figures.offerDeclined();
        } else if (event instanceof OfferExpired) {
            figures.offerExpired();
        } else if (event instanceof OfferRevoked) {
            figures.offerRevoked();
        } else if (event instanceof JobCompleted) {
            figures.completed();
        } else if (event instanceof JobClosed job) {
            figures.closed(job.jobId(), job.at());
        } else if (event instanceof JobCancelled job) {
            work.remove(job.jobId());
            figures.cancelled(job.jobId(), job.at());
        } else if (event instanceof WorkerDeregistered worker && behaviour.rejoinAfter() != null) {
            schedule(worker.at().plus(behaviour.rejoinAfter()), () -> rejoin(worker.workerId()));
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

    /**
     * Runs a command; a refusal is counted under the command's SDK name and the refusing rule, not
     * thrown: it is what the run is there to find.
     */
    private boolean attempt(String command, Runnable call) {
        try {
            call.run();
            return true;
        } catch (RouterException refused) {
            figures.refused(command, refused);
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
}
