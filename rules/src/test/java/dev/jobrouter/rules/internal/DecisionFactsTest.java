package dev.jobrouter.rules.internal;

import static dev.jobrouter.rules.internal.TestFacts.HEADER;
import static dev.jobrouter.rules.internal.TestFacts.NOW;
import static dev.jobrouter.rules.internal.TestFacts.awaitQuietly;
import static dev.jobrouter.rules.internal.TestFacts.decision;
import static dev.jobrouter.rules.internal.TestFacts.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.AcceptJobOffer;
import dev.jobrouter.core.command.CloseJob;
import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.command.CompleteJob;
import dev.jobrouter.core.command.DeclineJobOffer;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.rules.Decision;
import dev.jobrouter.core.rules.RuleEffect;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.rules.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session keeps the last decision's facts and updates them for the next one: every decision must
 * still see exactly its own facts, all of them new to the rules.
 */
class DecisionFactsTest {

    private TransitionRules rules;

    @AfterEach
    void tearDown() {
        rules.close();
    }

    private static RouterWorker worker() {
        return new RouterWorker("w1", 1, Map.of(), Set.of("q1"), Map.of(), Map.of(), true, List.of(), List.of(), NOW, null, null);
    }

    private static List<String> refusingRules(Verdict verdict) {
        return verdict.refusals().stream().map(RuleEffect::rule).toList();
    }

    @Test
    void aFactTheLastDecisionHadIsGoneWhenTheNextBringsNone() {
        rules = RuleBase.of(List.of(new DrlSource("worker.drl", HEADER + """
                rule "no close while a worker is in view"
                when
                    CloseJob()
                    RouterWorker()
                then
                    insert(new Refusal("a worker is in view"));
                end
                """))).newSession(Set.of());
        CloseJob close = new CloseJob("j1", "a1", null, null, null);

        Verdict withWorker = rules.decide(decision(close, NOW, job(JobStatus.COMPLETED), worker(), null));
        Verdict without = rules.decide(decision(close, NOW, job(JobStatus.COMPLETED), null, null));

        assertThat(refusingRules(withWorker)).containsExactly("no close while a worker is in view");
        assertThat(without.refused()).isFalse();
    }

    @Test
    void theSameDecisionTwiceFiresTheSameRulesTwice() {
        rules = RuleBase.of(List.of()).newSession(Set.of());
        Decision closeQueued = decision(new CloseJob("j1", "a1", null, null, null), NOW, job(JobStatus.QUEUED),
                null, null);

        Verdict first = rules.decide(closeQueued);
        Verdict second = rules.decide(closeQueued);

        assertThat(refusingRules(first)).containsExactly("only an assigned or completed job can be closed");
        assertThat(second).isEqualTo(first);
        assertThat(second.releaseAt()).as("the release rule fired again too").isEqualTo(NOW);
    }

    @Test
    void aFactARuleDeletedIsPutBackForTheNextDecision() {
        rules = RuleBase.of(List.of(new DrlSource("delete.drl", HEADER + """
                rule "forget assigned jobs once completed"
                when
                    CompleteJob()
                    $job : RouterJob(status == JobStatus.ASSIGNED)
                then
                    delete($job);
                    insert(new Refusal("the job is forgotten"));
                end
                """))).newSession(Set.of());

        Verdict assigned = rules.decide(decision(new CompleteJob("j1", "a1", null), NOW, job(JobStatus.ASSIGNED),
                null, null));
        Verdict queued = rules.decide(decision(new CompleteJob("j1", "a1", null), NOW, job(JobStatus.QUEUED),
                null, null));

        assertThat(refusingRules(assigned)).containsExactly("forget assigned jobs once completed");
        assertThat(refusingRules(queued)).containsExactly("only an assigned job can be completed");
    }

