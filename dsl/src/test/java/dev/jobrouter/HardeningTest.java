package dev.jobrouter;

import static dev.jobrouter.Fixtures.T0;
import static dev.jobrouter.Fixtures.onlyOffer;
import static dev.jobrouter.Fixtures.voiceJob;
import static dev.jobrouter.Fixtures.voiceWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.Fixtures.Snapshot;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.time.RouterTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The defects of the hardening issue, one test per row of its table. */
class HardeningTest {

    private static void assertInvalid(ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    private static void assertRefusedBy(ThrowingCallable call, String rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    /** Row 1: capacity and costs have upper bounds, and a worker is never booked past its capacity. */
    @Test
    void capacityAndCostsAreBoundedAndNeverOverbook() {
        try (JobRouter router = Fixtures.router()) {
            assertInvalid(() -> router.worker("w").capacity(Integer.MAX_VALUE).channel("voice", 1).upsert(),
                    "between 0 and " + RouterWorker.MAX_CAPACITY);
            assertInvalid(() -> router.worker("w").capacity(1).channel("voice", Integer.MAX_VALUE).upsert(),
                    "capacity cost of channel voice");
            assertInvalid(() -> router.worker("w").capacity(1).channel("voice", 1, Integer.MAX_VALUE).upsert(),
                    "max number of jobs on channel voice");

            int max = RouterWorker.MAX_CAPACITY;
            router.worker("w1").capacity(max).channel("voice", max).queues("q1").availableForOffers(true).upsert();
            router.worker("w2").capacity(max).channel("voice", max - 1).queues("q1").upsert();
            for (int i = 0; i < 3; i++) {
                voiceJob(router, "j" + i);
            }

            RouterWorker worker = router.getWorker("w1");
            assertThat(worker.offers()).hasSize(1);
            assertThat(worker.usedCapacity()).isEqualTo(max);
            assertThat(worker.hasRoomOn("voice")).isFalse();
        }
    }

    /** Row 4: the reserved package is checked on what the compiler read, not on the text. */
    @Test
    void theReservedPackageCannotBeTakenByACommentOrAnImportOnItsLine() {
        String body = """
                import dev.jobrouter.core.command.*;
                import dev.jobrouter.core.rules.*;
                rule "a job is closed only once"
                when
                    CancelJob()
                then
                end
                """;
        for (String header : List.of("package dev.jobrouter.rules; // x\n", "/* x */ package dev.jobrouter.rules;\n",
                "package dev.jobrouter.rules; import dev.jobrouter.core.model.*;\n")) {
            assertThatThrownBy(() -> JobRouter.builder().rules("sneaky.drl", header + body).build())
                    .as(header).isInstanceOfSatisfying(RouterException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.RULES_INVALID);
                        assertThat(e.getMessage()).contains("sneaky.drl").contains("reserved");
                    });
        }
    }

