package dev.jobrouter.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.DistributionPolicyDefinition;
import dev.jobrouter.Durability;
import dev.jobrouter.JobDefinition;
import dev.jobrouter.JobRouter;
import dev.jobrouter.TestAccess;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.event.JobCancelled;
import dev.jobrouter.core.event.JobClassified;
import dev.jobrouter.core.event.JobClosed;
import dev.jobrouter.core.event.JobCompleted;
import dev.jobrouter.core.event.JobDeleted;
import dev.jobrouter.core.event.JobExceptionTriggered;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.JobReceived;
import dev.jobrouter.core.event.JobScheduled;
import dev.jobrouter.core.event.JobUnassigned;
import dev.jobrouter.core.event.JobUpdated;
import dev.jobrouter.core.event.JobWaitingForActivation;
import dev.jobrouter.core.event.OfferAccepted;
import dev.jobrouter.core.event.OfferDeclined;
import dev.jobrouter.core.event.OfferExpired;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.event.WorkerDeleted;
import dev.jobrouter.core.event.WorkerDeregistered;
import dev.jobrouter.core.event.WorkerRegistered;
import dev.jobrouter.core.event.WorkerUpdated;
import dev.jobrouter.core.internal.engine.RouterEngine;
import dev.jobrouter.core.internal.routing.RuleEvaluator;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.CancelExceptionAction;
import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.JobMatchingMode;
import dev.jobrouter.core.model.LabelOperator;
import dev.jobrouter.core.model.ManualReclassifyExceptionAction;
import dev.jobrouter.core.model.OfferStatus;
import dev.jobrouter.core.model.PassThroughQueueSelectorAttachment;
import dev.jobrouter.core.model.QueueAndMatchMode;
import dev.jobrouter.core.model.QueueLengthExceptionTrigger;
import dev.jobrouter.core.model.ReclassifyExceptionAction;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerSelector;
import dev.jobrouter.core.model.ScheduleAndSuspendMode;
import dev.jobrouter.core.model.SuspendMode;
import dev.jobrouter.core.model.WaitTimeExceptionTrigger;
import dev.jobrouter.properties.ReferenceModel.Channel;
import dev.jobrouter.properties.ReferenceModel.Outcome;
import dev.jobrouter.properties.ReferenceModel.Policy;
import dev.jobrouter.rules.internal.MvelExpressions;
import dev.jobrouter.rules.internal.RuleBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One random sequence run against a router on a virtual clock and the {@link ReferenceModel} side by
 * side. Each step is one int: {@code step % 100} picks the command by weight (common commands take
 * more of the hundred), {@code step / 100} picks its targets and arguments. After every step the run
 * compares the outcome, the events and the visible state with the model and checks the
 * {@link Invariants}; on a mismatch it throws an AssertionError holding the steps so far.
 */
