package dev.jobrouter.bench;

import dev.jobrouter.core.command.AcceptJobOffer;
import dev.jobrouter.core.command.CloseJob;
import dev.jobrouter.core.command.CompleteJob;
import dev.jobrouter.core.command.DeleteJob;
import dev.jobrouter.core.command.UpsertDistributionPolicy;
import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.command.UpsertQueue;
import dev.jobrouter.core.command.UpsertWorker;
import dev.jobrouter.core.engine.RouterEngine;
import dev.jobrouter.core.host.ExecutionLog;
import dev.jobrouter.core.host.LocalHost;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.routing.RuleEvaluator;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.time.VirtualClock;
import dev.jobrouter.rules.MvelExpressions;
import dev.jobrouter.rules.RuleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Engines (hosted as JobRouter hosts them, without the facade) and populations the benchmarks share. */
final class Routers {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private Routers() {}

    /**
     * @param rules {@code "drools"} for the built-in DRL, {@code "java"} for the hand-written baseline
     * @return an engine on a virtual clock at {@link #T0} with policy p1 (offers open for an hour) and queue q1
     */
    static LocalHost engine(String rules) {
        TransitionRules decider = switch (rules) {
            case "drools" -> RuleBase.of(List.of()).newSession(Set.of());
            case "java" -> new JavaTransitionRules();
            default -> throw new IllegalArgumentException("rules: drools or java, not " + rules);
        };
        RouterEngine core = new RouterEngine(decider, new RuleEvaluator(new MvelExpressions(), Map.of()),
                RouterEngine.DEFAULT_SEED);
        LocalHost engine = new LocalHost(core, new VirtualClock(T0), ExecutionLog.NONE);
        engine.execute(new UpsertDistributionPolicy("p1", null, Duration.ofHours(1), null, null, null));
        engine.execute(new UpsertQueue("q1", null, "p1", Map.of()));
        return engine;
    }

    /** Registers an available worker on q1 taking one voice job at a time. */
    static void worker(LocalHost engine, String workerId) {
        engine.execute(new UpsertWorker(workerId, 1, Map.of("voice", new ChannelConfiguration("voice", 1, null)),
                Set.of("q1"), Map.of(), Map.of(), true));
    }

    static void setAvailable(LocalHost engine, String workerId, boolean available) {
        engine.execute(new UpsertWorker(workerId, null, null, null, Map.of(), Map.of(), available));
    }

    /** Creates a voice job in q1. */
    static void job(LocalHost engine, String jobId) {
        engine.execute(new UpsertJob(jobId, "voice", "q1", null, Map.of(), Map.of()));
    }

    /**
     * One job's whole life on an engine whose worker w1 is idle: create (the matcher offers it to w1),
     * accept, complete, close with an immediate release, delete. Six decisions.
     */
    static AcceptJobOfferResult lifecycle(LocalHost engine, String jobId) {
        job(engine, jobId);
        RouterJobOffer offer = engine.read(core -> core.getWorker("w1")).offers().get(0);
        AcceptJobOfferResult accepted = engine.execute(new AcceptJobOffer("w1", offer.offerId()));
        engine.execute(new CompleteJob(jobId, accepted.assignmentId(), null));
        engine.execute(new CloseJob(jobId, accepted.assignmentId(), "done", null, null));
        engine.execute(new DeleteJob(jobId));
        return accepted;
    }
}
