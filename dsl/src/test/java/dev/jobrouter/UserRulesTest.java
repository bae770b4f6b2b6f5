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
import dev.jobrouter.core.model.RouterJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules users add: they refuse transitions the built-in rules allow, set times, and add follow-ups. */
class UserRulesTest {
    static final String HEADER = """
            package com.example.rules;
            import dev.jobrouter.core.command.*;
            import dev.jobrouter.core.model.*;
            import dev.jobrouter.core.rules.*;
            """;

    /** A user rule: a job labelled vip cannot be cancelled. */
    static final String VIP_JOBS_STAY = HEADER + """
            rule "VIP jobs are never cancelled"
            when
                CancelJob($jobId : jobId)
                RouterJob(id == $jobId, labels["vip"] == true)
            then
                insert(new Refusal("VIP jobs cannot be cancelled"));
            end
            """;

    private static void assertRefusedBy(ThrowingCallable call, String rule, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.getMessage()).contains(rule);
        });
    }

    @Test
    void aUserRuleRefusesATransitionTheBuiltInRulesAllow() {
        try (JobRouter router = Fixtures.router(VIP_JOBS_STAY)) {
            router.job("vip").channel("voice").queue("q1").label("vip", true).upsert();
            voiceJob(router, "plain");
            Snapshot before = Snapshot.of(router);

            assertThatThrownBy(() -> router.cancelJob("vip")).isInstanceOfSatisfying(RouterException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                assertThat(e.rule()).isEqualTo("VIP jobs are never cancelled");
                assertThat(e.getMessage()).isEqualTo("job vip is QUEUED; VIP jobs cannot be cancelled "
                        + "(rule \"VIP jobs are never cancelled\")");
            });
            assertThat(Snapshot.of(router)).isEqualTo(before);
            assertThat(router.cancelJob("plain").status()).isEqualTo(JobStatus.CANCELLED);
        }
    }

    @Test
    void withoutTheUserRuleTheSameCancelSucceeds() {
        try (JobRouter router = Fixtures.router()) {
            router.job("vip").channel("voice").queue("q1").label("vip", true).upsert();

            assertThat(router.cancelJob("vip").status()).isEqualTo(JobStatus.CANCELLED);
        }
    }

    @Test
    void aUserRuleDelaysTheCapacityReleaseForAWrapUpTime() {
        try (JobRouter router = Fixtures.router(HEADER + """
                rule "every close keeps the worker 30 seconds for wrap-up"
                when
                    CloseJob()
                    Now($now : instant)
                then
                    insert(new ReleaseCapacityAt($now.plusSeconds(30)));
                end
                """)) {
            voiceWorker(router, "w1");
            voiceJob(router, "j1");

            router.offersFor("w1").first().accept().close("done");

            assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.COMPLETED);
            router.advanceBy(Duration.ofSeconds(30));
            assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.CLOSED);
            assertThat(router.getJob("j1").assignments().values().iterator().next().closedAt())
                    .isEqualTo(T0.plusSeconds(30));
        }
    }

    @Test
    void aUserRuleKeepsAJobFromSomeWorkers() {
        try (JobRouter router = JobRouter.builder().virtualClock(T0)
                .rulesFromClasspath("com/example/rules/supervisor.drl").build()) {
            Fixtures.setUp(router);
            router.worker("boss").capacity(10).channel("chat", 1).queues("q1").label("role", "supervisor")
                    .availableForOffers(true).upsert();
            router.job("c1").channel("chat").queue("q1").upsert();
            assertThat(router.getWorker("boss").offers()).isEmpty();

            router.worker("agent").capacity(10).channel("chat", 1).queues("q1").availableForOffers(true).upsert();

            assertThat(onlyOffer(router, "agent").jobId()).isEqualTo("c1");
        }
    }

    @Test
    void refusingAConsequenceRefusesTheWholeCommand() {
        try (JobRouter router = Fixtures.router(HEADER + """
                rule "offers are never revoked"
                when
                    RevokeOffer()
                then
                    insert(new Refusal("offers stay open"));
                end
                """)) {
            router.distributionPolicy("p1").maxConcurrentOffers(2).upsert();
            voiceWorker(router, "w1");
            voiceWorker(router, "w2");
            voiceJob(router, "j1");
            String offerId = onlyOffer(router, "w1").offerId();
            Snapshot before = Snapshot.of(router);

            // The accept changes offer, worker and job before the revocation is refused: all must be undone.
            assertRefusedBy(() -> router.acceptJobOffer("w1", offerId), "offers are never revoked", ErrorCode.CONFLICT);

            assertThat(Snapshot.of(router)).isEqualTo(before);
            assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.QUEUED);
        }
    }

    @Test
    void aRuleThatThrowsRefusesTheCommandAndTheRouterCarriesOn() {
        try (JobRouter router = Fixtures.router(HEADER + """
                rule "notes may not say boom"
                when
                    CompleteJob(note == "boom")
                then
                    throw new IllegalStateException("boom!");
                end
                """)) {
            voiceWorker(router, "w1");
            voiceJob(router, "j1");
            String assignmentId = router.offersFor("w1").first().accept().assignmentId();
            Snapshot before = Snapshot.of(router);

            assertThatThrownBy(() -> router.completeJob("j1", assignmentId, "boom"))
                    .isInstanceOfSatisfying(RouterException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                        assertThat(e.rule()).isEqualTo("notes may not say boom");
                        assertThat(e.getMessage()).contains("boom!");
                    });

            assertThat(Snapshot.of(router)).isEqualTo(before);
            assertThat(router.completeJob("j1", assignmentId, "fine").status()).isEqualTo(JobStatus.COMPLETED);
        }
    }

    @Test
    void aRuleThatLoopsIsStopped() {
        try (JobRouter router = Fixtures.router(HEADER + """
                rule "tick forever"
                when
                    CompleteJob()
                    Now($now : instant)
                then
                    insert(new Now($now.plusNanos(1)));
                end
                """)) {
            voiceWorker(router, "w1");
            voiceJob(router, "j1");
            String assignmentId = router.offersFor("w1").first().accept().assignmentId();
            Snapshot before = Snapshot.of(router);

            assertRefusedBy(() -> router.completeJob("j1", assignmentId), "tick forever", ErrorCode.CONFLICT);
            assertThat(Snapshot.of(router)).isEqualTo(before);
        }
    }

    @Test
    void aRuleCanAddAFollowUp() {
        try (JobRouter router = Fixtures.router(HEADER + """
                rule "a job the supervisor declines is cancelled"
                when
                    DeclineJobOffer($jobId : jobId, $workerId : workerId)
                    RouterWorker(id == $workerId, labels["role"] == "supervisor")
                then
                    insert(new FollowUp(new CancelJob($jobId, "RejectedBySupervisor", null)));
                end
                """)) {
            router.worker("boss").capacity(10).channel("voice", 10).queues("q1").label("role", "supervisor")
                    .availableForOffers(true).upsert();
            voiceJob(router, "j1");

            router.offersFor("boss").first().decline();

            assertThat(router.getJob("j1").status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(router.getJob("j1").dispositionCode()).isEqualTo("RejectedBySupervisor");
        }
    }

    @Test
    void aCommandReturnsItsJobAsItsFollowUpsLeftIt() {
        try (JobRouter router = Fixtures.router(HEADER + """
                rule "a caller who hangs up is cancelled"
                when
                    UpdateJob($jobId : jobId, labels["hungUp"] == true)
                then
                    insert(new FollowUp(new CancelJob($jobId, "Abandoned", null)));
                end
                """)) {
            voiceJob(router, "j1");
            RouterJob returned = router.job("j1").label("hungUp", true).upsert();
            assertThat(returned.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(returned).isEqualTo(router.getJob("j1"));
        }
    }

    @Test
    void aRuleCanLetADeclinerRetryLater() {
        try (JobRouter router = Fixtures.router(HEADER + """
                rule "any decline may be retried after an hour"
                when
                    DeclineJobOffer()
                    Now($now : instant)
                then
                    insert(new RetryOfferAt($now.plusSeconds(3600)));
                end
                """)) {
            voiceWorker(router, "w1");
            voiceJob(router, "j1");

            router.offersFor("w1").first().decline();

            router.advanceBy(Duration.ofMinutes(59));
            assertThat(router.getWorker("w1").offers()).isEmpty();
            router.advanceBy(Duration.ofMinutes(1));
            assertThat(onlyOffer(router, "w1").jobId()).isEqualTo("j1");
        }
    }

    @Test
    void aFailedFollowUpOfATimedCommandIsUndoneWithEverythingItQueued() {
        try (JobRouter router = Fixtures.router(HEADER + """
                rule "deregistering cancels j2"
                when
                    DeregisterWorker()
                then
                    insert(new FollowUp(new CancelJob("j2", "Cleanup", null)));
                end

                rule "offers of j3 are never revoked"
                when
                    RevokeOffer(jobId == "j3")
                then
                    insert(new Refusal("j3 keeps its offers"));
                end
                """)) {
            router.queue("unstaffed").distributionPolicy("p1").upsert();
            router.job("j2").channel("voice").queue("unstaffed").upsert();
            router.worker("w1").capacity(20).channel("voice", 10).queues("q1").availableForOffers(true).upsert();
            voiceJob(router, "j1");
            router.advanceBy(Duration.ofSeconds(30));
            voiceJob(router, "j3");

            // j1's offer expires; the built-in follow-up deregisters w1, whose own follow-up would cancel j2,
            // but revoking j3's offer is refused: the deregistration and all it queued are undone.
            router.advanceBy(Duration.ofSeconds(30));

            assertThat(router.getJob("j2").status()).isEqualTo(JobStatus.QUEUED);
            assertThat(router.getWorker("w1").availableForOffers()).isTrue();
            assertThat(router.getJobOffers("j1")).extracting(o -> o.status().name()).startsWith("EXPIRED");
        }
    }

    @Test
    void aRuleInsertingALibraryTypeTheRouterDoesNotApplyIsRefusedNamingTheRule() {
        try (JobRouter router = Fixtures.router(HEADER + """
                rule "cancel instead of completing"
                when
                    CompleteJob($jobId : jobId)
                then
                    insert(new CancelJob($jobId, null, null));   // meant new FollowUp(new CancelJob(...))
                end
                """)) {
            voiceWorker(router, "w1");
            voiceJob(router, "j1");
            String assignmentId = router.acceptJobOffer("w1", onlyOffer(router, "w1").offerId()).assignmentId();
            Snapshot before = Snapshot.of(router);

            assertRefusedBy(() -> router.completeJob("j1", assignmentId), "cancel instead of completing",
                    ErrorCode.CONFLICT);
            assertThatThrownBy(() -> router.completeJob("j1", assignmentId))
                    .hasMessageContaining("inserted a CancelJob").hasMessageContaining("FollowUp");
            assertThat(Snapshot.of(router)).isEqualTo(before);
        }
    }

    @Test
    void aRulesOwnDeclaredTypesChainWithinADecisionAndGoWithIt() {
        try (JobRouter router = Fixtures.router(HEADER + """
                declare Urgent
                    jobId : String
                end

                rule "a job of priority 10 or more is urgent"
                when
                    CancelJob($jobId : jobId)
                    RouterJob(id == $jobId, priority >= 10)
                then
                    insert(new Urgent($jobId));
                end

                rule "urgent jobs are not cancelled"
                when
                    Urgent($jobId : jobId)
                then
                    insert(new Refusal("urgent job " + $jobId + " cannot be cancelled"));
                end
                """)) {
            router.job("urgent").channel("voice").queue("q1").priority(10).upsert();
            voiceJob(router, "calm");

            assertRefusedBy(() -> router.cancelJob("urgent"), "urgent jobs are not cancelled", ErrorCode.CONFLICT);
            // Had the Urgent fact stayed in the session, it would refuse this cancel too.
            assertThat(router.cancelJob("calm").status()).isEqualTo(JobStatus.CANCELLED);
        }
    }

    @Test
    void onlyACommandThatCanFollowUpCompilesInAFollowUp() {
        assertThatThrownBy(() -> JobRouter.builder().rules(HEADER + """
                rule "complete what expires"
                when
                    ExpireOffer($jobId : jobId)
                then
                    insert(new FollowUp(new DeleteJob($jobId)));
                end
                """).build())
                .isInstanceOfSatisfying(RouterException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RULES_INVALID));
    }

    @Test
    void drlThatDoesNotCompileFailsTheBuildNamingSourceAndLine() {
        assertThatThrownBy(() -> JobRouter.builder().rules("mine.drl", HEADER + """
                rule "broken"
                when
                    CancelJob(
                then
                end
                """).build()).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RULES_INVALID);
            assertThat(e.getMessage()).contains("mine.drl line ");
        });
    }

    @Test
    void drlUsingAnUnknownFactTypeFailsTheBuild() {
        assertThatThrownBy(() -> JobRouter.builder().rules(HEADER + """
                rule "typo"
                when
                    RouterJobb()
                then
                end
                """).build()).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RULES_INVALID);
            assertThat(e.getMessage()).contains("rules-1.drl", "RouterJobb");
        });
    }

    @Test
    void userDrlCannotTakeTheBuiltInPackage() {
        assertThatThrownBy(() -> JobRouter.builder().rules("package dev.jobrouter.rules;\n").build())
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RULES_INVALID);
                    assertThat(e.getMessage()).contains("reserved");
                });
    }

    @Test
    void rulesLoadFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("no-deletes.drl");
        Files.writeString(file, HEADER + """
                rule "jobs are kept"
                when
                    DeleteJob()
                then
                    insert(new Refusal("jobs are kept for audit"));
                end
                """);
        try (JobRouter router = JobRouter.builder().virtualClock(T0).rulesFrom(file).build()) {
            Fixtures.setUp(router);
            voiceJob(router, "j1");

            assertRefusedBy(() -> router.deleteJob("j1"), "jobs are kept", ErrorCode.CONFLICT);
        }
    }

    /**
     * DRL is read as UTF-8, from a file and from the classpath alike: bytes that are not UTF-8 are an
     * error naming the source and where, never replaced in silence (a literal would then never match).
     */
    @Test
    void ruleSourcesThatAreNotUtf8AreRefusedNamingWhere(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin-1.drl");
        try (var in = getClass().getResourceAsStream("/com/example/rules/latin-1.drl")) {
            Files.write(file, in.readAllBytes());
        }
        String where = "is not UTF-8 text (at byte offset 31): DRL is read as UTF-8, save it so";
        assertThatThrownBy(() -> JobRouter.builder().rulesFrom(file))
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RULES_INVALID);
                    assertThat(e.getMessage()).isEqualTo("rules file " + file + " " + where);
                });
        assertThatThrownBy(() -> JobRouter.builder().rulesFromClasspath("com/example/rules/latin-1.drl"))
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RULES_INVALID);
                    assertThat(e.getMessage()).isEqualTo("rules resource com/example/rules/latin-1.drl " + where);
                });
    }

    @Test
    void missingRuleSourcesAreReported(@TempDir Path dir) {
        assertThatThrownBy(() -> JobRouter.builder().rulesFrom(dir.resolve("nope.drl")))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RULES_INVALID));
        assertThatThrownBy(() -> JobRouter.builder().rulesFromClasspath("com/example/nope.drl"))
                .isInstanceOfSatisfying(RouterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RULES_INVALID);
                    assertThat(e.getMessage()).contains("com/example/nope.drl");
                });
    }
}