final class LifecycleRun implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final int JOB_IDS = 16;
    private static final int WORKER_IDS = 5;

    /** Not final: a restart step builds it again on its journal. */
    private JobRouter router;
    /** The journal's directory, for a run with one (it holds only the lock); {@code null} for a router in memory. */
    private Path journal;
    /** The journal's files: not final, a crash leaves an image of them. */
    private SimulatedDisk disk;
    private final Durability durability;
    /** Set once a crash lost commands the model had applied: the run stops there. */
    private boolean ended;
    private final List<Path> directories = new ArrayList<>();
    private final ReferenceModel model;
    private final Invariants invariants = new Invariants();
    private final Coverage coverage;
    private final List<RouterEvent> events = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    /** Every command that changed the router, with its instant and events, for the replay. */
    private final List<Executed> executed = new ArrayList<>();
    private final EventProjection projection = new EventProjection();
    private final Set<String> disabledRules;

    /**
     * A command the router executed, as its execution log told it.
     *
     * @param modelled whether the model applied it too: a fault's probe command it never hears of
     */
    private record Executed(RouterCommand<?> command, Instant at, List<RouterEvent> events, boolean modelled) {}

    /** Whether the commands executed now are the model's: false while a fault's probe runs. */
    private boolean modelling = true;

    /**
     * @param expiryDeregisters whether the optional built-in rule "deregister a worker whose offer
     *     expired" is on
     */
    LifecycleRun(boolean expiryDeregisters, Coverage coverage) {
        this(expiryDeregisters, null, coverage);
    }

    /**
     * @param durability for a router that keeps a journal, on a {@link SimulatedDisk} with small
     *     segments and frequent snapshots, and restart steps that reopen it, crash it (a kill or a
     *     power loss) or fail a write or an fsync first; {@code null} for a router in memory
     */
    LifecycleRun(boolean expiryDeregisters, Durability durability, Coverage coverage) {
        this.disabledRules = expiryDeregisters ? Set.of() : Set.of("deregister a worker whose offer expired");
        this.durability = durability;
        if (durability != null) {
            journal = newDirectory();
            disk = new SimulatedDisk();
        }
        this.router = build();
        this.coverage = coverage;
        // Every distribution mode meets the random sequences: the model checks that each offer was allowed and
        // none was missed, which holds whichever fitting worker a mode picks.
        DistributionPolicyDefinition p1 = router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(2))
                .maxConcurrentOffers(2);
        (expiryDeregisters ? p1.longestIdle() : p1.bestWorker()).upsert();
        router.distributionPolicy("p2").offerExpiresAfter(Duration.ofSeconds(45)).roundRobin().upsert();
        // Jobs waiting in q1 longer than the model's patience are cancelled by its exception policy.
        router.exceptionPolicy("patience").rule("too-long", new WaitTimeExceptionTrigger(ReferenceModel.Q1_PATIENCE),
                new CancelExceptionAction("TooLong", null)).upsert();
        router.queue("q1").distributionPolicy("p1").exceptionPolicy("patience").upsert();
        router.classificationPolicy("cp").prioritizationRule(new ExpressionRouterRule("job.vip == true ? 5 : 1"))
                .queueSelectorAttachments(new PassThroughQueueSelectorAttachment("tier", LabelOperator.EQUAL)).upsert();
        router.queue("q2").distributionPolicy("p2").label("tier", "gold").upsert();
        // q3 has no workers: its exception policy moves a job that finds another waiting to q1, and reclassifies
        // one that waits too long. The run deletes and re-creates q3, p3 and "overflow".
        upsertP3();
        upsertOverflow();
        upsertQ3();
        this.model = new ReferenceModel(T0, Map.of(
                "q1", new Policy(Duration.ofMinutes(2), 2),
                "q2", new Policy(Duration.ofSeconds(45), 1),
                "q3", new Policy(Duration.ofSeconds(30), 1)), expiryDeregisters);
        router.onEvent(events::add);
        router.onEvent(projection);
    }

    private JobRouter build() {
        return build(journal, disk);
    }

    private JobRouter build(Path lock, SimulatedDisk files) {
        JobRouter.Builder builder = TestAccess.recording(JobRouter.builder().virtualClock(T0),
                (command, at, events) -> executed.add(new Executed(command, at, List.copyOf(events), modelling)));
        disabledRules.forEach(builder::disableRule);
        if (lock != null) {
            TestAccess.journalFiles(builder.journal(lock).durability(durability), files, 2048, 40);
        }
        return builder.build();
    }

    private Path newDirectory() {
        try {
            Path directory = Files.createTempDirectory("jobrouter-lifecycle-run");
            directories.add(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds the router again on its journal, after one of four things, by {@code arg % 4}: a close;
     * a kill (every byte written survives); a power loss (what was forced survives, and a random part
     * of the rest, so the last records may be gone or torn); a failed write or fsync, then a kill or a
     * power loss. Oracles: what comes back is the state after a prefix of the executed commands; after
     * a kill, all of them; at FSYNC, every acknowledged one; at PROCESS, at least what a power loss
     * that kept nothing unforced brings back. While nothing the model applied is lost, the run goes on;
     * otherwise it stops after checking what came back.
     */
    private void restart(int arg) {
        int variant = arg % 4;
        if (variant == 0) {
            trace.add(model.now + " close and reopen");
            router.close();
            rebuild();
            coverage.count("reopened");
            return;
        }
        java.util.Random random = new java.util.Random(arg);
        int unacknowledged = variant == 3 ? fail(arg / 4 % 2 == 0) : 0;
        boolean powerLoss = variant == 2 || variant == 3 && arg / 8 % 2 == 0;
        trace.add(model.now + (powerLoss ? " power loss" : " kill") + " and recover");
        SimulatedDisk image = powerLoss ? disk.afterPowerLoss(random) : disk.afterKill();
        int floor = !powerLoss ? executed.size()
                : durability == Durability.FSYNC ? executed.size() - unacknowledged : recoveredFrom(disk.afterPowerLoss(null));
        router.close();   // it writes on to the disk the crash left behind
        disk = image;
        rebuild();
        int recovered = recoveredPrefix(router);
        assertThat(recovered).as("commands recovered of %d executed (%s)", executed.size(),
                powerLoss ? durability + ", power loss" : "kill").isBetween(floor, executed.size());
        List<Executed> lost = List.copyOf(executed.subList(recovered, executed.size()));
        executed.subList(recovered, executed.size()).clear();
        if (router.now().equals(model.now)) {
            Invariants.checkState(router);   // a lost clock advance leaves offers past expiry until the next tick
        }
        appendAndReopen();
        coverage.count(powerLoss ? "recovered after a power loss" : "recovered after a crash");
        if (lost.stream().anyMatch(Executed::modelled) || !router.now().equals(model.now)) {
            trace.add(model.now + " lost " + lost.size() + " unforced commands; the clock is at " + router.now()
                    + ": the model cannot follow, the run stops");
            coverage.count("lost an unforced suffix");
            ended = true;
        }
    }

    /**
     * Fails the next write (after some of its bytes) or, at FSYNC, the next fsync, under a command the
     * model never hears of (an unused distribution policy). It must fail with JOURNAL_FAILED, changing
     * nothing when the write failed; the journal is poisoned then, so the next one fails too.
     *
     * @return 1 when the failed command was executed all the same (its fsync failed), else 0
     */
    private int fail(boolean write) {
        boolean fsync = !write && durability == Durability.FSYNC;
        trace.add(model.now + (fsync ? " fail the next fsync" : " fail the next write"));
        if (fsync) {
            disk.failNextForce();
        } else {
            disk.failNextAppendAfter(write ? 7 : 0);
        }
        int before = executed.size();
        var state = TestAccess.snapshot(router);
        modelling = false;
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> router.distributionPolicy("fault-probe").offerExpiresAfter(Duration.ofMinutes(1)).upsert())
                        .as("a command while the journal fails (attempt %d)", attempt + 1)
                        .isInstanceOfSatisfying(RouterException.class,
                                e -> assertThat(e.code()).isEqualTo(dev.jobrouter.core.ErrorCode.JOURNAL_FAILED));
                if (attempt == 0 && executed.size() > before) {
                    state = TestAccess.snapshot(router);   // the fsync failed after the command committed
                }
                assertThat(TestAccess.snapshot(router)).as("the router after a failed write").isEqualTo(state);
            }
        } finally {
            modelling = true;
        }
        coverage.count(fsync ? "fsync failed" : "write failed");
        return executed.size() - before;
    }

    /**
     * Appends a record the model never hears of and reopens: a recovery that left a torn record in
     * place, or anything else a later append would land behind, fails here rather than crashes later.
     */
    private void appendAndReopen() {
        modelling = false;
        try {
            router.distributionPolicy("fault-probe").offerExpiresAfter(Duration.ofMinutes(2)).upsert();
        } finally {
            modelling = true;
        }
        var state = TestAccess.snapshot(router);
        router.close();
        rebuild();
        assertThat(TestAccess.snapshot(router)).as("the recovered router, reopened after one more command")
                .isEqualTo(state);
    }

    private void rebuild() {
        router = build();
        router.onEvent(events::add);
        router.onEvent(projection);
    }

    /** @return how many of the executed commands a router built on the disk recovers */
    private int recoveredFrom(SimulatedDisk image) {
        Path lock = newDirectory();
        List<Executed> mine = List.copyOf(executed);
        try (JobRouter other = build(lock, image)) {
            return recoveredPrefix(other);
        } finally {
            executed.clear();
            executed.addAll(mine);
        }
    }

    /**
     * @return the length of the longest prefix of the executed commands that replays to the router's
     *     state; it fails when none does
     */
    private int recoveredPrefix(JobRouter recovered) {
        var state = TestAccess.snapshot(recovered);
        int found = -1;
        try (RouterEngine replica = newEngine()) {
            if (replica.snapshot().equals(state)) {
                found = 0;
            }
            for (int i = 0; i < executed.size(); i++) {
                replay(replica, executed.get(i));
                if (replica.snapshot().equals(state)) {
                    found = i + 1;
                }
            }
        }
        assertThat(found).as("a prefix of the executed commands that gives the recovered state").isNotNegative();
        return found;
    }

    /** Runs the steps, failing with the trace of what ran on the first disagreement. */
    void run(List<Integer> steps) {
        try {
            for (int step : steps) {
                step(step);
                if (ended) {
                    break;
                }
            }
            checkReplay();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("after these steps (options: expiry deregisters = " + model.expiryDeregisters()
                    + "):\n  " + String.join("\n  ", trace) + "\n" + e.getMessage(), e);
        }
    }

    private void step(int step) {
        int arg = step / 100;
        int kind = step % 100;
        Instant start = router.now();
        events.clear();
        if (kind < 20) {
            createJob(arg);
        } else if (kind < 28) {
            upsertWorker(arg);
        } else if (kind < 33) {
            String worker = pickWorker(arg);
            boolean available = arg / 10 % 2 == 0;
            command("worker " + worker + " available " + available,
                    e -> model.setAvailability(worker, available, e),
                    () -> router.worker(worker).availableForOffers(available).upsert());
        } else if (kind < 49) {
            accept(arg);
        } else if (kind < 57) {
            decline(arg);
        } else if (kind < 64) {
            complete(arg);
        } else if (kind < 73) {
            close(arg);
        } else if (kind < 77) {
            String job = pickJob(arg);
            command("cancel " + job, e -> model.cancel(job, e), () -> router.cancelJob(job));
        } else if (kind < 81) {
            String job = pickJob(arg);
            if (command("delete " + job, e -> model.delete(job, e), () -> router.deleteJob(job)) == Outcome.OK) {
                invariants.deleted(job);
            }
        } else if (kind < 85) {
            unassign(arg);
        } else if (kind < 88) {
            switchMode(arg);
        } else if (kind < 89) {
            String worker = pickWorker(arg);
            if (command("delete worker " + worker, e -> model.deleteWorker(worker, e),
                    () -> router.deleteWorker(worker)) == Outcome.OK) {
                coverage.count("worker deleted");
            }
        } else if (kind < 91) {
            priorityIfMatch(arg);
        } else if (kind < 93) {
            topology(arg);
        } else if ((kind == 93 || kind == 94) && journal != null) {
            restart(arg);
            if (ended) {
                return;
            }
        } else {
            advance(Duration.ofSeconds(1 + arg % 150));
        }
        compareState();
        compareProjection();
        invariants.check(router, start, events);
    }

    // ---- commands

    private void upsertP3() {
        router.distributionPolicy("p3").offerExpiresAfter(Duration.ofSeconds(30)).longestIdle().upsert();
    }

    private void upsertOverflow() {
        router.exceptionPolicy("overflow")
                .rule("full", new QueueLengthExceptionTrigger(1),
                        new ManualReclassifyExceptionAction("q1", ReferenceModel.Q3_OVERFLOW_PRIORITY, List.of()))
                .rule("slow", new WaitTimeExceptionTrigger(ReferenceModel.Q3_PATIENCE),
                        new ReclassifyExceptionAction("cp", Map.of("tier", "gold")))
                .upsert();
    }

    private void upsertQ3() {
        router.queue("q3").distributionPolicy("p3").exceptionPolicy("overflow").upsert();
    }

    /** Deletes and re-creates q3, p3 and "overflow"; tries deletes the rules always refuse. */
    private void topology(int arg) {
        Outcome outcome = switch (arg % 8) {
            case 0 -> command("delete queue q3", e -> model.deleteQueue("q3"), () -> router.deleteQueue("q3"));
            case 1 -> command("upsert queue q3", e -> model.upsertQueue3(), this::upsertQ3);
            case 2 -> command("delete distribution policy p3", e -> model.deleteDistributionPolicy("p3"),
                    () -> router.deleteDistributionPolicy("p3"));
            case 3 -> command("upsert distribution policy p3", e -> {
                model.distributionPolicies.add("p3");
                return Outcome.OK;
            }, this::upsertP3);
            case 4 -> command("delete exception policy overflow", e -> model.deleteOverflowPolicy(),
                    () -> router.deleteExceptionPolicy("overflow"));
            case 5 -> command("upsert exception policy overflow", e -> {
                model.exceptionPolicies.add("overflow");
                return Outcome.OK;
            }, this::upsertOverflow);
            case 6 -> command("delete distribution policy p1", e -> model.deleteDistributionPolicy("p1"),
                    () -> router.deleteDistributionPolicy("p1"));
            default -> model.exceptionPolicies.contains("overflow")
                    ? arg / 8 % 2 == 0
                            ? command("delete queue q1", e -> model.deleteQueue("q1"), () -> router.deleteQueue("q1"))
                            : command("delete classification policy cp", e -> model.deleteCp(),
                                    () -> router.deleteClassificationPolicy("cp"))
                    : command("delete queue q-missing", e -> model.deleteQueue("q-missing"),
                            () -> router.deleteQueue("q-missing"));
        };
        if (outcome == Outcome.OK && arg % 2 == 0) {
            coverage.count("topology deleted");
        } else if (outcome == Outcome.CONFLICT) {
            coverage.count("deletion refused");
        }
    }

    private void createJob(int arg) {
        String id = "j" + arg % JOB_IDS;
        ReferenceModel.Job existing = model.jobs.get(id);
        String channel = arg / JOB_IDS % 5 == 0 ? "chat" : "voice";
        String queue = arg % 97 == 96 ? "q-missing" : arg / 80 % 3 == 0 ? "q2" : arg / 80 % 5 == 4 ? "q3" : "q1";
        if (existing != null && arg / JOB_IDS % 4 != 0) {
            channel = existing.channel;     // mostly a valid update; sometimes a channel change, which is invalid
            queue = existing.queue;
        }
        int priority = arg / 240 % 7 - 3;
        String label = arg / 1680 % 2 == 0 ? "tier" : "vip";
        Object value = label.equals("tier") ? (arg / 3360 % 2 == 0 ? "gold" : "silver") : arg / 3360 % 2 == 0;
        String c = channel;
        String q = queue;
        // A third of the new jobs ask for gold workers; selectors are given on create only.
        String tier = existing == null && arg / 6720 % 3 == 0 ? "gold" : null;
        // A quarter of the new jobs are classified by cp, which sends gold ones to q2 and sets their priority.
        boolean classified = existing == null && arg / 20160 % 4 == 0;
        Outcome outcome = command("job " + id + " " + c + " " + q + " priority " + priority + " " + label + "=" + value
                        + (tier == null ? "" : " selector tier = " + tier) + (classified ? " classified by cp" : ""),
                e -> model.upsertJob(id, c, q, priority, label, value, tier, classified, e),
                () -> {
                    JobDefinition job = router.job(id).channel(c).queue(q).priority(priority);
                    if (tier != null) {
                        job.workerSelectors(RouterWorkerSelector.equal("tier", tier));
                    }
                    if (classified) {
                        job.classificationPolicy("cp");
                    }
                    if (value instanceof Boolean flag) {
                        job.label(label, flag);
                    } else {
                        job.label(label, (String) value);
                    }
                    job.upsert();
                });
        // Only a create counts: an update must not wipe what the invariants remember of the job.
        if (outcome == Outcome.OK && existing == null) {
            invariants.created(id);
        }
    }

    private void upsertWorker(int arg) {
        String id = "w" + arg % WORKER_IDS;
        int capacity = 1 + arg / WORKER_IDS % 8;
        int voiceCost = 1 + arg / 40 % 3;
        int chatLimit = 1 + arg / 120 % 2;
        Set<String> queues = switch (arg / 240 % 3) {
            case 0 -> Set.of("q1");
            case 1 -> Set.of("q2");
            default -> Set.of("q1", "q2");
        };
        boolean available = arg / 720 % 4 != 3;
        Map<String, Channel> channels = Map.of("voice", new Channel(voiceCost, null), "chat", new Channel(1, chatLimit));
        String tier = arg / 2880 % 2 == 0 ? "gold" : "silver";
        command("worker " + id + " capacity " + capacity + " voice cost " + voiceCost + " chat limit " + chatLimit
                        + " queues " + new TreeSet<>(queues) + " tier " + tier + " available " + available,
                e -> model.upsertWorker(id, capacity, channels, queues, available, tier, e),
                () -> router.worker(id).capacity(capacity).channel("voice", voiceCost).channel("chat", 1, chatLimit)
                        .queues(queues.toArray(String[]::new)).label("tier", tier).availableForOffers(available)
                        .upsert());
    }

    /** Picks a job: mostly an existing one, sometimes any id, which may be unknown. */
    private String pickJob(int arg) {
        List<String> ids = List.copyOf(model.jobs.keySet());
        return ids.isEmpty() || arg % 10 == 0 ? "j" + arg / 10 % JOB_IDS : ids.get(arg / 10 % ids.size());
    }

    /** Picks a worker: mostly a known one, sometimes any id, which may be unknown. */
    private String pickWorker(int arg) {
        List<String> ids = List.copyOf(model.workers.keySet());
        return ids.isEmpty() || arg % 10 == 0 ? "w" + arg / 20 % WORKER_IDS : ids.get(arg / 20 % ids.size());
    }

    /** Picks an offer: mostly an open one by its own worker, sometimes an ended one, another worker or an unknown id. */
    private String[] pickOffer(int arg) {
        List<ReferenceModel.Offer> open = List.copyOf(model.openOffers.values());
        List<ReferenceModel.Offer> all = List.copyOf(model.allOffers.values());
        int pick = arg / 10;
        return switch (arg % 10) {
            case 0 -> new String[] {"w" + pick % WORKER_IDS, "offer-unknown"};
            case 1 -> all.isEmpty() ? new String[] {"w0", "offer-unknown"}
                    : new String[] {all.get(pick % all.size()).workerId(), all.get(pick % all.size()).id()};
            case 2 -> open.isEmpty() ? new String[] {"w0", "offer-unknown"}
                    : new String[] {"w" + (pick + 1) % WORKER_IDS, open.get(pick % open.size()).id()};
            default -> open.isEmpty() ? new String[] {"w" + pick % WORKER_IDS, "offer-unknown"}
                    : new String[] {open.get(pick % open.size()).workerId(), open.get(pick % open.size()).id()};
        };
    }

    private void accept(int arg) {
        String[] target = pickOffer(arg);
        String worker = target[0];
        String offer = target[1];
        AcceptJobOfferResult[] result = new AcceptJobOfferResult[1];
        Outcome outcome = command("accept " + offer + " by " + worker, e -> model.accept(worker, offer, e),
                () -> result[0] = router.acceptJobOffer(worker, offer));
        if (outcome == Outcome.OK) {
            model.assigned(result[0].jobId(), result[0].assignmentId());
            coverage.count("accepted");
        }
    }

    private void decline(int arg) {
        String[] target = pickOffer(arg);
        String worker = target[0];
        String offer = target[1];
        Instant retryAt = switch (arg / 1000 % 3) {
            case 0 -> null;
            case 1 -> router.now().plusSeconds(1 + arg / 3000 % 300);
            default -> router.now();
        };
        Outcome outcome = command("decline " + offer + " by " + worker + (retryAt == null ? "" : " retry at " + retryAt),
                e -> model.decline(worker, offer, retryAt, e),
                () -> {
                    if (retryAt == null) {
                        router.declineJobOffer(worker, offer);
                    } else {
                        router.declineJobOffer(worker, offer, retryAt);
                    }
                });
        if (outcome == Outcome.OK) {
            coverage.count(retryAt == null ? "declined for good" : "declined with retry");
        }
    }

    /** Picks a job and an assignment id: mostly a job with an assignment, sometimes a wrong id or job. */
    private String[] pickAssignment(int arg) {
        List<ReferenceModel.Job> assigned = model.jobs.values().stream().filter(job -> job.assignmentId != null).toList();
        int pick = arg / 10;
        return switch (arg % 10) {
            case 0 -> new String[] {"j-unknown", "assignment-unknown"};
            case 1 -> new String[] {"j" + pick % JOB_IDS, "assignment-unknown"};
            default -> assigned.isEmpty() ? new String[] {"j" + pick % JOB_IDS, "assignment-unknown"}
                    : new String[] {assigned.get(pick % assigned.size()).id, assigned.get(pick % assigned.size()).assignmentId};
        };
    }

    private void unassign(int arg) {
        String[] target = pickAssignment(arg);
        boolean suspend = arg / 1000 % 3 == 0;
        if (command("unassign " + target[0] + " " + target[1] + (suspend ? " suspending" : ""),
                e -> model.unassign(target[0], target[1], suspend, e),
                () -> router.unassignJob(target[0], target[1], suspend)) == Outcome.OK) {
            coverage.count("unassigned");
        }
    }

    private void switchMode(int arg) {
        String job = pickJob(arg);
        Instant at = router.now().plusSeconds(arg / 300 % 200 - 20);   // now and then already past
        JobMatchingMode mode = switch (arg / 100 % 3) {
            case 0 -> new SuspendMode();
            case 1 -> new ScheduleAndSuspendMode(at);
            default -> new QueueAndMatchMode();
        };
        String name = mode instanceof SuspendMode ? "suspend" : mode instanceof QueueAndMatchMode ? "queue" : "schedule@" + at;
        if (command("job " + job + " matching mode " + name,
                e -> model.switchMode(job, name, mode instanceof ScheduleAndSuspendMode ? at : null, e),
                () -> router.job(job).matchingMode(mode).upsert()) == Outcome.OK) {
            coverage.count(mode instanceof QueueAndMatchMode ? "queue-and-match" : mode instanceof SuspendMode
                    ? "suspended" : "scheduled");
        }
    }

    /** A priority upsert guarded by the job's etag as read now, or by one that no longer holds. */
    private void priorityIfMatch(int arg) {
        String job = pickJob(arg);
        boolean current = arg / 100 % 3 != 0 && router.listJobs().stream().anyMatch(j -> j.id().equals(job));
        String etag = current ? router.getJob(job).etag() : "stale";
        int priority = arg / 300 % 7 - 3;
        command("job " + job + " priority " + priority + " if match " + etag,
                e -> model.setPriorityIfMatch(job, current, priority, e),
                () -> router.job(job).ifMatch(etag).priority(priority).upsert());
    }

    private void complete(int arg) {
        String[] target = pickAssignment(arg);
        command("complete " + target[0] + " " + target[1], e -> model.complete(target[0], target[1], e),
                () -> router.completeJob(target[0], target[1]));
    }

    private void close(int arg) {
        String[] target = pickAssignment(arg);
        Instant closeAt = switch (arg / 1000 % 3) {
            case 0 -> null;
            case 1 -> router.now().plusSeconds(1 + arg / 3000 % 240);
            default -> router.now();
        };
        Outcome outcome = command("close " + target[0] + " " + target[1] + (closeAt == null ? "" : " at " + closeAt),
                e -> model.close(target[0], target[1], closeAt, e),
                () -> {
                    if (closeAt == null) {
                        router.closeJob(target[0], target[1], "done");
                    } else {
                        router.closeJob(target[0], target[1], "done", closeAt);
                    }
                });
        if (outcome == Outcome.OK) {
            coverage.count(closeAt != null && closeAt.isAfter(router.now()) ? "close with a later release" : "close now");
        }
    }

    /**
     * Runs one command on the model and the router. The model predicts the outcome and the command's
     * own events; the router's events must be exactly those, in any order, followed by offers only.
     */
    private Outcome command(String description, Function<List<String>, Outcome> predict, Runnable execute) {
        trace.add(model.now + " " + description);
        List<String> expected = new ArrayList<>();
        Outcome predicted = predict.apply(expected);
        Outcome actual = Outcome.OK;
        String refusal = "";
        try {
            execute.run();
        } catch (RouterException e) {
            actual = Outcome.valueOf(e.code().name());
            refusal = ": " + e.getMessage();
        }
        trace.set(trace.size() - 1, trace.get(trace.size() - 1) + " -> " + actual + refusal);
        coverage.count(actual.name());
        assertThat(actual).as("outcome of %s%s", description, refusal).isEqualTo(predicted);
        if (actual != Outcome.OK) {
            assertThat(events).as("events of a refused command").isEmpty();
            return actual;
        }
        List<RouterEvent> rest = applyOffers(expectEffects(expected, events));
        assertThat(rest).as("events after the matcher's offers").isEmpty();
        events.stream().filter(JobExceptionTriggered.class::isInstance).map(JobExceptionTriggered.class::cast)
                .forEach(e -> coverage.count("exception " + e.exceptionRuleId()));   // a queue-length rule fires in the command
        assertThat(model.missedMatch()).as("a match the matcher missed").isNull();
        return actual;
    }

    // ---- time

    /**
     * Moves the clock one timer instant at a time, so that the events at each instant can be matched
     * timer by timer: each timer's own events, then the offers the matcher issued after it.
     */
    private void advance(Duration by) {
        Instant target = router.now().plus(by);
        trace.add(model.now + " advance " + by);
        for (Instant next = model.nextTimer(); next != null && !next.isAfter(target); next = model.nextTimer()) {
            int from = events.size();
            router.advanceTo(next);
            model.now = next;
            List<RouterEvent> rest = new ArrayList<>(events.subList(from, events.size()));
            countTimed(rest);
            for (List<String> fired = model.fireNextTimer(); fired != null; fired = model.fireNextTimer()) {
                rest = applyOffers(expectEffects(fired, rest));
            }
            assertThat(rest).as("events at %s the model does not expect", next).isEmpty();
            assertThat(model.missedMatch()).as("a match the matcher missed at %s", next).isNull();
        }
        int from = events.size();
        router.advanceTo(target);
        model.now = target;
        assertThat(events.subList(from, events.size())).as("events up to %s, with no timer due in the model", target)
                .isEmpty();
    }

    private void countTimed(List<RouterEvent> fired) {
        for (RouterEvent event : fired) {
            if (event instanceof OfferExpired) {
                coverage.count("offer expired");
            } else if (event instanceof JobExceptionTriggered e) {
                coverage.count("exception " + e.exceptionRuleId());
            } else if (event instanceof JobWaitingForActivation) {
                coverage.count("scheduled job activated");
            } else if (event instanceof JobClosed) {
                coverage.count("delayed release");
            } else if (event instanceof WorkerDeregistered) {
                coverage.count("deregistered by expiry");
            }
        }
    }

    // ---- comparing

    /** Checks that the router's events start with the expected ones (in any order); @return the rest */
    private List<RouterEvent> expectEffects(List<String> expected, List<RouterEvent> actual) {
        assertThat(actual.size()).as("events %s, expected %s first", actual, expected).isGreaterThanOrEqualTo(expected.size());
        List<String> head = actual.subList(0, expected.size()).stream().map(LifecycleRun::key).sorted().toList();
        assertThat(head).as("events").isEqualTo(expected.stream().sorted().toList());
        for (RouterEvent event : actual.subList(0, expected.size())) {
            if (event instanceof OfferRevoked) {
                coverage.count("revoked");
            }
        }
        return new ArrayList<>(actual.subList(expected.size(), actual.size()));
    }

    /** Applies the offers at the head of {@code events} to the model, which checks each was allowed; @return the rest */
    private List<RouterEvent> applyOffers(List<RouterEvent> events) {
        int i = 0;
        for (; i < events.size() && events.get(i) instanceof OfferIssued issued; i++) {
            ReferenceModel.Worker worker = model.workers.get(issued.workerId());
            if (worker != null && worker.declines.containsKey(issued.jobId())) {
                coverage.count("offered again after a retry time");
            }
            String refused = model.offerIssued(issued.offerId(), issued.jobId(), issued.workerId(), issued.expiresAt());
            assertThat(refused).as("an offer the documented behaviour does not allow").isNull();
            coverage.count("offer issued");
        }
        return new ArrayList<>(events.subList(i, events.size()));
    }

    private void compareState() {
        Map<String, String> routerJobs = new TreeMap<>();
        Map<String, String> modelJobs = new TreeMap<>();
        for (RouterJob job : router.listJobs()) {
            List<String> open = router.getJobOffers(job.id()).stream().filter(o -> o.status() == OfferStatus.OPEN)
                    .map(RouterJobOffer::offerId).toList();
            routerJobs.put(job.id(), job.queueId() + " " + job.status() + " priority " + job.priority() + " labels "
                    + new TreeMap<>(job.labels()) + " offers " + open);
        }
        model.jobs.values().forEach(job -> modelJobs.put(job.id, job.queue + " " + job.status + " priority " + job.priority
                + " labels " + job.labels + " offers "
                + model.offersOfJob(job.id).stream().map(ReferenceModel.Offer::id).toList()));
        assertThat(routerJobs).as("jobs: status, priority, labels and open offers").isEqualTo(modelJobs);

        Map<String, String> routerWorkers = new TreeMap<>();
        Map<String, String> modelWorkers = new TreeMap<>();
        for (RouterWorker worker : router.listWorkers()) {
            routerWorkers.put(worker.id(), "used " + worker.usedCapacity() + " available " + worker.availableForOffers()
                    + " offers " + worker.offers().stream().map(RouterJobOffer::offerId).toList());
        }
        model.workers.values().forEach(worker -> modelWorkers.put(worker.id, "used " + model.usedCapacity(worker)
                + " available " + worker.available + " offers "
                + model.offersOf(worker.id).stream().map(ReferenceModel.Offer::id).toList()));
        assertThat(routerWorkers).as("workers: used capacity, availability and open offers").isEqualTo(modelWorkers);
    }

    /**
     * Executes the logged commands at their instants on a fresh engine with the same rules: each must
     * publish the same events, and the engine must end with the same state, ids, timers and counters.
     * Halfway, an engine restored from the replica's snapshot joins in: from then on it must publish
     * the same events and end the same too.
     */
    private void checkReplay() {
        int half = executed.size() / 2;
        RouterEngine restored = null;
        try (RouterEngine replica = newEngine()) {
            for (int i = 0; i < executed.size(); i++) {
                if (i == half) {
                    restored = RouterEngine.restored(RuleBase.of(List.of()).newSession(disabledRules),
                            new RuleEvaluator(new MvelExpressions(), Map.of()), replica.snapshot());
                    assertThat(restored.snapshot()).as("an engine restored from a snapshot").isEqualTo(replica.snapshot());
                }
                Executed original = executed.get(i);
                assertThat(replay(replica, original)).as("replayed events of %s at %s", original.command(), original.at())
                        .isEqualTo(original.events());
                if (restored != null) {
                    assertThat(replay(restored, original)).as("events of %s at %s on the restored engine",
                            original.command(), original.at()).isEqualTo(original.events());
                }
            }
            assertThat(replica.snapshot()).as("the replayed engine").isEqualTo(TestAccess.snapshot(router));
            if (restored != null) {
                assertThat(restored.snapshot()).as("the restored engine").isEqualTo(TestAccess.snapshot(router));
            }
        } finally {
            if (restored != null) {
                restored.close();
            }
        }
    }

    private RouterEngine newEngine() {
        return new RouterEngine(RuleBase.of(List.of()).newSession(disabledRules),
                new RuleEvaluator(new MvelExpressions(), Map.of()), RouterEngine.DEFAULT_SEED);
    }

    /** @return the events of the command on the engine; none for a timed command that failed, consumed as it was */
    private static List<RouterEvent> replay(RouterEngine engine, Executed original) {
        try {
            return engine.execute(original.command(), original.at()).events();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The router's jobs and workers against the view kept from the events alone. */
    private void compareProjection() {
        Map<String, String> routerJobs = new TreeMap<>();
        for (RouterJob job : router.listJobs()) {
            List<String> open = router.getJobOffers(job.id()).stream().filter(o -> o.status() == OfferStatus.OPEN)
                    .map(RouterJobOffer::offerId).toList();
            String worker = job.currentAssignment().map(a -> a.workerId()).orElse(null);
            routerJobs.put(job.id(), job.channelId() + " " + job.queueId() + " " + job.status() + " priority "
                    + job.priority() + " labels " + new TreeMap<>(job.labels()) + " tags " + new TreeMap<>(job.tags())
                    + " offers " + open + " worker " + worker);
        }
        Map<String, String> projectedJobs = new TreeMap<>();
        projection.jobs.forEach((id, job) -> projectedJobs.put(id, job.channel + " " + job.queue + " " + job.status
                + " priority " + job.priority + " labels " + new TreeMap<>(job.labels) + " tags "
                + new TreeMap<>(job.tags) + " offers " + List.copyOf(job.openOffers.keySet()) + " worker "
                + (job.status == dev.jobrouter.core.model.JobStatus.ASSIGNED
                        || job.status == dev.jobrouter.core.model.JobStatus.COMPLETED ? job.assignedWorker : null)));
        assertThat(projectedJobs).as("jobs as the events tell them").isEqualTo(routerJobs);

        Map<String, String> routerWorkers = new TreeMap<>();
        for (RouterWorker worker : router.listWorkers()) {
            routerWorkers.put(worker.id(), "capacity " + worker.capacity() + " used " + worker.usedCapacity()
                    + " channels " + new TreeMap<>(worker.channels()) + " queues " + new TreeSet<>(worker.queues())
                    + " labels " + new TreeMap<>(worker.labels()) + " tags " + new TreeMap<>(worker.tags())
                    + " available " + worker.availableForOffers() + " offers "
                    + worker.offers().stream().map(RouterJobOffer::offerId).toList() + " assignments "
                    + worker.assignedJobs().stream().map(a -> a.assignmentId()).toList());
        }
        Map<String, String> projectedWorkers = new TreeMap<>();
        projection.workers.forEach((id, worker) -> projectedWorkers.put(id, "capacity " + worker.capacity + " used "
                + (worker.offers.values().stream().mapToInt(Integer::intValue).sum()
                        + worker.assignments.values().stream().mapToInt(Integer::intValue).sum())
                + " channels " + new TreeMap<>(worker.channels) + " queues " + new TreeSet<>(worker.queues)
                + " labels " + new TreeMap<>(worker.labels) + " tags " + new TreeMap<>(worker.tags)
                + " available " + worker.available + " offers " + List.copyOf(worker.offers.keySet())
                + " assignments " + List.copyOf(worker.assignments.keySet())));
        assertThat(projectedWorkers).as("workers as the events tell them").isEqualTo(routerWorkers);
    }

    /** The router's event in the model's rendering; see {@link ReferenceModel#key}. */
    private static String key(RouterEvent event) {
        String ids;
        if (event instanceof JobReceived e) {
            ids = e.jobId();
        } else if (event instanceof JobQueued e) {
            ids = e.jobId() + " " + e.queueId();
        } else if (event instanceof JobUpdated e) {
            ids = e.jobId();
        } else if (event instanceof JobClassified e) {
            ids = e.jobId();
        } else if (event instanceof JobCompleted e) {
            ids = e.jobId() + " " + e.workerId();
        } else if (event instanceof JobClosed e) {
            ids = e.jobId() + " " + e.workerId();
        } else if (event instanceof JobCancelled e) {
            ids = e.jobId();
        } else if (event instanceof JobDeleted e) {
            ids = e.jobId();
        } else if (event instanceof OfferAccepted e) {
            ids = e.offerId() + " " + e.jobId() + " " + e.workerId();
        } else if (event instanceof OfferDeclined e) {
            ids = e.offerId() + " " + e.jobId() + " " + e.workerId();
        } else if (event instanceof OfferExpired e) {
            ids = e.offerId() + " " + e.jobId() + " " + e.workerId();
        } else if (event instanceof OfferRevoked e) {
            ids = e.offerId() + " " + e.jobId() + " " + e.workerId();
        } else if (event instanceof WorkerRegistered e) {
            ids = e.workerId();
        } else if (event instanceof WorkerDeregistered e) {
            ids = e.workerId();
        } else if (event instanceof WorkerUpdated e) {
            ids = e.workerId();
        } else if (event instanceof JobUnassigned e) {
            ids = e.jobId() + " " + e.workerId();
        } else if (event instanceof JobWaitingForActivation e) {
            ids = e.jobId();
        } else if (event instanceof WorkerDeleted e) {
            ids = e.workerId();
        } else if (event instanceof JobExceptionTriggered e) {
            ids = e.jobId() + " " + e.exceptionRuleId();
        } else if (event instanceof JobScheduled e) {
            ids = e.jobId();
        } else {
            ids = event.toString();
        }
        return event.getClass().getSimpleName() + " " + ids + " @" + event.at();
    }

    @Override
    public void close() {
        router.close();
        for (Path directory : directories) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