    /** Rows 5 and 6: instants and durations far ahead either work or are refused before anything changes. */
    @Test
    void farInstantsAndDurationsOnTheSystemClockWorkOrAreRefusedWholly() {
        try (JobRouter router = JobRouter.inMemory()) {
            router.distributionPolicy("p1").offerExpiresAfter(RouterTime.LONGEST).upsert();
            router.queue("q1").distributionPolicy("p1").upsert();
            voiceWorker(router, "w1");
            voiceJob(router, "j1");
            String assignmentId = router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId()).assignmentId();
            Snapshot before = Snapshot.of(router);

            assertInvalid(() -> router.closeJob("j1", assignmentId, "done", Instant.MAX), "closeAt must lie between");
            assertInvalid(() -> router.distributionPolicy("p1").offerExpiresAfter(Duration.ofDays(365L * 300)).upsert(),
                    "offerExpiresAfter");
            assertThat(Snapshot.of(router).engine()).isEqualTo(before.engine());

            assertThat(router.closeJob("j1", assignmentId, "done", RouterTime.LATEST).closePending()).isTrue();
            voiceJob(router, "j2");
            assertThat(router.getJob("j2").status()).isEqualTo(JobStatus.QUEUED);
        }
    }

    /** Rows 7, 8 and 9: durations and instants out of range are INVALID_ARGUMENT, and the router goes on. */
    @Test
    void outOfRangeTimesAreRefusedAndTheRouterKeepsWorking() {
        try (JobRouter router = Fixtures.router()) {
            assertInvalid(() -> router.distributionPolicy("p1").offerExpiresAfter(Duration.ofSeconds(Long.MAX_VALUE))
                    .upsert(), "offerExpiresAfter");
            assertInvalid(() -> router.advanceTo(Instant.MAX), "the instant to advance to must lie between");
            assertInvalid(() -> router.advanceBy(Duration.ofSeconds(Long.MAX_VALUE)), "the duration to advance by");
            assertInvalid(() -> router.declineJobOffer("w1", "o1", Instant.MAX), "retryOfferAt");
            assertThat(router.now()).isEqualTo(T0);

            voiceWorker(router, "w1");
            voiceJob(router, "j1");
            assertThat(router.getWorker("w1").offers()).hasSize(1);
            router.advanceTo(RouterTime.LATEST.minus(Duration.ofDays(1)));
            assertThat(router.getWorker("w1").offers()).as("expired, and w1 deregistered").isEmpty();
        }
    }

    /** Rows 10 and 11: a rule's Error, or a condition that throws, is CONFLICT naming the rule. */
    @Test
    void errorsAndFailingConditionsAreRefusalsNamingTheRule() {
        try (JobRouter router = Fixtures.router(UserRulesTest.HEADER + """
                rule "asserts in its consequence"
                when
                    CancelJob(jobId == "assert")
                then
                    throw new AssertionError("a rule's assertion");
                end

                function int deep(int n) { return deep(n + 1); }

                rule "recurses in its consequence"
                when
                    CancelJob(jobId == "recurse")
                then
                    deep(0);
                end

                function boolean explodes(String jobId) { throw new IllegalStateException("a condition's bug"); }

                rule "throws in its condition"
                when
                    CancelJob(jobId == "condition", explodes(jobId))
                then
                end
                """)) {
            for (String job : List.of("assert", "recurse", "condition")) {
                voiceJob(router, job);
            }
            Snapshot before = Snapshot.of(router);

            assertRefusedBy(() -> router.cancelJob("assert"), "asserts in its consequence");
            assertRefusedBy(() -> router.cancelJob("recurse"), "recurses in its consequence");
            assertRefusedBy(() -> router.cancelJob("condition"), "throws in its condition");
            assertThat(Snapshot.of(router)).isEqualTo(before);
        }
    }

    /** Row 12: a listener advancing the clock while an advance fires timers: both succeed. */
    @Test
    void aListenerMayAdvanceTheClockWhileAnAdvanceFiresTimers() {
        try (JobRouter router = Fixtures.router()) {
            voiceWorker(router, "w1");
            voiceJob(router, "j1");
            List<String> nested = new ArrayList<>();
            router.onEvent(event -> {
                if (event instanceof dev.jobrouter.core.event.OfferExpired && nested.isEmpty()) {
                    nested.add("advancing");
                    router.advanceBy(Duration.ofMinutes(10));
                    nested.add("advanced to " + router.now());
                }
            });

            router.advanceBy(Duration.ofMinutes(2));

            assertThat(nested).containsExactly("advancing", "advanced to " + T0.plus(Duration.ofMinutes(11)));
            assertThat(router.now()).isEqualTo(T0.plus(Duration.ofMinutes(11)));
        }
    }

    /** Row 13: label values are immutable; a mutable number is refused. */
    @Test
    void mutableLabelValuesAreRefused() {
        try (JobRouter router = Fixtures.router()) {
            AtomicInteger counter = new AtomicInteger(7);
            assertInvalid(() -> router.job("j1").channel("voice").queue("q1").label("n", counter).upsert(),
                    "immutable number");
            assertInvalid(() -> router.job("j1").channel("voice").queue("q1").labels(Map.of("n", new StringBuilder()))
                    .upsert(), "StringBuilder");

            router.job("j1").channel("voice").queue("q1").label("n", 7).label("big", new java.math.BigDecimal("1.5"))
                    .upsert();
            assertThat(router.getJob("j1").labels()).containsEntry("n", 7);
        }
    }

    /** Row 14: a null where a value is needed is INVALID_ARGUMENT naming the parameter, everywhere. */
    @Test
    void nullArgumentsAreInvalidArgumentsNamingTheParameter() {
        JobRouter.Builder builder = JobRouter.builder();
        assertInvalid(() -> builder.rules(null), "drl");
        assertInvalid(() -> builder.rules("x.drl", null), "drl");
        assertInvalid(() -> builder.virtualClock(null), "start");
        assertInvalid(() -> builder.clock(null), "clock");
        assertInvalid(() -> builder.disableRule(null), "name");
        assertInvalid(() -> builder.rulesFrom(null), "file");
        assertInvalid(() -> builder.rulesFromClasspath(null), "resource");
        try (JobRouter router = Fixtures.router()) {
            assertInvalid(() -> router.job("j1").labels(null), "labels");
            assertInvalid(() -> router.worker("w1").queues((String[]) null), "queueIds");
            assertInvalid(() -> router.onEvent(null), "listener");
            assertInvalid(() -> router.queue("q1").distributionPolicy(null), "policyId");
            assertInvalid(() -> router.distributionPolicy("p1").offerExpiresAfter(null), "duration");
            assertInvalid(() -> router.advanceBy(null), "duration");
            assertInvalid(() -> router.advanceTo(null), "instant");
        }
    }

    /** Row 15: after close, every call but close throws IllegalStateException; close again is harmless. */
    @Test
    void everyCallAfterCloseThrowsIllegalState() {
        JobRouter router = Fixtures.router();
        router.close();
        router.close();

        List<ThrowingCallable> calls = List.of(router::listJobs, router::now, router::hasVirtualClock,
                router::nextTimerAt, () -> router.onEvent(event -> { }), () -> router.getJob("j1"),
                () -> voiceJob(router, "j1"), () -> router.advanceBy(Duration.ofSeconds(1)),
                () -> router.cancelJob("j1"));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    /** Row 16: a worker cannot drop a channel on which it holds a job or an offer. */
    @Test
    void aWorkerKeepsTheChannelsOfWhatItHolds() {
        try (JobRouter router = Fixtures.router()) {
            router.worker("w1").capacity(10).channel("voice", 1).channel("chat", 1).queues("q1")
                    .availableForOffers(true).upsert();
            voiceJob(router, "j1");
            Snapshot offered = Snapshot.of(router);
            assertRefusedBy(() -> router.worker("w1").channel("chat", 1).upsert(),
                    "a worker keeps the channels of the offers it holds");
            assertThat(Snapshot.of(router)).isEqualTo(offered);

            router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId());
            assertRefusedBy(() -> router.worker("w1").channel("chat", 1).upsert(),
                    "a worker keeps the channels of the jobs it holds");
            assertThat(router.getWorker("w1").channels()).containsKeys("voice", "chat");
        }
    }

    /** Times a rule chooses are held to the same range; the refusal names the rule whose time won. */
    @Test
    void aRuleChoosingATimePastTheRangeIsRefusedByName() {
        try (JobRouter router = Fixtures.router(UserRulesTest.HEADER + """
                rule "wrap up until the end of time"
                    salience 10
                when
                    CloseJob()
                then
                    insert(new ReleaseCapacityAt(java.time.Instant.MAX));
                end

                rule "wrap up for a minute"
                when
                    CloseJob()
                    Now($now : instant)
                then
                    insert(new ReleaseCapacityAt($now.plusSeconds(60)));
                end
                """)) {
            voiceWorker(router, "w1");
            voiceJob(router, "j1");
            String assignmentId = router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId()).assignmentId();
            Snapshot before = Snapshot.of(router);

            assertRefusedBy(() -> router.closeJob("j1", assignmentId), "wrap up until the end of time");
            assertThat(Snapshot.of(router)).isEqualTo(before);
        }
    }
}
