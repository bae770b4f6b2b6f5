package dev.jobrouter.core.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import org.junit.jupiter.api.Test;

class OrderedSetsTest {
    private final OrderedSets<QueueChannel, String> sets = new OrderedSets<>(Comparator.<String>naturalOrder());

    @Test
    void setsOfQueuesAndChannelsNoLongerUsedGoOnceTheyOutnumberTheRest() {
        sets.add(new QueueChannel("q1", "voice"), "w1");
        for (int i = 0; i < 10_000; i++) {
            QueueChannel once = new QueueChannel("q1", "channel-" + i);
            sets.add(once, "j" + i);
            sets.remove(once, "j" + i);
        }

        assertThat(sets.size()).as("sets held after 10,000 channels came and went").isLessThanOrEqualTo(2 * 65 + 1);
        assertThat(sets.in(new QueueChannel("q1", "voice"))).containsExactly("w1");
        assertThat(sets.in(new QueueChannel("q1", "channel-9999"))).isEmpty();
    }

    @Test
    void aSetThatEmptiesAndRefillsIsKept() {
        QueueChannel voice = new QueueChannel("q1", "voice");
        sets.add(voice, "w1");
        var before = sets.in(voice);

        sets.remove(voice, "w1");
        sets.add(voice, "w2");

        assertThat(sets.in(voice)).isSameAs(before).containsExactly("w2");
    }

    @Test
    void aKeyWithoutASetGivesAnEmptySetInTheSameOrder() {
        OrderedSets<QueueChannel, Object> byHash = new OrderedSets<>(java.util.Comparator.comparingInt(Object::hashCode));
        Object notComparable = new Object();

        assertThat(byHash.in(new QueueChannel("q1", "voice")).tailSet(notComparable, false)).isEmpty();
    }
}
