package dev.jobrouter.core.engine;

import dev.jobrouter.core.command.TimedCommand;
import java.time.Instant;
import java.util.Comparator;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Timed commands in due order on the router's clock. A timer is not cancelled when what it concerns
 * ends early (an accepted offer, a cancelled job): when it fires, the engine checks that it still
 * applies and otherwise drops it.
 */
final class TimerQueue {

    record Timer(Instant at, long sequence, TimedCommand command) {}

    private final NavigableSet<Timer> timers = new TreeSet<>(
            Comparator.comparing(Timer::at).thenComparingLong(Timer::sequence));
    private final UndoLog undo;
    private long nextSequence;

    TimerQueue(UndoLog undo) {
        this.undo = undo;
    }

    void schedule(TimedCommand command) {
        Timer timer = new Timer(command.dueAt(), nextSequence++, command);
        timers.add(timer);
        undo.record(() -> timers.remove(timer));
    }

    /** @return the earliest timer due at or before {@code upTo}, removed from the queue; or {@code null} */
    Timer pollDue(Instant upTo) {
        Timer first = timers.isEmpty() ? null : timers.first();
        if (first == null || first.at().isAfter(upTo)) {
            return null;
        }
        return timers.pollFirst();
    }

    /** @return the instant of the earliest timer, or {@code null} */
    Instant next() {
        return timers.isEmpty() ? null : timers.first().at();
    }
}
