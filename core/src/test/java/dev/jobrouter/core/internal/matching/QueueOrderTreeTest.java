package dev.jobrouter.core.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The queue-order tree agrees with a TreeSet in queue order, walked by hand, through random adds and removes. */
class QueueOrderTreeTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** Fanout 4 builds a tree seven or more levels deep from the same steps; 64 is the default. */
    @ParameterizedTest(name = "fanout {0}")
    @ValueSource(ints = {4, 5, QueueOrderTree.DEFAULT_FANOUT})
    void ranksSizesAndLongestWaitsAgreeWithATreeSet(int fanout) {
        Random random = new Random(42);
        QueueOrderTree tree = new QueueOrderTree(fanout);
        TreeSet<WaitingJobs.Place> expected = new TreeSet<>(WaitingJobs.QUEUE_ORDER);
        List<WaitingJobs.Place> made = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            if (!made.isEmpty() && random.nextInt(3) == 0) {
                WaitingJobs.Place gone = made.remove(random.nextInt(made.size()));
                tree.remove(gone);
                expected.remove(gone);
            } else {
                WaitingJobs.Place place = place(random, step);
                made.add(place);
                tree.add(place);
                expected.add(place);
            }
            agree(tree, expected, made, random, step);
        }
        Collections.shuffle(made, random);   // then drained, so that emptied nodes and a shrinking root are walked too
        for (int step = 0; made.size() > 1; step++) {
            WaitingJobs.Place gone = made.remove(made.size() - 1);
            tree.remove(gone);
            expected.remove(gone);
            agree(tree, expected, made, random, step);
        }
        assertThat(tree.height()).as("a root left with one child gives way to it").isEqualTo(1);
        tree.remove(made.remove(0));
        tree.remove(place(random, 1));
        assertThat(tree.size()).isZero();
        assertThat(tree.height()).isZero();
        assertThat(tree.countBefore(place(random, 2))).isZero();
    }

    private static void agree(QueueOrderTree tree, TreeSet<WaitingJobs.Place> expected, List<WaitingJobs.Place> made,
            Random random, int step) {
        WaitingJobs.Place probe = random.nextBoolean() && !made.isEmpty() ? made.get(random.nextInt(made.size()))
                : place(random, -step);
        assertThat(tree.countBefore(probe)).as("rank of %s at step %s", probe, step)
                .isEqualTo(expected.headSet(probe, false).size());
        assertThat(tree.size()).isEqualTo(expected.size());
        assertThat(tree.longestWaitingSince()).isEqualTo(expected.stream()
                .min(Comparator.comparing(WaitingJobs.Place::enqueuedAt).thenComparingLong(WaitingJobs.Place::arrival))
                .map(WaitingJobs.Place::enqueuedAt).orElse(null));
    }

    @Test
    void theExtremesOfPriorityAndTimeKeepTheirOrder() {
        QueueOrderTree tree = new QueueOrderTree();
        WaitingJobs.Place lowest = new WaitingJobs.Place(-100, false, Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Long.MAX_VALUE, "last");
        WaitingJobs.Place highest = new WaitingJobs.Place(100, true, Instant.parse("0001-01-01T00:00:00Z"), 0, "first");
        tree.add(lowest);
        tree.add(highest);
        assertThat(tree.countBefore(lowest)).isEqualTo(1);
        assertThat(tree.countBefore(highest)).isZero();
        assertThat(tree.longestWaitingSince()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        tree.add(highest);
        assertThat(tree.size()).as("a place added twice is kept once").isEqualTo(2);
    }

    /** A place among few priorities and instants, so that every tie-breaker is exercised. */
    private static WaitingJobs.Place place(Random random, long arrival) {
        Instant at = T0.plusSeconds(random.nextInt(5)).plusNanos(random.nextInt(3));
        return new WaitingJobs.Place(random.nextInt(5) - 2, random.nextBoolean(), at, arrival, "j" + arrival);
    }
}
