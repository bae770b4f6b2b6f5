package dev.jobrouter.core.matching;

import java.util.Comparator;

/**
 * A sorted set that also answers "how many elements come before this one" in O(log n): a treap whose
 * nodes count their subtree. The JDK's and Guava's sorted sets answer that only by walking, and a
 * caller asking a million-job queue for a position must not wait for a walk.
 *
 * <p>Each node also keeps the least element of its subtree under a second order, when one is given, so
 * that element is at the root: a queue's longest-waiting job without a second tree.
 *
 * <p>The heap priorities come from a fixed-seed generator, so the shape (and so the cost) is the same
 * on every run with the same operations. Not thread-safe.
 *
 * @param <E> the elements; distinct under the comparator
 */
public final class RankedSet<E> {
    private final Comparator<? super E> order;
    private final Comparator<? super E> second;
    private Node<E> root;
    private long seed = 0x2545F4914F6CDD1DL;

    public RankedSet(Comparator<? super E> order) {
        this(order, null);
    }

    /** @param second the order {@link #leastBySecond()} answers for, or {@code null} */
    public RankedSet(Comparator<? super E> order, Comparator<? super E> second) {
        this.order = order;
        this.second = second;
    }

    private static final class Node<E> {
        final E element;
        final long priority;
        Node<E> left;
        Node<E> right;
        int size = 1;
        /** The least element of the subtree under the second order; unused without one. */
        E leastBySecond;

        Node(E element, long priority) {
            this.element = element;
            this.priority = priority;
            this.leastBySecond = element;
        }
    }

    /** @return the number of elements */
    public int size() {
        return size(root);
    }

    /** @return the least element, or {@code null} when empty */
    public E first() {
        Node<E> node = root;
        if (node == null) {
            return null;
        }
        while (node.left != null) {
            node = node.left;
        }
        return node.element;
    }

    /** @return the least element under the second order, or {@code null} when empty */
    public E leastBySecond() {
        if (second == null) {
            throw new IllegalStateException("this set keeps no second order");
        }
        return root == null ? null : root.leastBySecond;
    }

    /** Adds the element; one already present is left as it is. */
    public void add(E element) {
        root = insert(root, element, nextPriority());
    }

    /** Removes the element, if present. */
    public void remove(E element) {
        root = delete(root, element);
    }

    /** @return how many elements come before the element: its 0-based rank, whether or not it is present */
    public int countBefore(E element) {
        int before = 0;
        Node<E> node = root;
        while (node != null) {
            int c = order.compare(element, node.element);
            if (c <= 0) {
                node = node.left;
            } else {
                before += size(node.left) + 1;
                node = node.right;
            }
        }
        return before;
    }

    private Node<E> insert(Node<E> node, E element, long priority) {
        if (node == null) {
            return new Node<>(element, priority);
        }
        int c = order.compare(element, node.element);
        if (c == 0) {
            return node;
        }
        if (c < 0) {
            node.left = insert(node.left, element, priority);
            if (node.left.priority > node.priority) {
                node = rotateRight(node);
            }
        } else {
            node.right = insert(node.right, element, priority);
            if (node.right.priority > node.priority) {
                node = rotateLeft(node);
            }
        }
        return resize(node);
    }

    private Node<E> delete(Node<E> node, E element) {
        if (node == null) {
            return null;
        }
        int c = order.compare(element, node.element);
        if (c < 0) {
            node.left = delete(node.left, element);
        } else if (c > 0) {
            node.right = delete(node.right, element);
        } else {
            return merge(node.left, node.right);
        }
        return resize(node);
    }

    /** @return the union of two treaps whose every element of {@code left} precedes every one of {@code right} */
    private Node<E> merge(Node<E> left, Node<E> right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        if (left.priority > right.priority) {
            left.right = merge(left.right, right);
            return resize(left);
        }
        right.left = merge(left, right.left);
        return resize(right);
    }

    private Node<E> rotateRight(Node<E> node) {
        Node<E> pivot = node.left;
        node.left = pivot.right;
        pivot.right = resize(node);
        return resize(pivot);
    }

    private Node<E> rotateLeft(Node<E> node) {
        Node<E> pivot = node.right;
        node.right = pivot.left;
        pivot.left = resize(node);
        return resize(pivot);
    }

    private Node<E> resize(Node<E> node) {
        node.size = 1 + size(node.left) + size(node.right);
        if (second != null) {
            E least = node.element;
            if (node.left != null && second.compare(node.left.leastBySecond, least) < 0) {
                least = node.left.leastBySecond;
            }
            if (node.right != null && second.compare(node.right.leastBySecond, least) < 0) {
                least = node.right.leastBySecond;
            }
            node.leastBySecond = least;
        }
        return node;
    }

    private static int size(Node<?> node) {
        return node == null ? 0 : node.size;
    }

    /** SplitMix64: cheap, well mixed, and reproducible from the fixed seed. */
    private long nextPriority() {
        long z = (seed += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
