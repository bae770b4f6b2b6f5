package dev.jobrouter.core.engine;

import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.rules.TransitionRules;
import java.time.Instant;
import java.time.InstantSource;
import dev.jobrouter.core.command.Command;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What every part of one command shares: state, clock, rules, timers, the events and matches it causes. */
final class Context {
    final RouterState state = new RouterState();
    final TimerQueue timers = new TimerQueue(state.undo);
    final InstantSource clock;
    final Decider decider;

    /** Events of the command in progress; published only if it commits. */
    final List<RouterEvent> events = new ArrayList<>();
    /** Commands the rules asked to run after the current one. */
    final Deque<Command> followUps = new ArrayDeque<>();
    /** Jobs and workers whose change may allow a new offer. */
    final Set<String> jobsToMatch = new LinkedHashSet<>();
    final Set<String> workersToMatch = new LinkedHashSet<>();

    private long nextOfferId = 1;
    private long nextAssignmentId = 1;

    Context(InstantSource clock, TransitionRules rules) {
        this.clock = clock;
        this.decider = new Decider(rules, clock, followUps);
    }

    Instant now() {
        return clock.instant();
    }

    void publish(RouterEvent event) {
        events.add(event);
    }

    String newOfferId() {
        return "offer-" + nextOfferId++;
    }

    String newAssignmentId() {
        return "assignment-" + nextAssignmentId++;
    }

    RouterJob job(String jobId) {
        RouterJob job = state.jobs.get(Ids.check("jobId", jobId));
        if (job == null) {
            throw RouterException.notFound("job " + jobId + " not found");
        }
        return job;
    }

    RouterWorker worker(String workerId) {
        RouterWorker worker = state.workers.get(Ids.check("workerId", workerId));
        if (worker == null) {
            throw RouterException.notFound("worker " + workerId + " not found");
        }
        return worker;
    }

    /** Forgets the command in progress after a rollback. */
    void discard() {
        events.clear();
        followUps.clear();
        jobsToMatch.clear();
        workersToMatch.clear();
    }
}
