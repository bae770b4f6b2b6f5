package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.command.FollowUpCommand;
import dev.jobrouter.core.event.RouterEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One command in progress: its instant, the events it has published, the follow-ups the rules asked
 * for and the jobs and workers whose change may allow a new offer. The engine keeps one and starts it
 * afresh for each command ({@link #begin}), so nothing of a command, failed or not, reaches the next;
 * reusing it spares every command four collections.
 */
final class Transaction {
    private final Sequences sequences;
    private final List<RouterEvent> events = new ArrayList<>();
    /** Commands the rules asked to run after the current one. */
    final Deque<FollowUpCommand<?>> followUps = new ArrayDeque<>();
    /** Jobs and workers whose change may allow a new offer. */
    final Set<String> jobsToMatch = new LinkedHashSet<>();
    final Set<String> workersToMatch = new LinkedHashSet<>();
    /** Jobs that entered a queue (created, moved, unassigned, queued from a hold), for the exception policies. */
    final Set<String> jobsEntered = new LinkedHashSet<>();
    /** Exception rules fired in this command, as job id and rule id: each fires at most once per command. */
    private final Set<List<String>> exceptionsFired = new HashSet<>();
    private Instant now;

    Transaction(Sequences sequences) {
        this.sequences = sequences;
    }

    /** Starts the next command, at its instant, with nothing of the last one. */
    Transaction begin(Instant instant) {
        now = instant;
        events.clear();
        followUps.clear();
        jobsToMatch.clear();
        workersToMatch.clear();
        jobsEntered.clear();
        exceptionsFired.clear();
        return this;
    }

    /** @return the command's instant, the same for everything it does */
    Instant now() {
        return now;
    }

    /** @return the number for the next event; pass it to the event and publish that event next */
    long sequence() {
        return sequences.nextEvent();
    }

    void publish(RouterEvent event) {
        events.add(event);
    }

    void exceptionFired(String jobId, String ruleId) {
        exceptionsFired.add(List.of(jobId, ruleId));
    }

    /** @return whether the exception rule fired for the job in this command; allocates nothing when none did */
    boolean firedInThisCommand(String jobId, String ruleId) {
        return !exceptionsFired.isEmpty() && exceptionsFired.contains(List.of(jobId, ruleId));
    }

    /** Marks the job as having entered its queue now: a new entry for its exception policy. */
    void entered(String jobId) {
        jobsEntered.add(jobId);
    }

    List<RouterEvent> events() {
        return events;
    }

    /** @return how many events were published so far, to drop those after it with {@link #dropEventsFrom(int)} */
    int eventMark() {
        return events.size();
    }

    void dropEventsFrom(int mark) {
        events.subList(mark, events.size()).clear();
    }
}
