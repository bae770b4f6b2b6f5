package dev.jobrouter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.AcceptJobOffer;
import dev.jobrouter.core.command.CancelJob;
import dev.jobrouter.core.command.CloseJob;
import dev.jobrouter.core.command.CompleteJob;
import dev.jobrouter.core.command.DeclineJobOffer;
import dev.jobrouter.core.command.DeleteJob;
import dev.jobrouter.core.command.DeleteWorker;
import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.command.UnassignJob;
import dev.jobrouter.core.command.UpsertDistributionPolicy;
import dev.jobrouter.core.command.UpsertJob;
import dev.jobrouter.core.command.UpsertQueue;
import dev.jobrouter.core.command.UpsertWorker;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.internal.engine.RouterEngine;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.QueueAndMatchMode;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobAssignment;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.SuspendMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' ratio means something only if the hand-written baseline decides as the built-in DRL
 * does: the same random sequences run on both, and every step must give the same outcome (the same
 * error code and refusing rule), the same events, and in the end the same engine state.
 */
class BaselineAgreementTest {
    private static final int SEQUENCES = 150;
    private static final int STEPS = 150;

    @Test
    void theJavaBaselineDecidesAsTheBuiltInRules() {
        int refused = 0;
        int steps = 0;
        for (long seed = 0; seed < SEQUENCES; seed++) {
            try (LocalHost drools = Routers.engine("drools"); LocalHost java = Routers.engine("java")) {
                List<RouterEvent> droolsEvents = new ArrayList<>();
                List<RouterEvent> javaEvents = new ArrayList<>();
                drools.subscribe(droolsEvents::add);
                java.subscribe(javaEvents::add);
                Random random = new Random(seed);
                for (RouterCommand<?> setup : List.of(
                        new UpsertDistributionPolicy("p2", null, Duration.ofSeconds(30), null, null, 2),
                        new UpsertQueue("q2", null, "p2", Map.of()))) {
                    drools.execute(setup);
                    java.execute(setup);
                }
                for (int step = 0; step < STEPS; step++, steps++) {
                    String description;
                    String droolsOutcome;
                    String javaOutcome;
                    if (random.nextInt(10) == 0) {
                        Duration by = Duration.ofSeconds(1 + random.nextInt(90));
                        description = "advance " + by;
                        droolsOutcome = advance(drools, by);
                        javaOutcome = advance(java, by);
                    } else {
                        RouterCommand<?> command = nextCommand(random, drools);
                        description = command.toString();
                        droolsOutcome = outcome(drools, command);
                        javaOutcome = outcome(java, command);
                    }
                    if (!droolsOutcome.equals("OK")) {
                        refused++;
                    }
                    String where = "seed " + seed + " step " + step + ": " + description;
                    assertThat(javaOutcome).as(where).isEqualTo(droolsOutcome);
                    assertThat(javaEvents).as(where).isEqualTo(droolsEvents);
                }
                assertThat(java.read(RouterEngine::snapshot)).as("seed " + seed)
                        .isEqualTo(drools.read(RouterEngine::snapshot));
            }
        }
        assertThat(refused).as("refused steps of %d", steps).isGreaterThan(steps / 20);
    }

    private static String advance(LocalHost host, Duration by) {
        host.advanceTo(host.now().plus(by));
        return "OK";
    }

    private static String outcome(LocalHost host, RouterCommand<?> command) {
        try {
            host.execute(command);
            return "OK";
        } catch (RouterException e) {
            return e.code() + " " + e.rule();
        }
    }

    /** A command on the state both routers share (read from one), aimed mostly at what exists. */
    private static RouterCommand<?> nextCommand(Random random, LocalHost host) {
        List<RouterJob> jobs = host.read(RouterEngine::listJobs);
        List<RouterJobOffer> offers = host.read(RouterEngine::listWorkers).stream()
                .flatMap(worker -> worker.offers().stream()).toList();
        String jobId = jobs.isEmpty() || random.nextInt(5) == 0 ? "j" + random.nextInt(8)
                : jobs.get(random.nextInt(jobs.size())).id();
        String assignmentId = jobs.stream().filter(job -> job.id().equals(jobId))
                .flatMap(job -> job.assignments().values().stream()).map(RouterJobAssignment::assignmentId)
                .findFirst().orElse("assignment-none");
        Instant now = host.now();
        switch (random.nextInt(15)) {
            case 0, 1:
                return new UpsertJob(jobId, random.nextInt(4) == 0 ? "chat" : "voice", random.nextBoolean() ? "q1" : "q2",
                        random.nextInt(5) - 2, Map.of(), Map.of());
            case 2:
                int capacity = random.nextInt(4);
                return new UpsertWorker("w" + random.nextInt(4), capacity,
                        Map.of("voice", new ChannelConfiguration("voice", 1, null),
                                "chat", new ChannelConfiguration("chat", 1, 1 + random.nextInt(2))),
                        random.nextBoolean() ? Set.of("q1", "q2") : Set.of("q2"), Map.of(), Map.of(),
                        random.nextInt(4) != 0);
            case 3, 4: {
                if (offers.isEmpty()) {
                    return new AcceptJobOffer("w0", "offer-none");
                }
                RouterJobOffer offer = offers.get(random.nextInt(offers.size()));
                return new AcceptJobOffer(offer.workerId(), offer.offerId());
            }
            case 5: {
                if (offers.isEmpty()) {
                    return new DeclineJobOffer("w0", "offer-none", null);
                }
                RouterJobOffer offer = offers.get(random.nextInt(offers.size()));
                return new DeclineJobOffer(offer.workerId(), offer.offerId(),
                        random.nextBoolean() ? null : now.plusSeconds(random.nextInt(60)));
            }
            case 6:
                return new CompleteJob(jobId, assignmentId, null);
            case 7:
                return new CloseJob(jobId, assignmentId, "done", random.nextBoolean() ? null : now.plusSeconds(
                        random.nextInt(60)), null);
            case 8:
                return new CancelJob(jobId, null, null);
            case 9:
                return new UnassignJob(jobId, assignmentId, random.nextBoolean());
            case 10:
                return new UpsertJob(jobId, null, null, null, Map.of(), Map.of(), null, null,
                        random.nextBoolean() ? new SuspendMode() : new QueueAndMatchMode());
            case 11:
                return new DeleteWorker("w" + random.nextInt(4));
            default:
                return new DeleteJob(jobId);
        }
    }
}
