package dev.jobrouter.core.matching;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * An ordered set per queue and channel. A set that empties stays (a queue with one worker empties
 * and refills on every offer, and making a new set each time costs every command an allocation)
 * until empty sets outnumber the others; then they are all dropped at once. So memory follows the
 * queues and channels in use, not every one ever seen, at an amortised cost of nothing.
 */
final class QueueChannelSets<P> {
    /** Empty sets below this many are never swept: a handful costs nothing. */
    private static final int KEPT_EMPTY = 64;

    private final Comparator<P> order;
    private final Map<QueueChannel, NavigableSet<P>> sets = new HashMap<>();
    private int empty;

    QueueChannelSets(Comparator<P> order) {
        this.order = order;
    }

    void add(QueueChannel queueChannel, P element) {
        NavigableSet<P> set = sets.get(queueChannel);
        if (set == null) {
            set = new TreeSet<>(order);
            sets.put(queueChannel, set);
        } else if (set.isEmpty()) {
            empty--;
        }
        set.add(element);
    }

    void remove(QueueChannel queueChannel, P element) {
        NavigableSet<P> set = sets.get(queueChannel);
        if (set != null && set.remove(element) && set.isEmpty() && ++empty > KEPT_EMPTY && empty * 2 > sets.size()) {
            sets.values().removeIf(NavigableSet::isEmpty);
            empty = 0;
        }
    }

    /**
     * @return the set of the queue and channel, in order, empty when there is none: the set itself,
     *     not a copy or a wrapper (matching asks on every change), so callers only read it
     */
    NavigableSet<P> in(QueueChannel queueChannel) {
        NavigableSet<P> set = sets.get(queueChannel);
        return set == null ? Collections.emptyNavigableSet() : set;
    }

    /** @return how many queue-and-channel sets are held, empty ones included; for tests */
    int size() {
        return sets.size();
    }
}
