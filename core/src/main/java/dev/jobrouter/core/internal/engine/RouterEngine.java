package dev.jobrouter.core.internal.engine;

import static java.util.Objects.requireNonNull;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.FollowUpCommand;
import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.command.TimedCommand;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.internal.matching.AvailableWorkers;
import dev.jobrouter.core.internal.matching.DistributionStrategies;
import dev.jobrouter.core.internal.matching.DistributionStrategy;
import dev.jobrouter.core.internal.routing.Classifier;
import dev.jobrouter.core.internal.routing.RuleEvaluator;
import dev.jobrouter.core.internal.routing.WorkerScorer;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.DistributionMode;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.ExceptionPolicy;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.Page;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterJobPositionDetails;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterQueueStatistics;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.rules.TransitionRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's pure core: it holds the jobs, workers, queues, policies, offers and timers, and
 * applies commands to them. It has no lock, no thread, no listener and no clock of its own: the host
 * passes each command's instant, and every event and timer of that command uses it. Same state, same
 * command, same instant and same rules give the same state, the same events and the same ids.
 *
 * <p>A command runs on one path: check its input, read what it touches, ask the rules, apply the
 * verdict, run the follow-ups the rules asked for, match what changed, schedule timers, commit. If
 * anything on that path throws, state, ids and timers are exactly what they were before. The one
 * exception is a {@link TimedCommand}: its timer is consumed even when it fails, since time passes.
 *
 * <p>Not thread-safe: a host (such as {@code LocalHost}, behind {@code JobRouter}) calls it one command
 * at a time. Most users reach it through {@code dev.jobrouter.JobRouter}.
 */
