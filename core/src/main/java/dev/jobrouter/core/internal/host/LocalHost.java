package dev.jobrouter.core.internal.host;

import static java.util.Objects.requireNonNull;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.command.TimedCommand;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.host.CommandObserver;
import dev.jobrouter.core.host.Subscription;
import dev.jobrouter.core.internal.engine.EngineSnapshot;
import dev.jobrouter.core.internal.engine.Outcome;
import dev.jobrouter.core.internal.engine.RouterEngine;
import dev.jobrouter.core.time.RouterTime;
import dev.jobrouter.core.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
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
 * Hosts a {@link RouterEngine} in this JVM for callers on any thread: one command at a time under a
 * lock, the instant read once per command, timers fired as commands at their due instants, and events
 * delivered after the lock is released, in commit order, by an {@link EventBus}.
 *
 * <p>Time: on a {@link VirtualClock} timers fire only on {@link #advanceTo(Instant)}; on any other
 * clock a daemon thread fires them as time passes. Either way, before a command runs at instant t
 * every timer due at or before t has fired, so an accept that lands after an offer's expiry finds the
 * offer expired even when the timer thread has not woken yet. The host never lets time go back: an
 * instant earlier than the last command's (a system clock stepped back) is taken as the last one.
 */
public final class LocalHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalHost.class);
    private static final Duration LONGEST_SLEEP = Duration.ofDays(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final RouterEngine engine;
    private final InstantSource clock;
    private final VirtualClock virtualClock;
    private final ExecutionLog executionLog;
    /** The log as the engine's gate before each commit, and the engine's state on demand: made once, not per command. */
    private final RouterEngine.BeforeCommit gate;
    private final Supplier<EngineSnapshot> state;
    private final EventBus bus = new EventBus();
    private final List<CommandObserver> observers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timerThread;
    private Instant lastInstant = Instant.MIN;
    private Instant wakeUpAt;
    /** Read without the lock by the calls that take none (now, subscribe). */
    private volatile boolean closed;

    /**
     * @param engine the engine to host; closed with the host
     * @param clock the router's time; a {@link VirtualClock} makes timers fire only when advanced, any
     *     other clock fires them on a daemon thread as real time passes
     * @param executionLog told of every command that changed the engine
     */
    public LocalHost(RouterEngine engine, InstantSource clock, ExecutionLog executionLog) {
        this.engine = requireNonNull(engine, "engine");
        this.clock = requireNonNull(clock, "clock");
        this.executionLog = requireNonNull(executionLog, "executionLog");
        this.gate = executionLog::executed;
        this.state = engine::snapshot;
        this.virtualClock = clock instanceof VirtualClock virtual ? virtual : null;
        this.timerThread = virtualClock != null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jobrouter-timers");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Executes a command at the clock's current instant, after every timer due by then.
     *
     * @return what the command returns
     * @throws RouterException when the engine refuses it; nothing changed
     * @throws IllegalStateException when the host is closed
     */
    public <R> R execute(RouterCommand<R> command) {
        boolean observed = !observers.isEmpty();
        long decisionNanos = -1;   // stays so when the engine was never asked (a closed host)
        RouterException refusal = null;
        try {
            R value;
            lock.lock();
            try {
                ensureOpen();
                Instant at = instant(clock.instant());
                fireTimersDueBy(at);
                long start = observed ? System.nanoTime() : 0;
                try {
                    Outcome<R> outcome = engine.execute(command, at, gate);
                    committed(at, outcome.events());
                    value = outcome.value();
                } catch (RouterException e) {
                    refusal = e;
                    throw e;
                } catch (RuntimeException | Error e) {
                    observed = false;   // neither decided nor refused: a defect, which observers do not count
                    throw e;
                } finally {
                    decisionNanos = observed ? System.nanoTime() - start : -1;
                    scheduleWakeUp();
                }
            } finally {
                lock.unlock();
            }
            executionLog.awaitDurable();   // outside the lock, so that many callers share one fsync
            return value;
        } finally {
            // Also when the command is refused: the timers that fired before it committed their events.
            bus.deliver();
            if (decisionNanos >= 0) {
                tellObservers(command, decisionNanos, refusal);
            }
        }
    }

    private void tellObservers(RouterCommand<?> command, long decisionNanos, RouterException refusal) {
        for (CommandObserver observer : observers) {
            try {
                observer.decided(command, decisionNanos, refusal);
            } catch (RuntimeException | Error e) {
                log.warn("a command observer threw; skipped", e);
            }
        }
    }

    /**
     * Registers an observer of every command callers give from now on (timers' commands are not
     * callers'), told outside the lock once it is decided.
     *
     * @param observer what to tell
     * @return a handle that stops it
     * @throws IllegalStateException when closed
     */
    public Subscription observeCommands(CommandObserver observer) {
        requireNonNull(observer, "observer");
        ensureOpen();
        observers.add(observer);
        return () -> observers.remove(observer);
    }

    /**
     * For a host on a recovered engine: no command is stamped before {@code last}, even on a clock
     * that reads earlier now.
     *
     * @param last the last instant the engine executed at, or {@code null}
     */
    public void resumeAfter(Instant last) {
        lock.lock();
        try {
            if (last != null && last.isAfter(lastInstant)) {
                lastInstant = last;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * On a real clock, fires every timer due by now (each at its own due instant) and schedules the
     * next: for a recovered engine, whose timers came due while it was down.
     */
    public void catchUp() {
        try {
            lock.lock();
            try {
                ensureOpen();
                fireTimersDueBy(instant(clock.instant()));
                scheduleWakeUp();
            } finally {
                lock.unlock();
            }
        } finally {
            bus.deliver();
        }
    }

    /**
     * Reads the engine under the lock.
     *
     * @throws IllegalStateException when the host is closed
     */
    public <T> T read(Function<RouterEngine, T> query) {
        lock.lock();
        try {
            ensureOpen();
            return query.apply(engine);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the router's clock
     * @throws IllegalStateException when closed
     */
    public Instant now() {
        ensureOpen();
        return clock.instant();
    }

    /**
     * @return whether time moves only on {@link #advanceTo(Instant)}
     * @throws IllegalStateException when closed
     */
    public boolean hasVirtualClock() {
        ensureOpen();
        return virtualClock != null;
    }

    /** @return when the earliest pending timer is due, or {@code null} when none is */
    public Instant nextTimerAt() {
        return read(RouterEngine::nextTimerAt);
    }

    /**
     * Moves the virtual clock to {@code target}, firing every timer due on the way at its own instant.
     * Events are delivered after each timer, with the clock at that timer's instant, so a listener
     * sees the time its event happened. A listener that advances the clock further meanwhile wins: the
     * clock never goes back, and this call then ends where that one left it.
     *
     * @throws IllegalStateException on a host with a real clock, or when closed
     * @throws RouterException INVALID_ARGUMENT when the target is null, lies before now or after
     *     {@link RouterTime#LATEST}
     */
    public void advanceTo(Instant target) {
        if (virtualClock == null) {
            throw new IllegalStateException("advancing time needs a router on a virtual clock: "
                    + "build it with JobRouter.builder().virtualClock(start)");
        }
        RouterTime.checked("the instant to advance to", target);
        lock.lock();
        try {
            ensureOpen();
            if (target.isBefore(virtualClock.instant())) {
                throw RouterException.invalid("cannot advance to " + target + ": the clock is at " + virtualClock.instant());
            }
        } finally {
            lock.unlock();
        }
        boolean more = true;
        while (more) {
            lock.lock();
            try {
                ensureOpen();
                TimedCommand due = engine.nextTimer();
                more = due != null && !due.dueAt().isAfter(target);
                if (more) {
                    if (due.dueAt().isAfter(virtualClock.instant())) {
                        virtualClock.set(due.dueAt());
                    }
                    fire(due);
                } else if (target.isAfter(virtualClock.instant())) {
                    executionLog.advanced(target);   // first: a journal that cannot record it leaves the clock
                    virtualClock.set(target);
                }
            } finally {
                lock.unlock();
            }
            bus.deliver();
        }
        executionLog.awaitDurable();
    }

    /**
     * Registers a listener for every event from now on, delivered in commit order outside the lock.
     *
     * @return a handle that stops delivery
     * @throws IllegalStateException when closed
     */
    public Subscription subscribe(Consumer<? super RouterEvent> listener) {
        ensureOpen();
        return bus.subscribe(listener);
    }

    /** Stops the timer thread and closes the engine; closing again does nothing, other calls fail with IllegalStateException. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (timerThread != null) {
                timerThread.shutdownNow();
            }
            engine.close();
        } finally {
            lock.unlock();
        }
    }

    // ---- timers --------------------------------------------------------------------------------------

    private void fireTimersDueBy(Instant at) {
        TimedCommand due;
        while ((due = engine.nextTimer()) != null && !due.dueAt().isAfter(at)) {
            fire(due);
        }
    }

    /** Executes a timer at its due instant; one that fails is logged and dropped, since time passes. */
    private void fire(TimedCommand due) {
        Instant at = instant(due.dueAt());
        try {
            Outcome<Void> outcome = engine.execute(due, at, gate);
            committed(at, outcome.events());
        } catch (RuntimeException | Error e) {
            // The engine consumed the timer and undid the rest; an unrelated caller must not get the failure.
            lastInstant = at;
            try {
                executionLog.executed(due, at, List.of());
            } catch (RuntimeException logFailed) {
                e.addSuppressed(logFailed);
            }
            log.error("timed command {} failed and was dropped", due, e);
        }
    }

    private void committed(Instant at, List<RouterEvent> events) {
        lastInstant = at;
        bus.append(events);
        executionLog.afterCommit(state, at);
    }

    /** @return the instant for the next command: never before the last one's */
    private Instant instant(Instant reading) {
        return reading.isBefore(lastInstant) ? lastInstant : reading;
    }

    private void scheduleWakeUp() {
        if (timerThread == null) {
            return;
        }
        Instant next = engine.nextTimerAt();
        if (next == null || (wakeUpAt != null && !next.isBefore(wakeUpAt))) {
            return;
        }
        wakeUpAt = next;
        timerThread.schedule(this::wakeUp, delayNanos(clock.instant(), next), TimeUnit.NANOSECONDS);
    }

    /**
     * @return the wait until {@code next}, at most {@link #LONGEST_SLEEP}: a timer years ahead is
     *     looked at again in a day rather than overflow the scheduler's nanoseconds
     */
    private static long delayNanos(Instant now, Instant next) {
        if (!next.isAfter(now)) {
            return 0;
        }
        Duration wait = Duration.between(now, next);
        return (wait.compareTo(LONGEST_SLEEP) > 0 ? LONGEST_SLEEP : wait).toNanos();
    }

    private void wakeUp() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            wakeUpAt = null;
            fireTimersDueBy(instant(clock.instant()));
            scheduleWakeUp();
        } catch (RuntimeException e) {
            log.error("timer thread failed", e);
        } finally {
            lock.unlock();
        }
        bus.deliver();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the router is closed");
        }
    }
}
