package dev.jobrouter.bench;

import dev.jobrouter.core.command.AcceptJobOffer;
import dev.jobrouter.core.command.CloseJob;
import dev.jobrouter.core.command.CompleteJob;
import dev.jobrouter.core.command.DeleteJob;
import dev.jobrouter.core.command.UpsertClassificationPolicy;
import dev.jobrouter.core.command.UpsertDistributionPolicy;
import dev.jobrouter.core.command.UpsertExceptionPolicy;
import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.command.UpsertQueue;
import dev.jobrouter.core.command.UpsertWorker;
import dev.jobrouter.core.internal.engine.RouterEngine;
import dev.jobrouter.core.internal.host.ExecutionLog;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.internal.routing.RuleEvaluator;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.ExceptionAction;
import dev.jobrouter.core.model.ExceptionRule;
import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.LabelOperator;
import dev.jobrouter.core.model.ManualReclassifyExceptionAction;
import dev.jobrouter.core.model.PassThroughQueueSelectorAttachment;
import dev.jobrouter.core.model.QueueLengthExceptionTrigger;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.StaticWorkerSelectorAttachment;
import dev.jobrouter.core.model.WaitTimeExceptionTrigger;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.time.VirtualClock;
import dev.jobrouter.journal.internal.Journal;
import dev.jobrouter.rules.internal.MvelExpressions;
import dev.jobrouter.rules.internal.RuleBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

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

    /**
     * @return an engine as {@link #engine(String)} with the built-in DRL, writing every command to the
     *     journal, which the caller closes after the host
     */
    static LocalHost journaledEngine(Journal journal) {
        RouterEngine core = new RouterEngine(RuleBase.of(List.of()).newSession(Set.of()),
                new RuleEvaluator(new MvelExpressions(), Map.of()), journal.seed());
        LocalHost engine = new LocalHost(core, new VirtualClock(T0), journal);
        engine.execute(new UpsertDistributionPolicy("p1", null, Duration.ofHours(1), null, null, null));
        engine.execute(new UpsertQueue("q1", null, "p1", Map.of()));
        return engine;
    }

    /** Deletes a temporary directory a benchmark made, and everything in it. */
    static void deleteDirectory(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
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
        return acceptCompleteCloseDelete(engine, jobId);
    }

    /** The rest of a lifecycle once the job is offered to w1: accept, complete, close at once, delete. */
    private static AcceptJobOfferResult acceptCompleteCloseDelete(LocalHost engine, String jobId) {
        RouterJobOffer offer = engine.read(core -> core.getWorker("w1")).offers().get(0);
        AcceptJobOfferResult accepted = engine.execute(new AcceptJobOffer("w1", offer.offerId()));
        engine.execute(new CompleteJob(jobId, accepted.assignmentId(), null));
        engine.execute(new CloseJob(jobId, accepted.assignmentId(), "done", null, null));
        engine.execute(new DeleteJob(jobId));
        return accepted;
    }

    /** Registers an available worker on the queue taking one voice job at a time, with the labels. */
    static void labelledWorker(LocalHost engine, String workerId, String queueId, Map<String, Object> labels) {
        engine.execute(new UpsertWorker(workerId, 1, Map.of("voice", new ChannelConfiguration("voice", 1, null)),
                Set.of(queueId), labels, Map.of(), true));
    }

    /**
     * @return an engine as {@link #engine(String)} with Drools, plus classification policy cp (a
     *     pass-through queue selector on Region, an MVEL prioritization rule, a static worker selector
     *     attachment Language = en) choosing round-robin queue eu, where worker w1 speaks English
     */
    static LocalHost classifiedEngine() {
        LocalHost engine = engine("drools");
        engine.execute(new UpsertDistributionPolicy("rr", null, Duration.ofHours(1), DistributionMode.ROUND_ROBIN,
                null, null));
        engine.execute(new UpsertQueue("eu", null, "rr", Map.of("Region", "eu")));
        engine.execute(new UpsertClassificationPolicy("cp", null, "q1",
                List.of(new PassThroughQueueSelectorAttachment("Region", LabelOperator.EQUAL)),
                new ExpressionRouterRule("job.Vip == true ? 10 : 1"),
                List.of(new StaticWorkerSelectorAttachment(RouterWorkerSelector.equal("Language", "en")))));
        labelledWorker(engine, "w1", "eu", Map.of("Language", "en"));
        return engine;
    }

    /**
     * @return an engine as {@link #engine(String)} with Drools, whose queue q1 has exception policy
     *     "escalate": a wait-time rule after five minutes and a queue-length rule over 1,000 jobs, both
     *     moving the job to queue backup
     */
    static LocalHost exceptionEngine() {
        LocalHost engine = engine("drools");
        engine.execute(new UpsertQueue("backup", null, "p1", Map.of()));
        ExceptionAction toBackup = new ManualReclassifyExceptionAction("backup", 10, List.of());
        engine.execute(new UpsertExceptionPolicy("escalate", null, List.of(
                new ExceptionRule("slow", new WaitTimeExceptionTrigger(Duration.ofMinutes(5)), List.of(toBackup)),
                new ExceptionRule("full", new QueueLengthExceptionTrigger(1_000), List.of(toBackup)))));
        engine.execute(new UpsertQueue("q1", null, null, Map.of(), "escalate"));
        return engine;
    }

    /** {@link #lifecycle}, with the job classified by cp on a {@link #classifiedEngine()}. */
    static AcceptJobOfferResult classifiedLifecycle(LocalHost engine, String jobId) {
        engine.execute(new UpsertJob(jobId, "voice", null, null, Map.of("Region", "eu", "Vip", true), Map.of(), "cp",
                null));
        return acceptCompleteCloseDelete(engine, jobId);
    }
}