public final class RouterEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RouterEngine.class);
    /** The most follow-ups one command may cause, so rules cannot loop the engine. */
    private static final int MAX_FOLLOW_UPS = 1_000;
    /** The generator's seed when none is given. */
    public static final long DEFAULT_SEED = 0x5EED;

    private final TransitionRules rules;
    private final RouterState state;
    private final Handlers handlers = new Handlers();
    private final Transaction tx;
    /** Where the counters stood before the command, and before the follow-up, in progress. */
    private final Sequences.Checkpoint beforeCommand = new Sequences.Checkpoint();
    private final Sequences.Checkpoint beforeFollowUp = new Sequences.Checkpoint();
    private final Matcher matcher;
    private final Exceptions exceptions;
    private boolean executing;

    /** @param rules decides every transition; closed with the engine */
    public RouterEngine(TransitionRules rules) {
        this(rules, RuleEvaluator.basic(), DEFAULT_SEED);
    }

    /**
     * @param rules decides every transition; closed with the engine
     * @param routerRules evaluates the router rules of classification and distribution policies
     * @param seed the start of the generator weighted allocations draw from
     */
    public RouterEngine(TransitionRules rules, RuleEvaluator routerRules, long seed) {
        this(rules, routerRules, seed, DistributionStrategies::standard);
    }

    /** Builds the strategies of the distribution modes from the engine's indexes. */
    @FunctionalInterface
    interface StrategyFactory {
        Map<DistributionMode, DistributionStrategy> create(AvailableWorkers workers,
                Function<String, RouterWorker> lookup, WorkerScorer scorer, Function<String, String> roundRobinCursor);
    }

    /**
     * @param strategies the distribution strategy of each mode, over the engine's indexes
     * @throws IllegalStateException when a command or a distribution mode has no handler
     */
    RouterEngine(TransitionRules rules, RuleEvaluator routerRules, long seed, StrategyFactory strategies) {
        this.rules = requireNonNull(rules, "rules");
        requireNonNull(routerRules, "routerRules");
        this.state = new RouterState(seed);
        this.tx = new Transaction(state.sequences);
        Decider decider = new Decider(rules, state);
        OfferLifecycle offers = new OfferLifecycle(state, decider);
        Classification classification = new Classification(state, decider, offers, new Classifier(routerRules));
        Scheduling scheduling = new Scheduling(state, decider, offers, classification);
        this.exceptions = new Exceptions(state, decider, offers, classification);
        for (Handlers.Family family : List.of(offers, classification, scheduling, exceptions,
                new JobLifecycle(state, decider, offers, classification, scheduling, exceptions),
                new WorkerLifecycle(state, decider, offers),
                new Topology(state, decider, routerRules), new Preconditions(state))) {
            family.register(handlers);
        }
        handlers.requireEvery(RouterCommand.class);
        this.matcher = new Matcher(state, decider, offers, strategies.create(state.availableWorkers, state.workers::get,
                new WorkerScorer(routerRules), state.roundRobinCursors::get));
    }

    /**
     * @return an engine holding what the snapshot holds, which executes every command as the engine
     *     it was taken from would: the journal restores an engine from its latest snapshot rather
     *     than replaying every command since the start
     * @param rules the rules, as for a new engine
     * @param routerRules the evaluator of routing rules, as for a new engine
     * @param snapshot what an engine's {@link #snapshot()} returned
     */
    public static RouterEngine restored(TransitionRules rules, RuleEvaluator routerRules, EngineSnapshot snapshot) {
        requireNonNull(snapshot, "snapshot");
        RouterEngine engine = new RouterEngine(rules, routerRules, DEFAULT_SEED);
        engine.state.load(snapshot);
        return engine;
    }

    /**
     * Executes a command at an instant: the one entry point for every change.
     *
     * @param command what to do
     * @param at the command's instant; every event and timer it causes uses it. A host passes the
     *     clock's reading, or a timer's due instant
     * @return what the command returns, and the events it published
     * @throws RouterException when the input is malformed (INVALID_ARGUMENT), names what does not
     *     exist (NOT_FOUND) or a rule refuses (CONFLICT); nothing changed
     * @throws IllegalStateException when called again from within a command
     */
    public <R> Outcome<R> execute(RouterCommand<R> command, Instant at) {
        return execute(command, at, BeforeCommit.NONE);
    }

    /** Told of a command's outcome before it commits; what it throws undoes the command. */
    @FunctionalInterface
    public interface BeforeCommit {
        /** Lets every command commit. */
        BeforeCommit NONE = (command, at, events) -> { };

        /**
         * @param command the command, decided and applied but not yet committed
         * @param at its instant
         * @param events what it published
         */
        void beforeCommit(RouterCommand<?> command, Instant at, List<RouterEvent> events);
    }

    /**
     * Executes a command at an instant, as {@link #execute(RouterCommand, Instant)}, and hands its
     * outcome to {@code gate} before committing it: a journal writes it there, and a write that fails
     * fails the command with nothing changed.
     *
     * @throws RuntimeException what the gate throws; the command is undone
     */
    public <R> Outcome<R> execute(RouterCommand<R> command, Instant at, BeforeCommit gate) {
        Ids.present("command", command);
        requireNonNull(gate, "gate");
        if (at == null) {
            throw RouterException.invalid("the instant of " + command + " must not be null");
        }
        if (executing) {
            throw new IllegalStateException("the engine is executing a command already; it runs one at a time");
        }
        executing = true;
        try {
            if (command instanceof TimedCommand timed) {
                // Consumed whatever follows: a timed command that fails is dropped, not retried forever.
                state.timers.cancel(timed);
                state.undo.commit();
            }
            state.sequences.save(beforeCommand);
            tx.begin(at);
            try {
                R value = handlers.run(command, tx);
                boolean timed = command instanceof TimedCommand;
                runFollowUps(tx, timed);
                while (exceptions.run(tx)) {
                    runFollowUps(tx, timed);   // a cancel action is a follow-up
                }
                matcher.run(tx);
                value = asStoredNow(value);
                List<RouterEvent> events = List.copyOf(tx.events());
                gate.beforeCommit(command, at, events);
                state.undo.commit();
                return new Outcome<>(value, events);
            } catch (RuntimeException | Error e) {
                state.undo.rollback();
                state.sequences.reset(beforeCommand);
                throw e;
            }
        } finally {
            executing = false;
        }
    }

    /**
     * @return the job or worker a command returns as the whole command left it: follow-ups (a cancel a
     *     rule asked for) and exception actions run after the handler returned; one they deleted is
     *     returned as the handler left it
     */
    @SuppressWarnings("unchecked")
    private <R> R asStoredNow(R value) {
        Object now = value instanceof RouterJob job ? state.jobs.get(job.id())
                : value instanceof RouterWorker worker ? state.workers.get(worker.id()) : null;
        return now == null ? value : (R) now;
    }

    /**
     * Runs the follow-ups the rules asked for, and theirs in turn. A failing follow-up of a caller's
     * command fails the command; of a timed command, it is undone and skipped, since time passes
     * whatever the rules say.
     */
    private void runFollowUps(Transaction tx, boolean timed) {
        int count = 0;
        FollowUpCommand<?> followUp;
        while ((followUp = tx.followUps.poll()) != null) {
            if (++count > MAX_FOLLOW_UPS) {
                throw new RouterException(ErrorCode.CONFLICT, "rules asked for more than " + MAX_FOLLOW_UPS
                        + " follow-ups in one command; last: " + followUp, null, null);
            }
            int undoMark = state.undo.mark();
            int eventMark = tx.eventMark();
            int followUpMark = tx.followUps.size();
            state.sequences.save(beforeFollowUp);
            try {
                handlers.run(followUp, tx);
            } catch (RouterException e) {
                if (!timed) {
                    throw e;
                }
                state.undo.rollbackTo(undoMark);
                state.sequences.reset(beforeFollowUp);
                tx.dropEventsFrom(eventMark);
                while (tx.followUps.size() > followUpMark) {
                    tx.followUps.pollLast();
                }
                log.warn("follow-up {} of a timed command was skipped: {}", followUp, e.getMessage());
            }
        }
    }

    // ---- timers --------------------------------------------------------------------------------------

    /**
     * @return the earliest pending timed command (offer expiry, delayed release, retry time), for the
     *     host to execute at its {@link TimedCommand#dueAt()}; or {@code null} when none is pending
     */
    public TimedCommand nextTimer() {
        return state.timers.first();
    }

    /** @return when the earliest pending timer is due, or {@code null} when none is */
    public Instant nextTimerAt() {
        TimedCommand next = state.timers.first();
        return next == null ? null : next.dueAt();
    }

    // ---- reads ---------------------------------------------------------------------------------------

    /** @throws RouterException NOT_FOUND for an unknown job, INVALID_ARGUMENT for a null or blank id */
    public RouterJob getJob(String jobId) {
        return state.job(jobId);
    }

    /** @throws RouterException NOT_FOUND for an unknown worker, INVALID_ARGUMENT for a null or blank id */
    public RouterWorker getWorker(String workerId) {
        return state.worker(workerId);
    }

    /** @throws RouterException NOT_FOUND for an unknown queue, INVALID_ARGUMENT for a null or blank id */
    public RouterQueue getQueue(String queueId) {
        return state.queue(queueId);
    }

    /** @throws RouterException NOT_FOUND for an unknown policy, INVALID_ARGUMENT for a null or blank id */
    public DistributionPolicy getDistributionPolicy(String policyId) {
        return state.policy(policyId);
    }

    /**
     * @param now the instant the waits are measured to
     * @return the queue's length, longest wait and estimated wait per priority
     * @throws RouterException NOT_FOUND for an unknown queue
     */
    public RouterQueueStatistics getQueueStatistics(String queueId, Instant now) {
        String id = state.queue(queueId).id();
        int length = state.queuedJobs.length(id);
        Map<Integer, Duration> estimates = new LinkedHashMap<>();
        int atOrAbove = 0;
        for (Map.Entry<Integer, Integer> priority : state.queuedJobs.countPerPriority(id).entrySet()) {
            atOrAbove += priority.getValue();
            estimates.put(priority.getKey(), Duration.ofMinutes(atOrAbove));
        }
        Instant earliest = state.queuedJobs.earliestEnqueuedAt(id);
        double longest = earliest == null ? 0 : Math.max(0, Duration.between(earliest, now).toMillis() / 60_000.0);
        return new RouterQueueStatistics(id, length, estimates, longest);
    }

    /**
     * @return where the job stands in its queue
     * @throws RouterException NOT_FOUND for an unknown job, and for one that is not QUEUED (it has no position)
     */
    public RouterJobPositionDetails getQueuePosition(String jobId) {
        RouterJob job = state.job(jobId);
        int position = state.queuedJobs.positionOf(job, state.arrivals.get(job.id()));
        if (position == 0) {
            throw RouterException.notFound("job " + job.id() + " is " + job.status()
                    + ", not QUEUED, so it has no queue position");
        }
        return new RouterJobPositionDetails(job.id(), position, job.queueId(), state.queuedJobs.length(job.queueId()),
                position - 1);
    }

    /** @return every offer the job has had, open or ended, in issue order */
    public List<RouterJobOffer> getJobOffers(String jobId) {
        return List.copyOf(state.offersOf(state.job(jobId).id()));
    }

    /** @return per job status, how many jobs have it; a status no job has is absent */
    public Map<JobStatus, Integer> countJobsByStatus() {
        return state.jobIndex.countsByStatus();
    }

    /** @return every job, ordered by id */
    public List<RouterJob> listJobs() {
        return sortedBy(state.jobs.values(), RouterJob::id);
    }

    /**
     * @param filter which jobs to keep
     * @param after the id the page starts after, or {@code null} for the first page
     * @param pageSize the most jobs in the page, 1 or more
     * @return the page of jobs the filter keeps, in id order; walks only the jobs of the status or
     *     queue the filter names, from {@code after}
     */
    public Page<RouterJob> listJobs(JobFilter filter, String after, int pageSize) {
        requireNonNull(filter, "filter");
        return page(state.jobIndex.candidates(filter), after, pageSize, state.jobs::get, filter::keeps);
    }

    /** As {@link #listJobs(JobFilter, String, int)}, for workers; walks the workers in id order from {@code after}. */
    public Page<RouterWorker> listWorkers(WorkerFilter filter, String after, int pageSize) {
        requireNonNull(filter, "filter");
        return page(state.workerIds, after, pageSize, state.workers::get, filter::keeps);
    }

    private static <T> Page<T> page(NavigableSet<String> ids, String after, int pageSize, Function<String, T> lookup,
            Predicate<T> keeps) {
        if (pageSize < 1) {
            throw RouterException.invalid("pageSize must be 1 or more, not " + pageSize);
        }
        List<T> items = new ArrayList<>(Math.min(pageSize, 1_024));
        String last = null;
        for (String id : after == null ? ids : ids.tailSet(after, false)) {
            T item = lookup.apply(id);
            if (!keeps.test(item)) {
                continue;
            }
            if (items.size() == pageSize) {
                return new Page<>(items, last);
            }
            items.add(item);
            last = id;
        }
        return new Page<>(items, null);
    }

    /** @return every worker, ordered by id */
    public List<RouterWorker> listWorkers() {
        return sortedBy(state.workers.values(), RouterWorker::id);
    }

    /** @return every queue, ordered by id */
    public List<RouterQueue> listQueues() {
        return sortedBy(state.queues.values(), RouterQueue::id);
    }

    /** @throws RouterException NOT_FOUND for an unknown policy, INVALID_ARGUMENT for a null or blank id */
    public ClassificationPolicy getClassificationPolicy(String policyId) {
        return state.classificationPolicy(policyId);
    }

    /** @return every classification policy, ordered by id */
    public List<ClassificationPolicy> listClassificationPolicies() {
        return sortedBy(state.classificationPolicies.values(), ClassificationPolicy::id);
    }

    /** @throws RouterException NOT_FOUND for an unknown policy, INVALID_ARGUMENT for a null or blank id */
    public ExceptionPolicy getExceptionPolicy(String policyId) {
        return state.exceptionPolicy(policyId);
    }

    /** @return every exception policy, ordered by id */
    public List<ExceptionPolicy> listExceptionPolicies() {
        return sortedBy(state.exceptionPolicies.values(), ExceptionPolicy::id);
    }

    /** @return every distribution policy, ordered by id */
    public List<DistributionPolicy> listDistributionPolicies() {
        return sortedBy(state.policies.values(), DistributionPolicy::id);
    }

    /** @return everything the engine holds, as values; see {@link EngineSnapshot} */
    public EngineSnapshot snapshot() {
        Map<String, Map<String, Instant>> declines = new TreeMap<>();
        for (RouterWorker worker : state.workers.values()) {
            Map<String, Instant> declined = state.declines.get(worker.id());
            if (declined != null) {
                declines.put(worker.id(), Collections.unmodifiableMap(new TreeMap<>(declined)));
            }
        }
        Map<String, Long> arrivals = new TreeMap<>();
        for (RouterJob job : state.jobs.values()) {
            arrivals.put(job.id(), state.arrivals.get(job.id()));
        }
        return new EngineSnapshot(listDistributionPolicies(), listQueues(), listJobs(), listWorkers(),
                sortedBy(state.offers.values(), RouterJobOffer::offerId), Collections.unmodifiableMap(declines),
                Collections.unmodifiableMap(arrivals),
                state.timers.pending().stream().map(TimerQueue.Timer::command).toList(), state.sequences.counters(),
                listClassificationPolicies(), Collections.unmodifiableMap(new TreeMap<>(state.roundRobinCursors.asMap())),
                Collections.unmodifiableMap(new TreeMap<>(state.requestedQueues.asMap())), listExceptionPolicies(),
                Collections.unmodifiableMap(new TreeMap<>(state.queueEntries.asMap())));
    }

    /** @return the queue-and-channel sets the matching indexes hold; for tests of memory under steady load */
    int indexedQueueChannels() {
        return state.waitingJobs.setCount() + state.availableWorkers.setCount();
    }

    /** Releases the rules. */
    @Override
    public void close() {
        rules.close();
    }

    private static <T> List<T> sortedBy(Collection<T> values, Function<T, String> id) {
        List<T> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparing(id));
        return List.copyOf(sorted);
    }
}
