package dev.jobrouter.core.engine;

import static java.util.Objects.requireNonNull;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.CancelJob;
import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.command.DeregisterWorker;
import dev.jobrouter.core.command.ExpireOffer;
import dev.jobrouter.core.command.OfferRetryDue;
import dev.jobrouter.core.command.ReleaseCapacity;
import dev.jobrouter.core.command.TimedCommand;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.event.Subscription;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's engine: one path for every change. A command checks its input, reads what it touches,
 * asks the rules, applies the verdict, matches what changed, schedules timers and, once committed,
 * publishes its events. A command that fails anywhere on that path leaves no trace.
 *
 * <p>Thread-safe: one command at a time under a lock; reads return immutable snapshots. Listeners run
 * in commit order on the committing thread, after the change; one that throws is logged and skipped.
 *
 * <p>Most users reach it through {@code dev.jobrouter.JobRouter}.
 */
public final class RouterEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RouterEngine.class);
    /** The most follow-ups one command may cause, so rules cannot loop the engine. */
    private static final int MAX_FOLLOW_UPS = 1_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final InstantSource clock;
    private final VirtualClock virtualClock;
    private final TransitionRules rules;
    private final Context ctx;
    private final OfferLifecycle offers;
    private final JobLifecycle jobs;
    private final WorkerLifecycle workers;
    private final Matcher matcher;
    private final Topology topology;

    private final List<Consumer<? super RouterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Queue<RouterEvent> outbox = new ArrayDeque<>();
    private boolean dispatching;
    private boolean inCommand;
    private boolean closed;

    private final ScheduledExecutorService scheduler;
    private Instant wakeUpAt;

    /**
     * @param clock the router's time; a {@link VirtualClock} makes timers fire only when advanced, any
     *     other clock fires them on a daemon thread as real time passes
     * @param rules decides every transition; closed with the engine
     */
    public RouterEngine(InstantSource clock, TransitionRules rules) {
        this.clock = requireNonNull(clock, "clock");
        this.rules = requireNonNull(rules, "rules");
        this.virtualClock = clock instanceof VirtualClock virtual ? virtual : null;
        this.ctx = new Context(clock, rules);
        this.offers = new OfferLifecycle(ctx);
        this.jobs = new JobLifecycle(ctx, offers);
        this.workers = new WorkerLifecycle(ctx, offers);
        this.matcher = new Matcher(ctx, offers);
        this.topology = new Topology(ctx);
        this.scheduler = virtualClock != null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jobrouter-timers");
            thread.setDaemon(true);
            return thread;
        });
    }

    // ---- setup ---------------------------------------------------------------------------------------

    /** Creates or changes a distribution policy; see {@link PolicySpec} for the defaults. */
    public DistributionPolicy upsertDistributionPolicy(PolicySpec spec) {
        return command(() -> topology.upsertDistributionPolicy(spec));
    }

    /** Creates or changes a queue. */
    public RouterQueue upsertQueue(QueueSpec spec) {
        return command(() -> topology.upsertQueue(spec));
    }

    /** Creates or changes a worker; see {@link WorkerSpec} for what merges and what replaces. */
    public RouterWorker upsertWorker(WorkerSpec spec) {
        return command(() -> workers.upsert(spec));
    }

    /** Creates a job and queues it, or changes its priority, labels or tags. */
    public RouterJob upsertJob(JobSpec spec) {
        return command(() -> jobs.upsert(spec));
    }

    // ---- lifecycle -----------------------------------------------------------------------------------

    /** Accepts an open offer: the job is ASSIGNED and its other open offers are revoked. */
    public AcceptJobOfferResult acceptJobOffer(String workerId, String offerId) {
        return command(() -> offers.accept(workerId, offerId));
    }

    /** Declines an open offer; {@code retryOfferAt} (nullable) is when the worker may be offered the job again. */
    public void declineJobOffer(String workerId, String offerId, Instant retryOfferAt) {
        command(() -> {
            offers.decline(workerId, offerId, retryOfferAt);
            return null;
        });
    }

    /** Completes an ASSIGNED job; the worker keeps the capacity. {@code note} is nullable. */
    public RouterJob completeJob(String jobId, String assignmentId, String note) {
        return command(() -> jobs.complete(jobId, assignmentId, note));
    }

    /** Closes an ASSIGNED or COMPLETED job, releasing its capacity at the instant the rules decide. */
    public RouterJob closeJob(String jobId, String assignmentId, String dispositionCode, Instant closeAt, String note) {
        return command(() -> jobs.close(jobId, assignmentId, dispositionCode, closeAt, note));
    }

    /** Cancels a job that is not terminal; open offers are revoked and held capacity released. */
    public RouterJob cancelJob(String jobId, String dispositionCode, String note) {
        return command(() -> jobs.cancel(jobId, dispositionCode, note));
    }

    /** Removes a job that holds no capacity, with its offers and declines. */
    public void deleteJob(String jobId) {
        command(() -> {
            jobs.delete(jobId);
            return null;
        });
    }

    // ---- reads ---------------------------------------------------------------------------------------

    /** @throws RouterException NOT_FOUND for an unknown job */
    public RouterJob getJob(String jobId) {
        return read(() -> ctx.job(jobId));
    }

    /** @throws RouterException NOT_FOUND for an unknown worker */
    public RouterWorker getWorker(String workerId) {
        return read(() -> ctx.worker(workerId));
    }

    /** @throws RouterException NOT_FOUND for an unknown queue */
    public RouterQueue getQueue(String queueId) {
        return read(() -> found("queue", queueId, ctx.state.queues.get(Ids.check("queueId", queueId))));
    }

    /** @throws RouterException NOT_FOUND for an unknown policy */
    public DistributionPolicy getDistributionPolicy(String policyId) {
        return read(() -> found("distribution policy", policyId,
                ctx.state.policies.get(Ids.check("distributionPolicyId", policyId))));
    }

    /** @return every offer the job has had, open or ended, in issue order */
    public List<RouterJobOffer> getJobOffers(String jobId) {
        return read(() -> List.copyOf(ctx.state.offersOf(ctx.job(jobId).id())));
    }

    /** @return every job, ordered by id */
    public List<RouterJob> listJobs() {
        return read(() -> sortedBy(ctx.state.jobs.values(), RouterJob::id));
    }

    /** @return every worker, ordered by id */
    public List<RouterWorker> listWorkers() {
        return read(() -> sortedBy(ctx.state.workers.values(), RouterWorker::id));
    }

    /** @return every queue, ordered by id */
    public List<RouterQueue> listQueues() {
        return read(() -> sortedBy(ctx.state.queues.values(), RouterQueue::id));
    }

    /** @return every distribution policy, ordered by id */
    public List<DistributionPolicy> listDistributionPolicies() {
        return read(() -> sortedBy(ctx.state.policies.values(), DistributionPolicy::id));
    }

    // ---- time ----------------------------------------------------------------------------------------

    /** @return the router's clock */
    public Instant now() {
        return clock.instant();
    }

    /** @return whether time moves only on {@link #advanceTo(Instant)} */
    public boolean hasVirtualClock() {
        return virtualClock != null;
    }

    /**
     * @return when the earliest pending timer (offer expiry, delayed release, retry time) is due, or
     *     {@code null} when none is; a timer whose subject ended early is dropped when it comes due
     */
    public Instant nextTimerAt() {
        lock.lock();
        try {
            ensureOpen();
            return ctx.timers.next();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the virtual clock to {@code target}, firing every timer due on the way at its own instant.
     *
     * @throws IllegalStateException on a router with a real clock
     * @throws RouterException INVALID_ARGUMENT when the target lies before now
     */
    public void advanceTo(Instant target) {
        if (virtualClock == null) {
            throw new IllegalStateException("advancing time needs a router on a virtual clock: "
                    + "build it with JobRouter.builder().virtualClock(start)");
        }
        Ids.present("target", target);
        lock.lock();
        try {
            ensureOpen();
            if (target.isBefore(virtualClock.instant())) {
                throw RouterException.invalid("cannot advance to " + target + ": the clock is at " + virtualClock.instant());
            }
            fireDueTimers(target);
            virtualClock.set(target);
        } finally {
            lock.unlock();
        }
    }

    private void fireDueTimers(Instant upTo) {
        TimerQueue.Timer timer;
        while ((timer = ctx.timers.pollDue(upTo)) != null) {
            if (virtualClock != null) {
                virtualClock.set(timer.at());
            }
            TimedCommand due = timer.command();
            try {
                command(() -> {
                    fire(due);
                    return null;
                }, true);
            } catch (RuntimeException e) {
                log.error("timed command {} failed and was dropped", due, e);
            }
        }
    }

    private void fire(TimedCommand due) {
        if (due instanceof ExpireOffer expiry) {
            offers.expire(expiry);
        } else if (due instanceof ReleaseCapacity release) {
            jobs.release(release);
        } else if (due instanceof OfferRetryDue retry) {
            offers.retryDue(retry);
        }
    }

    /**
     * Runs the follow-ups the rules asked for, and theirs in turn. A failing follow-up of a caller's
     * command fails the command; of a timed command, it is undone and skipped, since time passes
     * whatever the rules say.
     */
    private void runFollowUps(boolean timed) {
        int count = 0;
        Command followUp;
        while ((followUp = ctx.followUps.poll()) != null) {
            if (++count > MAX_FOLLOW_UPS) {
                throw new RouterException(ErrorCode.CONFLICT, "rules asked for more than " + MAX_FOLLOW_UPS
                        + " follow-ups in one command; last: " + followUp, null, null);
            }
            int undoMark = ctx.state.undo.mark();
            int eventMark = ctx.events.size();
            int followUpMark = ctx.followUps.size();
            try {
                if (followUp instanceof DeregisterWorker deregister) {
                    workers.deregister(deregister.workerId());
                } else if (followUp instanceof CancelJob cancel) {
                    jobs.cancel(cancel.jobId(), cancel.dispositionCode(), cancel.note());
                } else {
                    throw RouterException.invalid("rules asked for follow-up " + followUp
                            + "; only DeregisterWorker and CancelJob can follow up");
                }
            } catch (RouterException e) {
                if (!timed) {
                    throw e;
                }
                ctx.state.undo.rollbackTo(undoMark);
                ctx.events.subList(eventMark, ctx.events.size()).clear();
                while (ctx.followUps.size() > followUpMark) {
                    ctx.followUps.pollLast();
                }
                log.warn("follow-up {} of a timed command was skipped: {}", followUp, e.getMessage());
            }
        }
    }

    // ---- events --------------------------------------------------------------------------------------

    /**
     * Registers a listener for every event from now on, delivered in commit order.
     *
     * @return a handle that stops delivery
     */
    public Subscription subscribe(Consumer<? super RouterEvent> listener) {
        requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- the one path for every change ---------------------------------------------------------------

    private <T> T command(Supplier<T> body) {
        return command(body, false);
    }

    private <T> T command(Supplier<T> body, boolean timed) {
        lock.lock();
        try {
            ensureOpen();
            if (inCommand) {
                throw new IllegalStateException("a command is already running on this thread");
            }
            inCommand = true;
            T result;
            try {
                result = body.get();
                runFollowUps(timed);
                matcher.run();
                ctx.state.undo.commit();
            } catch (RuntimeException | Error e) {
                ctx.state.undo.rollback();
                ctx.discard();
                throw e;
            } finally {
                inCommand = false;
            }
            outbox.addAll(ctx.events);
            ctx.events.clear();
            dispatch();
            scheduleWakeUp();
            return result;
        } finally {
            lock.unlock();
        }
    }

    private <T> T read(Supplier<T> body) {
        lock.lock();
        try {
            ensureOpen();
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    /** Delivers queued events; a listener's own commands queue theirs behind, keeping commit order. */
    private void dispatch() {
        if (dispatching) {
            return;
        }
        dispatching = true;
        try {
            RouterEvent event;
            while ((event = outbox.poll()) != null) {
                for (Consumer<? super RouterEvent> listener : listeners) {
                    try {
                        listener.accept(event);
                    } catch (RuntimeException e) {
                        log.warn("event listener failed on {}", event, e);
                    }
                }
            }
        } finally {
            dispatching = false;
        }
    }

    private void scheduleWakeUp() {
        if (scheduler == null) {
            return;
        }
        Instant next = ctx.timers.next();
        if (next == null || (wakeUpAt != null && !next.isBefore(wakeUpAt))) {
            return;
        }
        wakeUpAt = next;
        long delayNanos = Math.max(0, Duration.between(clock.instant(), next).toNanos());
        scheduler.schedule(this::wakeUp, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void wakeUp() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            wakeUpAt = null;
            fireDueTimers(clock.instant());
            scheduleWakeUp();
        } catch (RuntimeException e) {
            log.error("timer thread failed", e);
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the router is closed");
        }
    }

    /** Stops the timer thread and releases the rules; later calls fail with IllegalStateException. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            rules.close();
        } finally {
            lock.unlock();
        }
    }

    private static <T> T found(String what, String id, T value) {
        if (value == null) {
            throw RouterException.notFound(what + " " + id + " not found");
        }
        return value;
    }

    private static <T> List<T> sortedBy(Collection<T> values, Function<T, String> id) {
        List<T> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparing(id));
        return List.copyOf(sorted);
    }
}