    @Test
    void oneSessionDecidesCommandsOfEveryTypeWhileTheirNetworksAreBuilt() throws Exception {
        RuleBase base = RuleBase.of(List.of(new DrlSource("all-facts.drl", HEADER + """
                rule "every fact is seen, so the full network takes five per decision"
                when
                    Now() RouterJob() RouterWorker() RouterJobOffer() Command()
                then
                end
                """)));
        rules = base.newSession(Set.of());
        RouterJobOffer open = new RouterJobOffer("o1", "j1", "w1", "voice", 1, NOW, NOW.plusSeconds(60),
                OfferStatus.OPEN);
        RouterJobOffer expired = new RouterJobOffer("o1", "j1", "w1", "voice", 1, NOW.minusSeconds(60), NOW,
                OfferStatus.OPEN);
        CountDownLatch hold = new CountDownLatch(1);
        DecisionPlans.NETWORKS.execute(() -> awaitQuietly(hold));   // keeps the cut-down networks unbuilt

        Verdict accept;
        Verdict decline;
        Verdict acceptAgain;
        try {
            accept = rules.decide(decision(new AcceptJobOffer("w1", "o1", "j1"), NOW, job(JobStatus.QUEUED),
                    worker(), expired));
            decline = rules.decide(decision(new DeclineJobOffer("w1", "o1", "j1", NOW.plusSeconds(30)), NOW,
                    job(JobStatus.QUEUED), worker(), open));
            acceptAgain = rules.decide(decision(new AcceptJobOffer("w1", "o1", "j1"), NOW, job(JobStatus.QUEUED),
                    worker(), open));
        } finally {
            hold.countDown();
        }
        base.plans().awaitNetworks();

        assertThat(refusingRules(accept)).containsExactly("an offer cannot be accepted after it expired");
        assertThat(decline.refused()).isFalse();
        assertThat(decline.retryOfferAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(acceptAgain.refused()).isFalse();
        assertThat(((DroolsTransitionRules) rules).sessionCount()).as("all on the full network").isEqualTo(1);
    }

    @Test
    void aConditionThatThrowsLeavesTheNextDecisionWhole() {
        rules = RuleBase.of(List.of(new DrlSource("throws.drl", HEADER + """
                rule "the red team completes nothing"
                when
                    CompleteJob()
                    RouterJob(labels.get("team").toString() == "red")
                then
                    insert(new Refusal("red team"));
                end
                """))).newSession(Set.of());
        CompleteJob complete = new CompleteJob("j1", "a1", null);

        assertThatThrownBy(() -> rules.decide(decision(complete, NOW, job(JobStatus.ASSIGNED), null, null)))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        Verdict red = rules.decide(decision(complete, NOW, job(JobStatus.ASSIGNED, "red"), null, null));
        Verdict blueQueued = rules.decide(decision(complete, NOW, job(JobStatus.QUEUED, "blue"), null, null));
        Verdict blue = rules.decide(decision(complete, NOW, job(JobStatus.ASSIGNED, "blue"), null, null));

        assertThat(refusingRules(red)).containsExactly("the red team completes nothing");
        assertThat(refusingRules(blueQueued)).containsExactly("only an assigned job can be completed");
        assertThat(blue.refused()).isFalse();
    }

    @Test
    void aCommandWhoseConditionThrowsDoesNotLingerIntoLaterDecisions() {
        rules = RuleBase.of(List.of(new DrlSource("notes.drl", HEADER + """
                rule "a note is required"
                when
                    CompleteJob(note == null)
                then
                    insert(new Refusal("a note is required"));
                end

                rule "notes are short"
                when
                    CompleteJob(note.length() > 20)
                then
                    insert(new Refusal("notes are short"));
                end
                """))).newSession(Set.of());
        DroolsTransitionRules sessions = (DroolsTransitionRules) rules;

        assertThatThrownBy(() -> rules.decide(decision(new CompleteJob("j1", "a1", null), NOW,
                job(JobStatus.ASSIGNED), null, null))).isInstanceOf(RouterException.class);
        Verdict noted = rules.decide(decision(new CompleteJob("j1", "a1", "done"), NOW, job(JobStatus.ASSIGNED),
                null, null));

        assertThat(noted.refused()).as("no refusal about the failed command's note").isFalse();
        assertThat(sessions.factCount()).as("no fact of the failed decision left").isEqualTo(sessions.residentFactCount());
    }

    @Test
    void betweenDecisionsASessionHoldsOnlyTheLastDecisionsOwnFacts() {
        rules = RuleBase.of(List.of()).newSession(Set.of());
        DroolsTransitionRules sessions = (DroolsTransitionRules) rules;

        for (JobStatus status : JobStatus.values()) {
            rules.decide(decision(new CloseJob("j1", "a1", null, null, null), NOW, job(status), null, null));
        }

        assertThat(sessions.residentFactCount()).as("the command, the job and Now").isEqualTo(3);
        assertThat(sessions.factCount()).as("no refusals or release times left").isEqualTo(3);
    }

    @Test
    void aSessionIsRenewedAfterItsDecisionsAndTheNextDecidesTheSame() throws Exception {
        RuleBase base = RuleBase.of(List.of());
        // The first CloseJob would decide on the full network while its own is built in the background, and a
        // decision after the build on a second session: build it first, so the count below is the renewal's alone.
        base.plans().planFor(CloseJob.class);
        base.plans().awaitNetworks();
        System.setProperty(RuleBase.RENEW_PROPERTY, "4");
        try {
            rules = base.newSession(Set.of());
        } finally {
            System.clearProperty(RuleBase.RENEW_PROPERTY);
        }
        DroolsTransitionRules sessions = (DroolsTransitionRules) rules;
        List<Verdict> verdicts = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Instant closeAt = i % 2 == 0 ? NOW.plusSeconds(60) : null;
            verdicts.add(rules.decide(decision(new CloseJob("j1", "a1", null, closeAt, null), NOW,
                    job(JobStatus.COMPLETED), null, null)));
            // A session decides four times, then the next decision gets a fresh one.
            assertThat(sessions.sessionCount()).as("after decision %d", i + 1).isEqualTo(i % 4 == 3 ? 0 : 1);
        }

        assertThat(verdicts).extracting(Verdict::releaseAt)
                .containsExactly(NOW.plusSeconds(60), NOW, NOW.plusSeconds(60), NOW, NOW.plusSeconds(60), NOW,
                        NOW.plusSeconds(60), NOW);
    }
}
