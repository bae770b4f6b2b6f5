package dev.jobrouter.rules.internal;

import static dev.jobrouter.rules.internal.TestFacts.HEADER;
import static dev.jobrouter.rules.internal.TestFacts.NOW;
import static dev.jobrouter.rules.internal.TestFacts.decision;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.command.CreateJob;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.rules.Refusal;
import dev.jobrouter.core.rules.RuleEffect;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.rules.Verdict;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A user's DRL is text, and reads the same whatever the JVM's default charset: a container started
 * with {@code LANG=C} has US-ASCII. This module's tests run with ISO-8859-1 as the default (see its
 * pom.xml), under which the rule below was once decoded byte by byte: its name came out as
 * {@code RÃ¨gle} and its literal never matched, so the rule silently did nothing.
 */
class RuleTextEncodingTest {
    private static final String DRL = HEADER + """
            rule "Règle : pas de café"
            when
                CreateJob()
                RouterJob(id == "café")
            then
                insert(new Refusal("refusé : café"));
            end
            """;

    @Test
    void aRuleWithTextBeyondAsciiFiresAndIsNamedAsWritten() {
        assertThat(Charset.defaultCharset())
                .as("the surefire configuration that makes this test mean something")
                .isNotEqualTo(StandardCharsets.UTF_8);
        RouterJob job = new RouterJob("café", "voice", "q1", 1, JobStatus.QUEUED, NOW, ImmutableMap.of(),
                ImmutableMap.of(), ImmutableMap.of(), List.of(), null);

        try (TransitionRules rules = RuleBase.of(List.of(new DrlSource("règles.drl", DRL))).newSession(Set.of())) {
            CreateJob create = new CreateJob("café", "voice", "q1", 1, ImmutableMap.of(), ImmutableMap.of());
            Verdict verdict = rules.decide(decision(create, NOW, job, null, null));

            assertThat(verdict.refusals()).extracting(RuleEffect::rule).containsExactly("Règle : pas de café");
            assertThat(((Refusal) verdict.refusals().get(0).effect()).reason()).isEqualTo("refusé : café");
        }
    }
}
