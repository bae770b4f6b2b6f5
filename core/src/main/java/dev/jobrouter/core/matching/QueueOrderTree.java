package dev.jobrouter.core.matching;

import java.time.Instant;

/**
 * One queue's jobs in queue order (priority descending, expedited first, enqueue time, arrival), as a
 * treap whose nodes count their subtree: a job's rank costs O(log n). The JDK's and Guava's sorted
 * sets answer a rank only by walking, and a caller asking a million-job queue for a position must not
 * wait for a walk.
 *
 * <p>Each node holds its sort key as primitives rather than a reference to a place and its instant, so
 * a descent touches one object per level: in a queue of a million, a position is bounded by memory
 * latency, and every pointer followed is a likely cache miss. Each node also knows the node of its
 * subtree that has waited longest, so the queue's longest wait is read at the root.
 *
 * <p>The heap priorities come from a fixed-seed generator, so the shape, and so the cost, is the same on
 * every run with the same operations. Not thread-safe.
 */
final class QueueOrderTree {
    /** Seconds are stored from this one, the earliest the router accepts (year 1), so they fit 39 bits. */
    private static final long FIRST_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long SECOND_BITS = (1L << 39) - 1;

    private static final class Node {
        /** Priority (descending), expedited first, then the second of the enqueue time, packed. */
        final long order;
        final int nanos;
        final long arrival;
        final long heap;
        Node left;
        Node right;
        int size = 1;
        /** The node of this subtree whose job has waited longest. */
        Node longestWaiting = this;

        Node(long order, int nanos, long arrival, long heap) {
            this.order = order;
            this.nanos = nanos;
            this.arrival = arrival;
            this.heap = heap;
        }

        long second() {
            return (order & SECOND_BITS) + FIRST_SECOND;
        }
    }

    private Node root;
    private long seed = 0x2545F4914F6CDD1DL;

    /** @return the packed leading key of a place: higher priority, then expedited, then earlier second, first */
    private static long order(WaitingJobs.Place place) {
        long notExpedited = place.expedited() ? 0 : 1;
        return ((long) (100 - place.priority()) << 55) | (notExpedited << 54)
                | (place.enqueuedAt().getEpochSecond() - FIRST_SECOND);
    }

    private static int compare(long order, int nanos, long arrival, Node node) {
        int c = Long.compare(order, node.order);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(nanos, node.nanos);
        return c != 0 ? c : Long.compare(arrival, node.arrival);
    }

    /** Enqueue time, then arrival. */
    private static boolean waitedLonger(Node a, Node b) {
        int c = Long.compare(a.second(), b.second());
        if (c == 0) {
            c = Integer.compare(a.nanos, b.nanos);
        }
        return c < 0 || c == 0 && a.arrival < b.arrival;
    }

    int size() {
        return root == null ? 0 : root.size;
    }

    /** @return when the job that has waited longest was queued, or {@code null} when empty */
    Instant longestWaitingSince() {
        return root == null ? null : Instant.ofEpochSecond(root.longestWaiting.second(), root.longestWaiting.nanos);
    }

    /** Adds the place; one already present is left as it is. */
    void add(WaitingJobs.Place place) {
        root = insert(root, order(place), place.enqueuedAt().getNano(), place.arrival(), nextHeap());
    }

    void remove(WaitingJobs.Place place) {
        root = delete(root, order(place), place.enqueuedAt().getNano(), place.arrival());
    }

    /** @return how many places come before this one: its 0-based rank, whether or not it is present */
    int countBefore(WaitingJobs.Place place) {
        long order = order(place);
        int nanos = place.enqueuedAt().getNano();
        long arrival = place.arrival();
        int before = 0;
        Node node = root;
        while (node != null) {
            if (compare(order, nanos, arrival, node) <= 0) {
                node = node.left;
            } else {
                before += (node.left == null ? 0 : node.left.size) + 1;
                node = node.right;
            }
        }
        return before;
    }

    private Node insert(Node node, long order, int nanos, long arrival, long heap) {
        if (node == null) {
            return new Node(order, nanos, arrival, heap);
        }
        int c = compare(order, nanos, arrival, node);
        if (c == 0) {
            return node;
        }
        if (c < 0) {
            node.left = insert(node.left, order, nanos, arrival, heap);
            if (node.left.heap > node.heap) {
                node = rotateRight(node);
            }
        } else {
            node.right = insert(node.right, order, nanos, arrival, heap);
            if (node.right.heap > node.heap) {
                node = rotateLeft(node);
            }
        }
        return update(node);
    }

    private Node delete(Node node, long order, int nanos, long arrival) {
        if (node == null) {
            return null;
        }
        int c = compare(order, nanos, arrival, node);
        if (c < 0) {
            node.left = delete(node.left, order, nanos, arrival);
        } else if (c > 0) {
            node.right = delete(node.right, order, nanos, arrival);
        } else {
            return merge(node.left, node.right);
        }
        return update(node);
    }

    /** @return the union of two treaps whose every node of {@code left} precedes every one of {@code right} */
    private Node merge(Node left, Node right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        if (left.heap > right.heap) {
            left.right = merge(left.right, right);
            return update(left);
        }
        right.left = merge(left, right.left);
        return update(right);
    }

    private Node rotateRight(Node node) {
        Node pivot = node.left;
        node.left = pivot.right;
        pivot.right = update(node);
        return update(pivot);
    }

    private Node rotateLeft(Node node) {
        Node pivot = node.right;
        node.right = pivot.left;
        pivot.left = update(node);
        return update(pivot);
    }

    private static Node update(Node node) {
        node.size = 1 + (node.left == null ? 0 : node.left.size) + (node.right == null ? 0 : node.right.size);
        Node longest = node;
        if (node.left != null && waitedLonger(node.left.longestWaiting, longest)) {
            longest = node.left.longestWaiting;
        }
        if (node.right != null && waitedLonger(node.right.longestWaiting, longest)) {
            longest = node.right.longestWaiting;
        }
        node.longestWaiting = longest;
        return node;
    }

    /** SplitMix64: cheap, well mixed, and reproducible from the fixed seed. */
    private long nextHeap() {
        long z = (seed += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
