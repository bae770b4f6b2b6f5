package dev.jobrouter.rules.internal;

import static dev.jobrouter.rules.internal.TestFacts.NOW;
import static dev.jobrouter.rules.internal.TestFacts.decision;
import static dev.jobrouter.rules.internal.TestFacts.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.CancelJob;
import dev.jobrouter.core.command.CloseJob;
import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.command.CompleteJob;
import dev.jobrouter.core.command.DeleteJob;
import dev.jobrouter.core.command.ExpireOffer;
import dev.jobrouter.core.command.IssueOffer;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.rules.Decision;
import dev.jobrouter.core.rules.Refusal;
import dev.jobrouter.core.rules.RuleEffect;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.rules.Verdict;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The built-in transition table, decided by the DRL alone, status by status. */
class BuiltInRulesTest {
    private final TransitionRules rules = RuleBase.of(List.of()).newSession(Set.of());

    @AfterEach
    void tearDown() {
        rules.close();
    }

    private Verdict decide(Command command, JobStatus status) {
        return rules.decide(decision(command, NOW, job(status), null, null));
    }

    private void assertAllowedOnlyIn(Command command, Set<JobStatus> allowed) {
        for (JobStatus status : JobStatus.values()) {
            Verdict verdict = decide(command, status);
            assertThat(verdict.refused()).as("%s on a %s job", command.getClass().getSimpleName(), status)
                    .isEqualTo(!allowed.contains(status));
            assertThat(verdict.refusals()).extracting(RuleEffect::rule).doesNotContainNull();
        }
        DroolsTransitionRules sessions = (DroolsTransitionRules) rules;
        assertThat(sessions.factCount()).as("verdict facts left behind").isEqualTo(sessions.residentFactCount());
    }

    @Test
    void completeNeedsAnAssignedJob() {
        assertAllowedOnlyIn(new CompleteJob("j1", "a1", null), EnumSet.of(JobStatus.ASSIGNED));
    }

    @Test
    void closeNeedsAnAssignedOrCompletedJob() {
        assertAllowedOnlyIn(new CloseJob("j1", "a1", null, null, null), EnumSet.of(JobStatus.ASSIGNED, JobStatus.COMPLETED));
    }

    @Test
    void cancelNeedsAJobThatIsNotTerminal() {
        assertAllowedOnlyIn(new CancelJob("j1", null, null), EnumSet.complementOf(EnumSet.of(JobStatus.CLOSED, JobStatus.CANCELLED)));
    }

    @Test
    void deleteNeedsAJobHoldingNoCapacity() {
        assertAllowedOnlyIn(new DeleteJob("j1"), EnumSet.complementOf(EnumSet.of(JobStatus.ASSIGNED, JobStatus.COMPLETED)));
    }

    @Test
    void closeReleasesAtOnceOrAtTheRequestedTime() {
        assertThat(decide(new CloseJob("j1", "a1", null, null, null), JobStatus.COMPLETED).releaseAt()).isEqualTo(NOW);
        Instant later = NOW.plusSeconds(3600);
        assertThat(decide(new CloseJob("j1", "a1", null, later, null), JobStatus.COMPLETED).releaseAt()).isEqualTo(later);
    }

    @Test
    void anExpiredOfferDeregistersItsWorkerUnlessSwitchedOff() {
        ExpireOffer expiry = new ExpireOffer("o1", "j1", "w1", NOW);
        assertThat(rules.decide(decision(expiry, NOW, null, null, null)).followUps()).hasSize(1);

        try (TransitionRules quiet = RuleBase.of(List.of()).newSession(Set.of("deregister a worker whose offer expired"))) {
            assertThat(quiet.decide(decision(expiry, NOW, null, null, null)).followUps()).isEmpty();
        }
    }

    @Test
    void aWorkerAtItsOfferLimitIsRefusedAnotherOfferByTheNamedRule() {
        IssueOffer issue = new IssueOffer("j1", "w1");
        RouterJobOffer open = new RouterJobOffer("o1", "j0", "w1", "voice", 1, NOW, NOW.plusSeconds(60), OfferStatus.OPEN);

        Verdict atLimit = rules.decide(decision(issue, NOW, job(JobStatus.QUEUED), worker(List.of(open), 1), null));
        assertThat(atLimit.refusals()).extracting(RuleEffect::rule)
                .containsExactly("a worker holds at most its maxConcurrentOffers open offers");
        assertThat(((Refusal) atLimit.refusals().get(0).effect()).reason()).contains("fewer than its 1 open offers");

        assertThat(rules.decide(decision(issue, NOW, job(JobStatus.QUEUED), worker(List.of(open), 2), null)).refused())
                .as("below its limit").isFalse();
        assertThat(rules.decide(decision(issue, NOW, job(JobStatus.QUEUED), worker(List.of(open), null), null)).refused())
                .as("without a limit").isFalse();
    }

    private static RouterWorker worker(List<RouterJobOffer> offers, Integer maxConcurrentOffers) {
        return new RouterWorker("w1", 10, Map.of("voice", new ChannelConfiguration("voice", 1, null)), Set.of("q1"),
                Map.of("Id", "w1"), Map.of(), true, offers, List.of(), NOW, maxConcurrentOffers, null);
    }

    @Test
    void theSameSourcesShareOneCompiledRuleBase() {
        List<DrlSource> sources = List.of(new DrlSource("a.drl", "package com.example;\n"));
        assertThat(RuleBase.of(sources)).isSameAs(RuleBase.of(List.copyOf(sources)));
        assertThat(RuleBase.of(sources)).isNotSameAs(RuleBase.of(List.of()));
    }

    @Test
    void theOptionalRulesAreListedAndOthersCannotBeSwitchedOff() {
        RuleBase base = RuleBase.of(List.of());
        assertThat(base.optionalRules()).containsExactly("deregister a worker whose offer expired");
        assertThatThrownBy(() -> base.newSession(Set.of("no such rule")))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
