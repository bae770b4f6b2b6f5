package dev.jobrouter.rules.internal;

import com.google.common.collect.ImmutableMap;
import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.rules.Decision;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Facts and helpers the rule tests share. */
final class TestFacts {
    static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    /** The start of a user DRL file: its own package and the router's fact types. */
    static final String HEADER = """
            package com.example.rules;
            import dev.jobrouter.core.command.*;
            import dev.jobrouter.core.model.*;
            import dev.jobrouter.core.rules.*;
            """;

    private TestFacts() {}

    /** @return job j1 (voice, q1, priority 1) in the given status, without labels */
    static RouterJob job(JobStatus status) {
        return new RouterJob("j1", "voice", "q1", 1, status, NOW, ImmutableMap.of(), ImmutableMap.of(),
                ImmutableMap.of(), List.of(), null);
    }

    /** @return job j1 in the given status, labelled with a team */
    static RouterJob job(JobStatus status, String team) {
        return new RouterJob("j1", "voice", "q1", 1, status, NOW, ImmutableMap.of("team", team), ImmutableMap.of(),
                ImmutableMap.of(), List.of(), null);
    }

    /** @return a decision without queue and policy, which the built-in rules do not read */
    static Decision decision(Command command, Instant now, RouterJob job, RouterWorker worker, RouterJobOffer offer) {
        return new Decision(command, now, job, worker, offer, null, null);
    }

    /** Waits for the latch; a task on the network builder's thread holds it to keep builds queued. */
    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
