package dev.jobrouter.core.internal.engine;

import java.util.ArrayDeque;
import java.util.Deque;

/** The inverse of every change made in the current command, so that a failed command leaves no trace. */
final class UndoLog {
    private final Deque<Runnable> inverses = new ArrayDeque<>();

    void record(Runnable inverse) {
        inverses.push(inverse);
    }

    /** Undoes every recorded change, newest first. */
    void rollback() {
        rollbackTo(0);
    }

    /** @return a mark to roll back to with {@link #rollbackTo(int)} */
    int mark() {
        return inverses.size();
    }

    /** Undoes the changes recorded since the mark, newest first. */
    void rollbackTo(int mark) {
        while (inverses.size() > mark) {
            inverses.pop().run();
        }
    }

    /** Keeps every recorded change. */
    void commit() {
        inverses.clear();
    }
}
