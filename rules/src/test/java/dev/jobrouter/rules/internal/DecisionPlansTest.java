package dev.jobrouter.rules.internal;

import static dev.jobrouter.rules.internal.TestFacts.HEADER;
import static dev.jobrouter.rules.internal.TestFacts.NOW;
import static dev.jobrouter.rules.internal.TestFacts.awaitQuietly;
import static dev.jobrouter.rules.internal.TestFacts.decision;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.command.AcceptJobOffer;
import dev.jobrouter.core.command.CancelJob;
import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.command.CompleteJob;
import dev.jobrouter.core.command.CreateJob;
import dev.jobrouter.core.command.IssueOffer;
import dev.jobrouter.core.command.RegisterWorker;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.rules.Decision;
import dev.jobrouter.core.rules.Now;
import dev.jobrouter.core.rules.RuleEffect;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.rules.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.drools.core.RuleBaseConfiguration;
import org.drools.core.impl.InternalRuleBase;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * Plans leave out only rules that cannot fire and facts that no pattern could match: whatever a
 * rule's conditions look like, it still decides every command it could match.
 */
class DecisionPlansTest {

    private static RouterJob job(int priority) {
        return new RouterJob("j1", "voice", "q1", priority, JobStatus.QUEUED, NOW, ImmutableMap.of(), ImmutableMap.of(),
                ImmutableMap.of(), List.of(), null);
    }

    /** @return the plan once its network is built */
    private static DecisionPlans.Plan plan(RuleBase base, Class<? extends dev.jobrouter.core.command.Command> type)
            throws Exception {
        base.plans().planFor(type);
        base.plans().awaitNetworks();
        return base.plans().planFor(type);
    }

    @Test
    void theBuiltInRulesNeedNoDecisionOnCreateAndOnlyTheFactsTheyMention() throws Exception {
        RuleBase builtIn = RuleBase.of(List.of());

        assertThat(plan(builtIn, CreateJob.class).anyRule()).isFalse();
        assertThat(plan(builtIn, RegisterWorker.class).anyRule()).isFalse();

        DecisionPlans.Plan issue = plan(builtIn, IssueOffer.class);
        assertThat(issue.anyRule()).isTrue();
        assertThat(issue.sees(RouterJob.class)).isTrue();
        assertThat(issue.sees(RouterWorker.class)).isTrue();
        assertThat(issue.sees(RouterJobOffer.class)).isFalse();
        assertThat(issue.sees(Now.class)).isFalse();

        DecisionPlans.Plan accept = plan(builtIn, AcceptJobOffer.class);
        assertThat(accept.sees(Now.class)).isTrue();
        assertThat(accept.sees(RouterJobOffer.class)).isTrue();
        assertThat(accept.sees(RouterWorker.class)).isFalse();
        assertThat(accept.kieBase()).as("a network of the accept rules only").isNotSameAs(issue.kieBase());
        assertThat(accept.provisional()).isFalse();
    }

    @Test
    void decisionNetworksLeaveTheirBetaMemoriesUnindexed() throws Exception {
        RuleBase builtIn = RuleBase.of(List.of());
        for (KieBase network : List.of(builtIn.kieBase(), plan(builtIn, CompleteJob.class).kieBase())) {
            RuleBaseConfiguration configuration = ((InternalRuleBase) network).getRuleBaseConfiguration();
            assertThat(configuration.isIndexLeftBetaMemory()).isFalse();
            assertThat(configuration.isIndexRightBetaMemory()).isFalse();
        }
    }

    @Test
    void untilItsOwnNetworkIsBuiltACommandIsDecidedOnEveryRule() throws Exception {
        RuleBase base = RuleBase.of(List.of(new DrlSource("fresh.drl", HEADER + """
                rule "a rule base of its own for this test"
                when
                    DeleteJob(jobId == "never")
                then
                end
                """)));
        TransitionRules rules = base.newSession(Set.of());
        CountDownLatch hold = new CountDownLatch(1);
        DecisionPlans.NETWORKS.execute(() -> awaitQuietly(hold));   // keeps the build queued behind it
        DecisionPlans.Plan first = base.plans().planFor(CompleteJob.class);

        Verdict early = rules.decide(decision(new CompleteJob("j1", "a1", null), NOW, job(1), null, null));
        hold.countDown();
        base.plans().awaitNetworks();
        Verdict later = rules.decide(decision(new CompleteJob("j1", "a1", null), NOW, job(1), null, null));

        assertThat(first.provisional()).isTrue();
        assertThat(first.kieBase().getKiePackage("dev.jobrouter.rules").getRules()).hasSizeGreaterThan(10);
        assertThat(base.plans().planFor(CompleteJob.class).kieBase().getKiePackage("dev.jobrouter.rules").getRules())
                .hasSize(1);
        assertThat(early.refusals()).extracting(RuleEffect::rule).containsExactly("only an assigned job can be completed");
        assertThat(later).isEqualTo(early);
        assertThat(((DroolsTransitionRules) rules).sessionCount()).as("the full network's, then the cut-down one's")
                .isEqualTo(2);
        rules.close();
    }

