package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.command.TimedCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Timed commands in due order. When what a timer concerns ends early (an offer answered, a pending
 * close cancelled), the engine cancels the timer, so that a long-lived router does not accumulate
 * dead ones; when a timer fires, its handler still checks that it applies. Both scheduling and
 * cancelling are recorded in the undo log. The queue only holds timers: the host decides when to
 * fire them.
 */
final class TimerQueue {

    record Timer(Instant at, long sequence, TimedCommand command) {}

    private final NavigableSet<Timer> timers = new TreeSet<>(
            Comparator.comparing(Timer::at).thenComparingLong(Timer::sequence));
    /** Each pending timer by its command: timed commands are values, so the engine can name one to cancel. */
    private final Map<TimedCommand, Timer> byCommand = new HashMap<>();
    private final UndoLog undo;
    private final Sequences sequences;
    /**
     * The earliest pending timer, or {@code null} when it must be looked up again: the host asks for
     * it before every command, and a walk down a tree of ten thousand expiries each time shows.
     */
    private Timer earliest;

    TimerQueue(UndoLog undo, Sequences sequences) {
        this.undo = undo;
        this.sequences = sequences;
    }

    /** Schedules the command at its due time; the same command already pending is not scheduled twice. */
    void schedule(TimedCommand command) {
        if (byCommand.containsKey(command)) {
            return;
        }
        Timer timer = new Timer(command.dueAt(), sequences.nextTimer(), command);
        add(timer);
        undo.record(() -> remove(timer));
    }

    /** Cancels the pending timer of this command, if any. */
    void cancel(TimedCommand command) {
        Timer timer = byCommand.get(command);
        if (timer != null) {
            remove(timer);
            undo.record(() -> add(timer));
        }
    }

    /** @return the earliest pending timer's command, or {@code null} */
    TimedCommand first() {
        if (earliest == null && !timers.isEmpty()) {
            earliest = timers.first();
        }
        return earliest == null ? null : earliest.command();
    }

    /** @return the pending timers in due order */
    List<Timer> pending() {
        return new ArrayList<>(timers);
    }

    private void add(Timer timer) {
        timers.add(timer);
        byCommand.put(timer.command(), timer);
        if (earliest != null && timers.comparator().compare(timer, earliest) < 0) {
            earliest = timer;
        }
    }

    private void remove(Timer timer) {
        timers.remove(timer);
        byCommand.remove(timer.command());
        if (timer == earliest) {
            earliest = null;
        }
    }
}
