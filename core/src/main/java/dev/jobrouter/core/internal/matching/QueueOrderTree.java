package dev.jobrouter.core.internal.matching;

import java.time.Instant;
import java.util.Arrays;

/**
 * One queue's jobs in queue order (priority descending, expedited first, enqueue time, arrival), as a
 * B+ tree whose inner nodes count the jobs under each child: a job's rank costs O(log n). The JDK's and
 * Guava's sorted sets answer a rank only by walking, and a caller asking a million-job queue for a
 * position must not wait for a walk.
 *
 * <p>Why a wide tree rather than a binary one: in a queue of a million a rank is bounded by memory
 * latency, and every node a descent touches that is not in a cache costs a miss. A binary tree is about
 * forty levels deep there, and only its top levels stay cached; this tree is four levels deep, its inner
 * levels are small enough to stay cached, and a node keeps its keys in primitive arrays, so a binary
 * search inside it reads a few adjacent cache lines rather than following pointers.
 *
 * <p>Each inner node also keeps, per child, the enqueue time and arrival of the child's longest-waiting
 * job, so the queue's longest wait is read at the root and kept up to date by scanning adjacent
 * arrays, never the children themselves.
 *
 * <p>A node that empties is unlinked; a node that is only sparsely filled stays (its arrays shrink
 * with it), so the tree's depth never grows past what its largest size needed. Not thread-safe.
 */
final class QueueOrderTree {
    /** Seconds are stored from this one, the earliest the router accepts (year 1), so they fit 39 bits. */
    private static final long FIRST_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long SECOND_BITS = (1L << 39) - 1;
    /** Keys per node before it splits: a node's key arrays then span a few cache lines each. */
    static final int DEFAULT_FANOUT = 64;

    /**
     * A key, or a range of keys, in both orders: the queue order compares {@code order} (priority,
     * expedited, second) then {@code nanos} then {@code arrival}; the wait order compares the second,
     * then {@code nanos}, then {@code arrival}.
     */
    private static final class Keys {
        /** Per key, three adjacent longs: order, nanos, arrival; one probe of a search reads one cache line. */
        long[] data;
        int size;

        Keys(int capacity) {
            data = new long[capacity * 3];
        }

        int capacity() {
            return data.length / 3;
        }

        long order(int at) {
            return data[at * 3];
        }

        int nanos(int at) {
            return (int) data[at * 3 + 1];
        }

        long arrival(int at) {
            return data[at * 3 + 2];
        }

        void set(int at, long order, int nanos, long arrival) {
            data[at * 3] = order;
            data[at * 3 + 1] = nanos;
            data[at * 3 + 2] = arrival;
        }

        void insert(int at, long order, int nanos, long arrival) {
            if (size == capacity()) {
                resize(size * 2);
            }
            System.arraycopy(data, at * 3, data, at * 3 + 3, (size - at) * 3);
            set(at, order, nanos, arrival);
            size++;
        }

        void delete(int at) {
            size--;
            System.arraycopy(data, at * 3 + 3, data, at * 3, (size - at) * 3);
            if (capacity() > 8 && size < capacity() / 4) {
                resize(capacity() / 2);   // a node that emptied does not keep the memory it once needed
            }
        }

        void resize(int capacity) {
            data = Arrays.copyOf(data, capacity * 3);
        }

        /** Moves the keys from {@code from} on into {@code target}, which is empty. */
        void moveTail(int from, Keys target) {
            int moved = size - from;
            target.resize(roomFor(moved));
            System.arraycopy(data, from * 3, target.data, 0, moved * 3);
            target.size = moved;
            size = from;
            resize(roomFor(from));   // the part that stays gives back its room
        }

        /** @return the capacity for {@code keys} keys: the power of two at or above, and at least 8 */
        static int roomFor(int keys) {
            return Math.max(8, Integer.highestOneBit(Math.max(1, keys - 1)) * 2);
        }

        int compare(int at, long order, int nanos, long arrival) {
            int base = at * 3;
            int c = Long.compare(data[base], order);
            if (c != 0) {
                return c;
            }
            c = Long.compare(data[base + 1], nanos);
            return c != 0 ? c : Long.compare(data[base + 2], arrival);
        }

