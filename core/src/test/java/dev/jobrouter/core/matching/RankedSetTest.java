package dev.jobrouter.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The ranked set agrees with a TreeSet walked by hand, through random adds and removes. */
class RankedSetTest {

    @Test
    void ranksSizesAndFirstsAgreeWithATreeSet() {
        Random random = new Random(42);
        // The second order is by last digit, then value: its least is the smallest value ending in the smallest digit.
        Comparator<Integer> byLastDigit = Comparator.comparingInt((Integer v) -> v % 10).thenComparing(v -> v);
        RankedSet<Integer> ranked = new RankedSet<>(Comparator.naturalOrder(), byLastDigit);
        TreeSet<Integer> expected = new TreeSet<>();
        for (int step = 0; step < 20_000; step++) {
            int value = random.nextInt(2_000);
            if (random.nextInt(3) == 0) {
                ranked.remove(value);
                expected.remove(value);
            } else {
                ranked.add(value);
                expected.add(value);
            }
            int probe = random.nextInt(2_100);
            assertThat(ranked.countBefore(probe)).as("rank of %s at step %s", probe, step)
                    .isEqualTo(expected.headSet(probe, false).size());
            assertThat(ranked.size()).isEqualTo(expected.size());
            assertThat(ranked.first()).isEqualTo(expected.isEmpty() ? null : expected.first());
            assertThat(ranked.leastBySecond()).isEqualTo(expected.stream().min(byLastDigit).orElse(null));
        }
    }

    @Test
    void addingAnElementTwiceKeepsOne() {
        RankedSet<String> ranked = new RankedSet<>(Comparator.naturalOrder());
        ranked.add("b");
        ranked.add("b");
        ranked.add("a");
        assertThat(ranked.size()).isEqualTo(2);
        assertThat(ranked.countBefore("b")).isEqualTo(1);
        ranked.remove("zz");
        assertThat(ranked.size()).isEqualTo(2);
    }
}
