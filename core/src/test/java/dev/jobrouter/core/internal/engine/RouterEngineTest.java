package dev.jobrouter.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.AcceptJobOffer;
import dev.jobrouter.core.command.CloseJob;
import dev.jobrouter.core.command.ExpireOffer;
import dev.jobrouter.core.command.RevokeOffer;
import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.command.UpsertDistributionPolicy;
import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.command.UpsertQueue;
import dev.jobrouter.core.command.UpsertWorker;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.internal.matching.DistributionStrategy;
import dev.jobrouter.core.internal.routing.Classifier;
import dev.jobrouter.core.internal.routing.RuleEvaluator;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.RouterJobOffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterEngineTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private final StubRules rules = new StubRules();

    private static List<RouterEvent> setUp(RouterEngine engine, int maxOffers) {
        List<RouterEvent> events = new ArrayList<>();
        events.addAll(engine.execute(new UpsertDistributionPolicy("p1", null, Duration.ofMinutes(1), null, null,
                maxOffers), T0).events());
        events.addAll(engine.execute(new UpsertQueue("q1", null, "p1", Map.of()), T0).events());
        events.addAll(worker(engine, "w1", T0));
        events.addAll(worker(engine, "w2", T0.plusSeconds(1)));
        return events;
    }

    private static List<RouterEvent> worker(RouterEngine engine, String id, Instant at) {
        return engine.execute(new UpsertWorker(id, 1, Map.of("voice", new ChannelConfiguration("voice", 1, null)),
                Set.of("q1"), Map.of(), Map.of(), true), at).events();
    }

    private static List<RouterEvent> job(RouterEngine engine, String id, Instant at) {
        return engine.execute(new UpsertJob(id, "voice", "q1", null, Map.of("vip", true), Map.of()), at).events();
    }

    @Test
    void theSameCommandsAtTheSameInstantsGiveTheSameStateEventsAndIds() {
        List<List<RouterEvent>> runs = new ArrayList<>();
        List<EngineSnapshot> snapshots = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            RouterEngine engine = new RouterEngine(new StubRules());
            List<RouterEvent> events = setUp(engine, 2);
            events.addAll(job(engine, "j1", T0.plusSeconds(5)));
            RouterJobOffer offer = engine.getWorker("w1").offers().get(0);
            events.addAll(engine.execute(new AcceptJobOffer("w1", offer.offerId()), T0.plusSeconds(6)).events());
            runs.add(events);
            snapshots.add(engine.snapshot());
        }

        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(snapshots.get(1)).isEqualTo(snapshots.get(0));
        assertThat(runs.get(0)).extracting(RouterEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, runs.get(0).size()).boxed().toList());
    }

    /** A job offered a dozen times: its offers come back in issue order, offer-10 after offer-9. */
    @Test
    void aRestoredEngineHoldsWhatTheSnapshotHeldAndGoesOnAlike() {
        RouterEngine engine = new RouterEngine(new StubRules());
        setUp(engine, 1);
        job(engine, "j1", T0.plusSeconds(5));
        for (int expiry = 0; expiry < 12; expiry++) {
            var due = engine.nextTimer();
            engine.execute(due, due.dueAt());   // each expiry offers the job again
        }
        List<RouterJobOffer> offers = engine.getJobOffers("j1");
        assertThat(offers).hasSizeGreaterThan(10);

        RouterEngine restored = RouterEngine.restored(new StubRules(), RuleEvaluator.basic(), engine.snapshot());
        assertThat(restored.snapshot()).isEqualTo(engine.snapshot());
        assertThat(restored.getJobOffers("j1")).as("in issue order").isEqualTo(offers);
        var due = engine.nextTimer();
        assertThat(restored.execute(due, due.dueAt()).events()).isEqualTo(engine.execute(due, due.dueAt()).events());
        List<RouterEvent> next = job(engine, "j2", due.dueAt());
        assertThat(job(restored, "j2", due.dueAt())).as("the same ids, etags and event numbers").isEqualTo(next);
        assertThat(restored.snapshot()).isEqualTo(engine.snapshot());
    }

    @Test
    void everyEventOfACommandCarriesItsInstant() {
        RouterEngine engine = new RouterEngine(rules);
        setUp(engine, 1);
        job(engine, "j1", T0.plusSeconds(5));
        AcceptJobOfferResult accepted = engine.execute(
                new AcceptJobOffer("w1", engine.getWorker("w1").offers().get(0).offerId()), T0.plusSeconds(6)).value();

        Instant closeAt = T0.plusSeconds(7);
        List<RouterEvent> events = engine.execute(new CloseJob("j1", accepted.assignmentId(), null, null, null), closeAt)
                .events();

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("JobCompleted", "JobClosed");
        assertThat(events).extracting(RouterEvent::at).containsOnly(closeAt);
    }

    @Test
    void aRefusedCommandLeavesStateIdsTimersAndEventNumbersAsTheyWere() {
        RouterEngine engine = new RouterEngine(rules);
        setUp(engine, 2);
        job(engine, "j1", T0.plusSeconds(5));
        RouterJobOffer offer = engine.getWorker("w1").offers().get(0);
        EngineSnapshot before = engine.snapshot();

        // The accept is refused at its last step, revoking the other offer: after it took an assignment id.
        rules.refuse(decision -> decision.command() instanceof RevokeOffer);
        assertThatThrownBy(() -> engine.execute(new AcceptJobOffer("w1", offer.offerId()), T0.plusSeconds(6)))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));

        assertThat(engine.snapshot()).isEqualTo(before);
        rules.refuse(decision -> false);
        Outcome<AcceptJobOfferResult> accepted = engine.execute(new AcceptJobOffer("w1", offer.offerId()),
                T0.plusSeconds(6));
        assertThat(accepted.value().assignmentId()).isEqualTo("assignment-1");
        assertThat(accepted.events().get(0).sequence()).isEqualTo(before.counters().events());
    }

    @Test
    void aTimedCommandThatFailsIsConsumedAndChangesNothingElse() {
        RouterEngine engine = new RouterEngine(rules);
        setUp(engine, 1);
        job(engine, "j1", T0.plusSeconds(5));
        ExpireOffer expiry = (ExpireOffer) engine.nextTimer();
        rules.refuse(decision -> {
            if (decision.command() instanceof ExpireOffer) {
                throw new IllegalStateException("a broken rule");
            }
            return false;
        });

        assertThatThrownBy(() -> engine.execute(expiry, expiry.dueAt())).hasMessage("a broken rule");

        assertThat(engine.nextTimer()).as("the timer is consumed").isNull();
        assertThat(engine.getWorker("w1").offers()).as("the rest is undone").extracting(RouterJobOffer::offerId)
                .containsExactly(expiry.offerId());
    }

    @Test
    void everyCommandHasAHandlerAndOneWithoutFailsLoudly() {
        Handlers partial = new Handlers();
        RouterState state = new RouterState(RouterEngine.DEFAULT_SEED);
        Decider decider = new Decider(rules, state);
        OfferLifecycle offers = new OfferLifecycle(state, decider);
        Classification classification = new Classification(state, decider, offers, new Classifier(RuleEvaluator.basic()));
        new JobLifecycle(state, decider, offers, classification, new Scheduling(state, decider, offers, classification),
                new Exceptions(state, decider, offers, classification)).register(partial);

        assertThatThrownBy(() -> partial.requireEvery(RouterCommand.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ExpireOffer").hasMessageContaining("OfferRetryDue")
                .hasMessageContaining("UpsertWorker");
        ExpireOffer expiry = new ExpireOffer("offer-1", "j1", "w1", T0);
        assertThatThrownBy(() -> partial.run(expiry, new Transaction(state.sequences).begin(T0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no handler for ExpireOffer");
        assertThat(Handlers.concreteTypes(RouterCommand.class)).hasSize(27);
        new RouterEngine(rules);   // the real engine has them all
    }

    @Test
    void thePolicysDistributionModeOrdersTheWorkers() {
        // The longest-idle order would offer w1 (idle since T0) first; a strategy walking it backwards w2.
        RouterEngine standard = new RouterEngine(new StubRules());
        Map<DistributionMode, DistributionStrategy> reversed = new EnumMap<>(DistributionMode.class);
        RouterEngine backwards = new RouterEngine(new StubRules(), RuleEvaluator.basic(), RouterEngine.DEFAULT_SEED,
                (workers, lookup, scorer, cursor) -> {
                    for (DistributionMode mode : DistributionMode.values()) {
                        reversed.put(mode, (job, queueChannel, policy, fits) -> workers.in(queueChannel).descendingSet());
                    }
                    return reversed;
                });

        for (RouterEngine engine : List.of(standard, backwards)) {
            setUp(engine, 1);
        }
        OfferIssued first = (OfferIssued) job(standard, "j1", T0.plusSeconds(5)).get(2);
        OfferIssued second = (OfferIssued) job(backwards, "j1", T0.plusSeconds(5)).get(2);

        assertThat(first.workerId()).isEqualTo("w1");
        assertThat(second.workerId()).isEqualTo("w2");
    }

    @Test
    void jobsOnChannelsThatComeAndGoLeaveNothingInTheIndexes() {
        RouterEngine engine = new RouterEngine(rules);
        setUp(engine, 1);
        int before = engine.indexedQueueChannels();
        for (int i = 0; i < 5_000; i++) {
            Instant at = T0.plusSeconds(i);
            engine.execute(new UpsertJob("j" + i, "channel-" + i, "q1", null, Map.of(), Map.of()), at);
            engine.execute(new dev.jobrouter.core.command.CancelJob("j" + i, null, null), at);
            engine.execute(new dev.jobrouter.core.command.DeleteJob("j" + i), at);
        }

        assertThat(engine.indexedQueueChannels()).as("sets held, from %d", before).isLessThanOrEqualTo(before + 130);
        assertThat(engine.snapshot().jobs()).isEmpty();
        assertThat(engine.snapshot().arrivals()).isEmpty();
    }

    @Test
    void anAcceptOrDeclineNamingAnotherJobThanItsOffersFindsNoSuchOffer() {
        RouterEngine engine = new RouterEngine(rules);
        setUp(engine, 1);
        job(engine, "j1", T0.plusSeconds(5));
        String offerId = engine.getWorker("w1").offers().get(0).offerId();
        EngineSnapshot before = engine.snapshot();

        for (RouterCommand<?> command : List.of(new AcceptJobOffer("w1", offerId, "j2"),
                new dev.jobrouter.core.command.DeclineJobOffer("w1", offerId, "j2", null))) {
            assertThatThrownBy(() -> engine.execute(command, T0.plusSeconds(6)))
                    .isInstanceOfSatisfying(RouterException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                        assertThat(e.getMessage()).isEqualTo("worker w1 has no offer " + offerId + " of job j2");
                    });
        }

        assertThat(engine.snapshot()).isEqualTo(before);
        assertThat(engine.execute(new AcceptJobOffer("w1", offerId, "j1"), T0.plusSeconds(6)).value().jobId())
                .isEqualTo("j1");
    }

    @Test
    void commandsKeepTheirOwnCopiesAndLetNullsThroughToTheChecks() {
        Map<String, Object> labels = new java.util.HashMap<>(Map.of("tier", "gold"));
        Set<String> queues = new java.util.HashSet<>(Set.of("q1"));
        UpsertWorker command = new UpsertWorker("w9", 1, null, queues, labels, null, null);
        labels.put("tier", "silver");
        queues.add("q2");

        assertThat(command.labels()).containsExactly(Map.entry("tier", "gold"));
        assertThat(command.queues()).containsExactly("q1");
        assertThat(command.channels()).as("not given: keep the current channels").isNull();
        assertThat(command.tags()).isEmpty();

        Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("tier", null);
        RouterEngine engine = new RouterEngine(rules);
        setUp(engine, 1);
        assertThatThrownBy(() -> engine.execute(new UpsertJob("j1", "voice", "q1", null, withNull, Map.of()), T0))
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("label of job j1 'tier'").contains("not null");
                });
    }
}
