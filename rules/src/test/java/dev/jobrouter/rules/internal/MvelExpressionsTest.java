package dev.jobrouter.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.internal.routing.ExpressionLanguage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MvelExpressionsTest {
    private final MvelExpressions mvel = new MvelExpressions();

    @Test
    void aMissingLabelReadsAsNullEvenWhenTheFirstEvaluationLacksIt() throws Exception {
        ExpressionLanguage.Compiled vip = mvel.compile("job.Vip == true ? 10 : 1");

        assertThat(vip.evaluate(Map.of("job", ImmutableMap.of()))).isEqualTo(1);
        assertThat(vip.evaluate(Map.of("job", ImmutableMap.of("Vip", true)))).isEqualTo(10);
        assertThat(vip.evaluate(Map.of("job", ImmutableMap.of("Other", 1, "Vip", false)))).isEqualTo(1);
    }

    @Test
    void labelMapsOfEveryClassReadTheSame() throws Exception {
        ExpressionLanguage.Compiled tier = mvel.compile("worker.Tier == \"gold\"");

        assertThat(tier.evaluate(Map.of("worker", ImmutableMap.of("Tier", "gold")))).isEqualTo(true);
        assertThat(tier.evaluate(Map.of("worker", ImmutableMap.of("Id", "w2", "Tier", "gold", "x", 1)))).isEqualTo(true);
        assertThat(tier.evaluate(Map.of("worker", new java.util.TreeMap<>(Map.of("Tier", "silver"))))).isEqualTo(false);
    }

    @Test
    void anExpressionThatDoesNotCompileSaysWhy() {
        // MVEL lets some malformed input through (a ternary without its else compiles); these it does not.
        for (String broken : java.util.List.of("job.Vip ==", "((", "1 +", "job.")) {
            assertThatThrownBy(() -> mvel.compile(broken)).as(broken).isInstanceOf(IllegalArgumentException.class)
                    .hasCauseInstanceOf(RuntimeException.class);
        }
    }
}