        /** @return the first index whose key is not before the given one */
        int lowerBound(long order, int nanos, long arrival) {
            int low = 0;
            int high = size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (compare(middle, order, nanos, arrival) < 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** @return the index of the key that has waited longest, with {@code order} read as its second */
        int longestWaiting(boolean orderIsSecond) {
            int best = 0;
            for (int i = 1; i < size; i++) {
                if (waitedLonger(i, best, orderIsSecond)) {
                    best = i;
                }
            }
            return best;
        }

        private boolean waitedLonger(int a, int b, boolean orderIsSecond) {
            long secondA = orderIsSecond ? order(a) : order(a) & SECOND_BITS;
            long secondB = orderIsSecond ? order(b) : order(b) & SECOND_BITS;
            int c = Long.compare(secondA, secondB);
            if (c == 0) {
                c = Integer.compare(nanos(a), nanos(b));
            }
            return c < 0 || c == 0 && arrival(a) < arrival(b);
        }
    }

    /**
     * A node: a leaf holds keys; an inner node holds children, and for each child but the first a
     * separator, a key that every key under the child is at or after and every key under the child
     * before it is before. A separator is a key the child held first when it was split off: later
     * removals leave it valid, so nothing refreshes it.
     */
    private abstract static class Node {
        /** The queue-order keys: of the jobs (leaf), or the first key of each child (inner). */
        final Keys keys;

        Node(int capacity) {
            keys = new Keys(capacity);
        }

        int size() {
            return keys.size;
        }
    }

    private static final class Leaf extends Node {
        Leaf(int capacity) {
            super(capacity);
        }
    }

    private static final class Inner extends Node {
        Node[] children;
        /** Jobs under each child. */
        int[] counts;
        /** Per child, its longest-waiting job: second (as {@code order}), nanos and arrival. */
        final Keys longest;

        Inner(int capacity) {
            super(capacity);
            children = new Node[capacity];
            counts = new int[capacity];
            longest = new Keys(capacity);
        }

        /** @return the child a key belongs to: the last whose first key is not after it, or the first */
        int childFor(long order, int nanos, long arrival) {
            int low = 1;
            int high = keys.size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (keys.compare(middle, order, nanos, arrival) <= 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low - 1;
        }

        void insertChild(int at, Node child, int count) {
            Keys first = child.keys;
            keys.insert(at, first.order(0), first.nanos(0), first.arrival(0));
            longest.insert(at, 0, 0, 0);
            if (children.length < keys.capacity()) {
                children = Arrays.copyOf(children, keys.capacity());
                counts = Arrays.copyOf(counts, keys.capacity());
            }
            System.arraycopy(children, at, children, at + 1, keys.size - 1 - at);
            System.arraycopy(counts, at, counts, at + 1, keys.size - 1 - at);
            children[at] = child;
            counts[at] = count;
        }

        void deleteChild(int at) {
            keys.delete(at);
            longest.delete(at);
            System.arraycopy(children, at + 1, children, at, keys.size - at);
            System.arraycopy(counts, at + 1, counts, at, keys.size - at);
            children[keys.size] = null;
            if (children.length > keys.capacity()) {
                children = Arrays.copyOf(children, keys.capacity());
                counts = Arrays.copyOf(counts, keys.capacity());
            }
        }
    }

    private final int fanout;
    private Node root;
    private int size;
    /** Per level of the last descent, the inner node and the child taken; the root is at 0. */
    private Inner[] pathNodes = new Inner[8];
    private int[] pathSlots = new int[8];
    private int depth;

    QueueOrderTree() {
        this(DEFAULT_FANOUT);
    }

    /** @param fanout keys per node before it splits; small ones let tests build deep trees */
    QueueOrderTree(int fanout) {
        if (fanout < 4) {
            throw new IllegalArgumentException("fanout must be at least 4, was " + fanout);
        }
        this.fanout = fanout;
    }

    /** @return the packed leading key of a place: higher priority, then expedited, then earlier second, first */
    private static long order(WaitingJobs.Place place) {
        long notExpedited = place.expedited() ? 0 : 1;
        return ((long) (100 - place.priority()) << 55) | (notExpedited << 54)
                | (place.enqueuedAt().getEpochSecond() - FIRST_SECOND);
    }

    int size() {
        return size;
    }

    /** @return when the job that has waited longest was queued, or {@code null} when empty */
    Instant longestWaitingSince() {
        if (root == null) {
            return null;
        }
        Keys keys = root instanceof Inner inner ? inner.longest : root.keys;
        int best = keys.longestWaiting(root instanceof Inner);
        long second = root instanceof Inner ? keys.order(best) : keys.order(best) & SECOND_BITS;
        return Instant.ofEpochSecond(second + FIRST_SECOND, keys.nanos(best));
    }

    /** @return how many places come before this one: its 0-based rank, whether or not it is present */
    int countBefore(WaitingJobs.Place place) {
        if (root == null) {
            return 0;
        }
        long order = order(place);
        int nanos = place.enqueuedAt().getNano();
        long arrival = place.arrival();
        int before = 0;
        Node node = root;
        while (node instanceof Inner inner) {
            int child = inner.childFor(order, nanos, arrival);
            for (int i = 0; i < child; i++) {
                before += inner.counts[i];
            }
            node = inner.children[child];
        }
        return before + node.keys.lowerBound(order, nanos, arrival);
    }

    /** Adds the place; one already present is left as it is. */
    void add(WaitingJobs.Place place) {
        long order = order(place);
        int nanos = place.enqueuedAt().getNano();
        long arrival = place.arrival();
        if (root == null) {
            root = new Leaf(8);
        }
        Leaf leaf = descend(order, nanos, arrival);
        int at = leaf.keys.lowerBound(order, nanos, arrival);
        if (at < leaf.size() && leaf.keys.compare(at, order, nanos, arrival) == 0) {
            return;
        }
        leaf.keys.insert(at, order, nanos, arrival);
        size++;
        for (int level = 0; level < depth; level++) {
            pathNodes[level].counts[pathSlots[level]]++;
        }
        Node split = leaf.size() > fanout ? splitOff(leaf, at) : null;
        for (int level = depth - 1; level >= 0; level--) {
            Inner parent = pathNodes[level];
            int slot = pathSlots[level];
            refreshLongest(parent, slot);
            if (split != null) {
                parent.counts[slot] -= countOf(split);
                parent.insertChild(slot + 1, split, countOf(split));
                refreshLongest(parent, slot + 1);
                split = parent.size() > fanout ? splitOff(parent, slot + 1) : null;
            }
        }
        if (split != null) {
            Inner newRoot = new Inner(8);
            Node old = root;
            newRoot.insertChild(0, old, countOf(old));
            newRoot.insertChild(1, split, countOf(split));
            refreshLongest(newRoot, 0);
            refreshLongest(newRoot, 1);
            root = newRoot;
        }
    }

    /** Removes the place; one that is not present changes nothing. */
    void remove(WaitingJobs.Place place) {
        if (root == null) {
            return;
        }
        long order = order(place);
        int nanos = place.enqueuedAt().getNano();
        long arrival = place.arrival();
        Leaf leaf = descend(order, nanos, arrival);
        int at = leaf.keys.lowerBound(order, nanos, arrival);
        if (at == leaf.size() || leaf.keys.compare(at, order, nanos, arrival) != 0) {
            return;
        }
        leaf.keys.delete(at);
        size--;
        boolean emptied = leaf.size() == 0;
        for (int level = depth - 1; level >= 0; level--) {
            Inner parent = pathNodes[level];
            int slot = pathSlots[level];
            parent.counts[slot]--;
            if (emptied) {
                parent.deleteChild(slot);
                emptied = parent.size() == 0;
            } else {
                refreshLongest(parent, slot);
            }
        }
        Arrays.fill(pathNodes, 0, depth, null);   // the path may name nodes just unlinked: it must not keep them
        if (size == 0) {
            root = null;
        } else {
            while (root instanceof Inner inner && inner.size() == 1) {
                root = inner.children[0];   // a root with one child is one level too many
            }
        }
    }

    /** @return the levels from the root to a leaf, 0 when empty; for tests of its shape */
    int height() {
        int height = 0;
        for (Node node = root; node != null; node = node instanceof Inner inner ? inner.children[0] : null) {
            height++;
        }
        return height;
    }

    /** Walks from the root to the key's leaf, recording the path. */
    private Leaf descend(long order, int nanos, long arrival) {
        depth = 0;
        Node node = root;
        while (node instanceof Inner inner) {
            if (depth == pathNodes.length) {
                pathNodes = Arrays.copyOf(pathNodes, depth * 2);
                pathSlots = Arrays.copyOf(pathSlots, depth * 2);
            }
            int child = inner.childFor(order, nanos, arrival);
            pathNodes[depth] = inner;
            pathSlots[depth] = child;
            depth++;
            node = inner.children[child];
        }
        return (Leaf) node;
    }

    /** Copies the child's longest-waiting job into the parent's slot for it. */
    private static void refreshLongest(Inner parent, int slot) {
        Node child = parent.children[slot];
        Keys from = child instanceof Inner inner ? inner.longest : child.keys;
        int best = from.longestWaiting(child instanceof Inner);
        parent.longest.set(slot, child instanceof Inner ? from.order(best) : from.order(best) & SECOND_BITS,
                from.nanos(best), from.arrival(best));
    }

    /**
     * Splits a node that overflowed: in two halves, or, when the key or child that overflowed it went
     * last, into a full node and one holding only that. A queue mostly grows at its end (one priority,
     * later arrivals last), and halving there would leave every node half empty for good.
     *
     * @return the new right part
     */
    private static Node splitOff(Node node, int inserted) {
        int half = inserted == node.size() - 1 ? node.size() - 1 : node.size() / 2;
        if (node instanceof Inner inner) {
            Inner right = new Inner(8);
            int moved = inner.size() - half;
            inner.keys.moveTail(half, right.keys);
            inner.longest.moveTail(half, right.longest);
            right.children = new Node[right.keys.capacity()];
            right.counts = new int[right.keys.capacity()];
            System.arraycopy(inner.children, half, right.children, 0, moved);
            System.arraycopy(inner.counts, half, right.counts, 0, moved);
            inner.children = Arrays.copyOf(inner.children, inner.keys.capacity());
            inner.counts = Arrays.copyOf(inner.counts, inner.keys.capacity());
            Arrays.fill(inner.children, half, inner.children.length, null);   // no reference to a moved child stays
            return right;
        }
        Leaf right = new Leaf(8);
        node.keys.moveTail(half, right.keys);
        return right;
    }

    private static int countOf(Node node) {
        if (node instanceof Inner inner) {
            int count = 0;
            for (int i = 0; i < inner.size(); i++) {
                count += inner.counts[i];
            }
            return count;
        }
        return node.size();
    }
}
