package dev.jobrouter.core.internal.matching;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * An ordered set per key (a queue and channel, or a label value within one). A set that empties stays (a queue with one worker empties
 * and refills on every offer, and making a new set each time costs every command an allocation)
 * until empty sets outnumber the others; then they are all dropped at once. So memory follows the
 * queues and channels in use, not every one ever seen, at an amortised cost of nothing.
 */
final class OrderedSets<K, P> {
    /** Empty sets below this many are never swept: a handful costs nothing. */
    private static final int KEPT_EMPTY = 64;

    private final Comparator<P> order;
    /**
     * What {@link #in} gives for a key without a set: empty, and ordered by {@code order} like the
     * others, so a caller's {@code tailSet(probe)} compares with it instead of failing on a probe that
     * is not {@code Comparable}, as {@code Collections.emptyNavigableSet()} would.
     */
    private final NavigableSet<P> none;
    private final Map<K, NavigableSet<P>> sets = new HashMap<>();
    private int empty;

    OrderedSets(Comparator<P> order) {
        this.order = order;
        this.none = Collections.unmodifiableNavigableSet(new TreeSet<>(order));
    }

    void add(K key, P element) {
        NavigableSet<P> set = sets.get(key);
        if (set == null) {
            set = new TreeSet<>(order);
            sets.put(key, set);
        } else if (set.isEmpty()) {
            empty--;
        }
        set.add(element);
    }

    void remove(K key, P element) {
        NavigableSet<P> set = sets.get(key);
        if (set != null && set.remove(element) && set.isEmpty() && ++empty > KEPT_EMPTY && empty * 2 > sets.size()) {
            sets.values().removeIf(NavigableSet::isEmpty);
            empty = 0;
        }
    }

    /**
     * @return the set of the key, in order, empty when there is none: the set itself,
     *     not a copy or a wrapper (matching asks on every change), so callers only read it
     */
    NavigableSet<P> in(K key) {
        NavigableSet<P> set = sets.get(key);
        return set == null ? none : set;
    }

    /** @return how many sets are held, empty ones included; for tests */
    int size() {
        return sets.size();
    }
}