    @Test
    void aRuleWithoutACommandPatternDecidesEveryCommand() {
        TransitionRules rules = RuleBase.of(List.of(new DrlSource("no-command.drl", HEADER + """
                rule "urgent jobs are frozen"
                when
                    RouterJob(priority > 50)
                then
                    insert(new Refusal("urgent jobs are frozen"));
                end
                """))).newSession(Set.of());

        Verdict create = rules.decide(decision(new CreateJob("j1", "voice", "q1", 60, Map.of(), Map.of()), NOW,
                job(60), null, null));
        Verdict cancel = rules.decide(decision(new CancelJob("j1", null, null), NOW, job(60), null, null));
        Verdict calm = rules.decide(decision(new CancelJob("j1", null, null), NOW, job(1), null, null));

        assertThat(create.refusals()).extracting(RuleEffect::rule).containsExactly("urgent jobs are frozen");
        assertThat(cancel.refusals()).extracting(RuleEffect::rule).containsExactly("urgent jobs are frozen");
        assertThat(calm.refused()).isFalse();
        rules.close();
    }

    @Test
    void aRuleOnASupertypeOrUnderNotIsNotNarrowedToOneCommand() {
        TransitionRules rules = RuleBase.of(List.of(new DrlSource("wide.drl", HEADER + """
                rule "nothing happens at midnight"
                when
                    Command()
                    Now(instant == java.time.Instant.parse("2026-01-05T09:00:00Z"))
                then
                    insert(new Refusal("not at this hour"));
                end

                rule "only cancels touch job j9"
                when
                    not CancelJob()
                    RouterJob(id == "j9")
                then
                    insert(new Refusal("only cancels touch j9"));
                end
                """))).newSession(Set.of());

        Verdict create = rules.decide(decision(new CreateJob("j1", "voice", "q1", 1, Map.of(), Map.of()), NOW,
                job(1), null, null));
        RouterJob j9 = new RouterJob("j9", "voice", "q1", 1, JobStatus.ASSIGNED, NOW, ImmutableMap.of(),
                ImmutableMap.of(), ImmutableMap.of(), List.of(), null);
        Verdict completeJ9 = rules.decide(decision(new CompleteJob("j9", "a1", null), NOW.plusSeconds(1), j9, null,
                null));

        assertThat(create.refusals()).extracting(RuleEffect::rule).containsExactly("nothing happens at midnight");
        assertThat(completeJ9.refusals()).extracting(RuleEffect::rule).containsExactly("only cancels touch job j9");
        DroolsTransitionRules sessions = (DroolsTransitionRules) rules;
        assertThat(sessions.factCount()).as("verdict facts left behind").isEqualTo(sessions.residentFactCount());
        rules.close();
    }

    @Test
    void eachRuleNetworkGetsOneSessionPerRouterAndCommandsWithoutRulesNone() throws Exception {
        RuleBase builtIn = RuleBase.of(List.of());
        plan(builtIn, CompleteJob.class);
        plan(builtIn, CancelJob.class);
        DroolsTransitionRules rules = (DroolsTransitionRules) builtIn.newSession(Set.of());

        rules.decide(decision(new CreateJob("j1", "voice", "q1", 1, Map.of(), Map.of()), NOW, job(1), null, null));
        assertThat(rules.sessionCount()).isZero();
        rules.decide(decision(new CompleteJob("j1", "a1", null), NOW, job(1), null, null));
        rules.decide(decision(new CompleteJob("j1", "a1", null), NOW, job(1), null, null));
        assertThat(rules.sessionCount()).isEqualTo(1);
        rules.decide(decision(new CancelJob("j1", null, null), NOW, job(1), null, null));
        assertThat(rules.sessionCount()).isEqualTo(2);
        rules.close();
    }
}
