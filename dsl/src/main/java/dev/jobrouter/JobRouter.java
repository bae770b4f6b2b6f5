package dev.jobrouter;

import static java.util.Objects.requireNonNull;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.AcceptJobOffer;
import dev.jobrouter.core.command.CancelJob;
import dev.jobrouter.core.command.CloseJob;
import dev.jobrouter.core.command.CompleteJob;
import dev.jobrouter.core.command.DeclineJobOffer;
import dev.jobrouter.core.command.DeleteClassificationPolicy;
import dev.jobrouter.core.command.DeleteDistributionPolicy;
import dev.jobrouter.core.command.DeleteExceptionPolicy;
import dev.jobrouter.core.command.DeleteJob;
import dev.jobrouter.core.command.DeleteQueue;
import dev.jobrouter.core.command.DeleteWorker;
import dev.jobrouter.core.command.ReclassifyJob;
import dev.jobrouter.core.command.UnassignJob;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.host.CommandObserver;
import dev.jobrouter.core.host.Subscription;
import dev.jobrouter.core.internal.engine.EngineSnapshot;
import dev.jobrouter.core.internal.engine.JobFilter;
import dev.jobrouter.core.internal.engine.RouterEngine;
import dev.jobrouter.core.internal.engine.WorkerFilter;
import dev.jobrouter.core.internal.host.ExecutionLog;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.internal.routing.RuleEvaluator;
import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.ClassificationPolicy;
import dev.jobrouter.core.model.DistributionPolicy;
import dev.jobrouter.core.model.ExceptionPolicy;
import dev.jobrouter.core.model.FunctionRouterRule;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobOffer;
import dev.jobrouter.core.model.RouterJobPositionDetails;
import dev.jobrouter.core.model.RouterJobStatusSelector;
import dev.jobrouter.core.model.RouterQueue;
import dev.jobrouter.core.model.RouterQueueStatistics;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerStateSelector;
import dev.jobrouter.core.model.RuleFunction;
import dev.jobrouter.core.model.UnassignJobResult;
import dev.jobrouter.core.rules.TransitionRules;
import dev.jobrouter.core.time.RouterTime;
import dev.jobrouter.core.time.VirtualClock;
import dev.jobrouter.journal.DirectoryFiles;
import dev.jobrouter.journal.JournalFiles;
import dev.jobrouter.journal.internal.Journal;
import dev.jobrouter.rules.internal.DrlSource;
import dev.jobrouter.rules.internal.MvelExpressions;
import dev.jobrouter.rules.internal.RuleBase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An embedded job router: it holds jobs, workers, queues and offers, and routes each job to a fitting
 * worker by offering it; the worker accepts or declines, then completes and closes the job. Every
 * transition is decided by Drools rules: the built-in ones, and any you add with
 * {@link Builder#rules(String)}.
 *
 * <pre>{@code
 * try (JobRouter router = JobRouter.builder().virtualClock(Instant.parse("2026-01-01T09:00:00Z")).build()) {
 *     router.distributionPolicy("p1").offerExpiresAfter(Duration.ofMinutes(1)).longestIdle().upsert();
 *     router.queue("q1").distributionPolicy("p1").upsert();
 *     router.worker("w1").capacity(10).channel("voice", 10).queues("q1").availableForOffers(true).upsert();
 *     router.job("j1").channel("voice").queue("q1").priority(1).upsert();
 *
 *     RouterJobOffer offer = router.getWorker("w1").offers().get(0);
 *     AcceptJobOfferResult accepted = router.acceptJobOffer("w1", offer.offerId());
 *     router.completeJob("j1", accepted.assignmentId());
 *     router.closeJob("j1", accepted.assignmentId(), "resolved", router.now().plus(Duration.ofDays(1)));
 *     router.advanceBy(Duration.ofDays(1));   // the capacity is released now
 * }
 * }</pre>
 *
 * <p>Names follow the Java SDK of the Azure Communication Services job router, so code ports over
 * almost line for line. Every refused call is a {@link RouterException} whose {@code code()} says what kind
 * it is; a call that throws changes nothing. A null argument where a value is needed is INVALID_ARGUMENT
 * naming the parameter. The router is safe to use from many threads. After {@link #close()}, every
 * call but {@code close()} throws IllegalStateException.
 */
public final class JobRouter implements AutoCloseable {
    private final LocalHost host;
    private final TransitionRules rules;
    /** The journal the router writes to, or {@code null} for one in memory only. */
    private final Journal journal;

    JobRouter(LocalHost host, TransitionRules rules, Journal journal) {
        this.host = host;
        this.rules = rules;
        this.journal = journal;
    }

    /** @return a router on the system clock with the built-in rules */
    public static JobRouter inMemory() {
        return builder().build();
    }

    /** @return a builder for a router with a virtual clock, extra rules or other settings */
    public static Builder builder() {
        return new Builder();
    }

    // ---- definitions ---------------------------------------------------------------------------------

    /**
     * Starts defining (or changing) a distribution policy:
     * {@code router.distributionPolicy("p1").offerExpiresAfter(ofMinutes(1)).longestIdle().upsert()}.
     *
     * @param id the id
     * @return a definition to fill in and upsert; nothing changes until then
     */
    public DistributionPolicyDefinition distributionPolicy(String id) {
        return new DistributionPolicyDefinition(host, id);
    }

    /**
     * Starts defining (or changing) a queue: {@code router.queue("q1").distributionPolicy("p1").upsert()}.
     *
     * @param id the id
     * @return a definition to fill in and upsert; nothing changes until then
     */
    public QueueDefinition queue(String id) {
        return new QueueDefinition(host, id);
    }

    /**
     * Starts defining (or changing) a worker:
     * {@code router.worker("w1").capacity(10).channel("voice", 10).queues("q1").availableForOffers(true).upsert()}.
     *
     * @param id the id
     * @return a definition to fill in and upsert; nothing changes until then
     */
    public WorkerDefinition worker(String id) {
        return new WorkerDefinition(host, id);
    }

    /**
     * @param policyId the policy's id
     * @return a definition of the exception policy with this id, to create or change it
     */
    public ExceptionPolicyDefinition exceptionPolicy(String policyId) {
        return new ExceptionPolicyDefinition(host, policyId);
    }

    /**
     * @param policyId the policy's id
     * @return the exception policy, as it is now
     * @throws RouterException NOT_FOUND for an unknown policy, INVALID_ARGUMENT for a null or blank id
     */
    public ExceptionPolicy getExceptionPolicy(String policyId) {
        return host.read(engine -> engine.getExceptionPolicy(policyId));
    }

    /** @return every exception policy, ordered by id */
    public List<ExceptionPolicy> listExceptionPolicies() {
        return host.read(RouterEngine::listExceptionPolicies);
    }

    /**
     * Starts defining (or changing) a classification policy:
     * {@code router.classificationPolicy("cp").fallbackQueue("q1").prioritizationRule(rule).upsert()}.
     *
     * @param id the id
     * @return a definition to fill in and upsert; nothing changes until then
     */
    public ClassificationPolicyDefinition classificationPolicy(String id) {
        return new ClassificationPolicyDefinition(host, id);
    }

    /**
     * Starts defining (or changing) a job: {@code router.job("j1").channel("voice").queue("q1").upsert()}.
     *
     * @param id the id
     * @return a definition to fill in and upsert; nothing changes until then
     */
    public JobDefinition job(String id) {
        return new JobDefinition(host, id);
    }

    // ---- reads ---------------------------------------------------------------------------------------

    /**
     * @param jobId the job's id
     * @return the job, as it is now
     * @throws RouterException NOT_FOUND for an unknown job, INVALID_ARGUMENT for a null or blank id
     */
    public RouterJob getJob(String jobId) {
        return host.read(engine -> engine.getJob(jobId));
    }

    /**
     * @param queueId the queue's id
     * @return the queue's QUEUED jobs, how long the longest has waited, and an estimated wait per
     *     priority present (one minute per job at that priority or above); answered from an index, so it
     *     costs the same for a million queued jobs as for a thousand
     * @throws RouterException NOT_FOUND for an unknown queue
     */
    public RouterQueueStatistics getQueueStatistics(String queueId) {
        return host.read(engine -> engine.getQueueStatistics(queueId, host.now()));
    }

    /**
     * @param jobId the job's id
     * @return the job's 1-based position in its queue (priority descending, expedited first, enqueue
     *     time, arrival), the queue's length and an estimated wait; O(log n) in the queue's jobs
     * @throws RouterException NOT_FOUND for an unknown job, and for one that is not QUEUED
     */
    public RouterJobPositionDetails getQueuePosition(String jobId) {
        return host.read(engine -> engine.getQueuePosition(jobId));
    }

    /**
     * @param workerId the worker's id
     * @return the worker, as it is now
     * @throws RouterException NOT_FOUND for an unknown worker, INVALID_ARGUMENT for a null or blank id
     */
    public RouterWorker getWorker(String workerId) {
        return host.read(engine -> engine.getWorker(workerId));
    }

    /**
     * @param queueId the queue's id
     * @return the queue, as it is now
     * @throws RouterException NOT_FOUND for an unknown queue
     */
    public RouterQueue getQueue(String queueId) {
        return host.read(engine -> engine.getQueue(queueId));
    }

    /**
     * @param policyId the policy's id
     * @return the distribution policy, as it is now
     * @throws RouterException NOT_FOUND for an unknown policy
     */
    public DistributionPolicy getDistributionPolicy(String policyId) {
        return host.read(engine -> engine.getDistributionPolicy(policyId));
    }

    /**
     * @param jobId the job's id
     * @return every offer the job has had, open or ended, oldest first
     */
    public List<RouterJobOffer> getJobOffers(String jobId) {
        return host.read(engine -> engine.getJobOffers(jobId));
    }

    /** @return every job, ordered by id */
    public List<RouterJob> listJobs() {
        return host.read(RouterEngine::listJobs);
    }

    /** @return every worker, ordered by id */
    public List<RouterWorker> listWorkers() {
        return host.read(RouterEngine::listWorkers);
    }

    /**
     * The SDK's filtered list, in one piece; for a long list, page with {@link #jobs()}. A null filter
     * does not filter; a null status means ALL; ACTIVE is every status but CLOSED and CANCELLED; the
     * scheduled bounds are inclusive and keep only jobs with a {@code scheduledAt}.
     *
     * @param status the status
     * @param queueId the queue's id
     * @param channelId the channel's id
     * @param classificationPolicyId the classification policy's id
     * @param scheduledBefore keep jobs scheduled before this instant, or null
     * @param scheduledAfter keep jobs scheduled after this instant, or null
     * @return the jobs the filters keep, ordered by id
     */
    public List<RouterJob> listJobs(RouterJobStatusSelector status, String queueId, String channelId,
            String classificationPolicyId, Instant scheduledBefore, Instant scheduledAfter) {
        JobFilter filter = new JobFilter(status, queueId, channelId, classificationPolicyId, scheduledBefore,
                scheduledAfter);
        return host.read(engine -> engine.listJobs(filter, null, Integer.MAX_VALUE).items());
    }

    /**
     * The SDK's filtered list, in one piece; for a long list, page with {@link #workers()}.
     *
     * @param hasCapacity {@code true} keeps workers with room for one more job on {@code channelId}, or on
     *     any channel when it is null; {@code false} the others; {@code null} does not filter
     * @param state the state
     * @param channelId the channel's id
     * @param queueId the queue's id
     * @return the workers the filters keep, ordered by id
     */
    public List<RouterWorker> listWorkers(RouterWorkerStateSelector state, String channelId, String queueId,
            Boolean hasCapacity) {
        WorkerFilter filter = new WorkerFilter(state, channelId, queueId, hasCapacity);
        return host.read(engine -> engine.listWorkers(filter, null, Integer.MAX_VALUE).items());
    }

    /** @return a query for a page of jobs: {@code router.jobs().status(..).queue(..).pageSize(100).after(lastId).list()} */
    public JobQuery jobs() {
        return new JobQuery(host);
    }

    /** @return a query for a page of workers: {@code router.workers().state(..).queue(..).pageSize(100).list()} */
    public WorkerQuery workers() {
        return new WorkerQuery(host);
    }

    /** @return every queue, ordered by id */
    public List<RouterQueue> listQueues() {
        return host.read(RouterEngine::listQueues);
    }

    /**
     * @param policyId the policy's id
     * @return the classification policy, as it is now
     * @throws RouterException NOT_FOUND for an unknown policy, INVALID_ARGUMENT for a null or blank id
     */
    public ClassificationPolicy getClassificationPolicy(String policyId) {
        return host.read(engine -> engine.getClassificationPolicy(policyId));
    }

    /** @return every classification policy, ordered by id */
    public List<ClassificationPolicy> listClassificationPolicies() {
        return host.read(RouterEngine::listClassificationPolicies);
    }

    /** @return every distribution policy, ordered by id */
    public List<DistributionPolicy> listDistributionPolicies() {
        return host.read(RouterEngine::listDistributionPolicies);
    }

    // ---- offers --------------------------------------------------------------------------------------

    /**
     * The worker's open offers, for the fluent flow:
     * {@code router.offersFor("w1").first().accept().complete().close("resolved")}.
     *
     * @param workerId the worker's id
     * @return the worker's open offers, to answer one by one
     * @throws RouterException NOT_FOUND for an unknown worker
     */
    public WorkerOffers offersFor(String workerId) {
        return new WorkerOffers(this, getWorker(workerId));
    }

    /**
     * Accepts an open offer: the job becomes ASSIGNED to the worker and its other offers are revoked.
     *
     * @param workerId the worker's id
     * @param offerId the offer's id
     * @return the new assignment's id, with the job and worker
     * @throws RouterException NOT_FOUND when the worker has no such offer; CONFLICT when the offer is no
     *     longer open (expired, declined, revoked) or the job was assigned to another worker
     */
    public AcceptJobOfferResult acceptJobOffer(String workerId, String offerId) {
        return host.execute(new AcceptJobOffer(workerId, offerId));
    }

    /**
     * Declines an open offer; the job is offered to the next fitting worker, never again to this one
     * until it registers again.
     *
     * @param workerId the worker's id
     * @param offerId the offer's id
     * @throws RouterException NOT_FOUND when the worker has no such offer; CONFLICT when it is not open
     */
    public void declineJobOffer(String workerId, String offerId) {
        host.execute(new DeclineJobOffer(workerId, offerId, null));
    }

    /**
     * Declines an open offer; the worker may be offered the job again from {@code retryOfferAt}.
     *
     * @param workerId the worker's id
     * @param offerId the offer's id
     * @param retryOfferAt from when the job may be offered to the worker again
     * @throws RouterException NOT_FOUND when the worker has no such offer; CONFLICT when it is not open
     */
    public void declineJobOffer(String workerId, String offerId, Instant retryOfferAt) {
        host.execute(new DeclineJobOffer(workerId, offerId, Arguments.required("retryOfferAt", retryOfferAt)));
    }

    // ---- job lifecycle -------------------------------------------------------------------------------

    /**
     * Completes an assigned job; the worker keeps the capacity until the job is closed (wrap-up).
     *
     * @param jobId the job's id
     * @param assignmentId the assignment's id
     * @return the job as the command left it
     * @throws RouterException NOT_FOUND for an unknown job or assignment; CONFLICT unless ASSIGNED
     */
    public RouterJob completeJob(String jobId, String assignmentId) {
        return host.execute(new CompleteJob(jobId, assignmentId, null));
    }

    /**
     * Hands an assigned job back: the worker's capacity is released and the job is QUEUED again, from
     * now, and matched (its worker is eligible too). A job can be unassigned three times; a fourth is
     * refused with CONFLICT by the rule "a job is unassigned at most three times".
     *
     * @param jobId the job's id
     * @param assignmentId the assignment's id
     * @return the job's id and how often it has been unassigned, this time included
     * @throws RouterException NOT_FOUND for an unknown job or assignment, CONFLICT for a job that is not ASSIGNED
     */
    public UnassignJobResult unassignJob(String jobId, String assignmentId) {
        return host.execute(new UnassignJob(jobId, assignmentId, false));
    }

    /**
     * As {@link #unassignJob(String, String)}; with {@code suspendMatching} the job is not queued but
     * waits for activation ({@code SuspendMode}) until it is switched to {@code QueueAndMatchMode}.
     *
     * @param jobId the job's id
     * @param assignmentId the assignment's id
     * @param suspendMatching whether matching waits
     * @return the job and how often it has been unassigned
     */
    public UnassignJobResult unassignJob(String jobId, String assignmentId, boolean suspendMatching) {
        return host.execute(new UnassignJob(jobId, assignmentId, suspendMatching));
    }

    /**
     * As {@link #completeJob(String, String)}, adding a note to the job.
     *
     * @param jobId the job's id
     * @param assignmentId the assignment's id
     * @param note a note recorded on the job
     * @return the job as the command left it
     */
    public RouterJob completeJob(String jobId, String assignmentId, String note) {
        return host.execute(new CompleteJob(jobId, assignmentId, note));
    }

    /**
     * Closes a completed job (an assigned one is completed first) and releases the capacity now.
     *
     * @param jobId the job's id
     * @param assignmentId the assignment's id
     * @return the job as the command left it
     * @throws RouterException NOT_FOUND for an unknown job or assignment; CONFLICT unless ASSIGNED or
     *     COMPLETED without a pending close
     */
    public RouterJob closeJob(String jobId, String assignmentId) {
        return host.execute(new CloseJob(jobId, assignmentId, null, null, null));
    }

    /**
     * As {@link #closeJob(String, String)}, recording the outcome.
     *
     * @param jobId the job's id
     * @param assignmentId the assignment's id
     * @param dispositionCode the disposition code recorded on the job
     * @return the job as the command left it
     */
    public RouterJob closeJob(String jobId, String assignmentId, String dispositionCode) {
        return host.execute(new CloseJob(jobId, assignmentId, dispositionCode, null, null));
    }

    /**
     * Closes the job, releasing the worker's capacity at {@code closeAt}: until then the job stays
     * COMPLETED with the pending close visible on its assignment; then it becomes CLOSED and
     * {@code JobClosed} is published. A {@code closeAt} in the past releases now.
     *
     * @param jobId the job's id
     * @param assignmentId the assignment's id
     * @param dispositionCode the disposition code recorded on the job
     * @param closeAt when the worker's capacity is released
     * @return the job as the command left it
     */
    public RouterJob closeJob(String jobId, String assignmentId, String dispositionCode, Instant closeAt) {
        return host.execute(new CloseJob(jobId, assignmentId, dispositionCode, Arguments.required("closeAt", closeAt), null));
    }

    /**
     * As {@link #closeJob(String, String, String, Instant)}, adding a note to the job.
     *
     * @param jobId the job's id
     * @param assignmentId the assignment's id
     * @param dispositionCode the disposition code recorded on the job
     * @param closeAt when the worker's capacity is released
     * @param note a note recorded on the job
     * @return the job as the command left it
     */
    public RouterJob closeJob(String jobId, String assignmentId, String dispositionCode, Instant closeAt, String note) {
        return host.execute(new CloseJob(jobId, assignmentId, dispositionCode, Arguments.required("closeAt", closeAt), note));
    }

    /**
     * Cancels a job that is not closed or cancelled: open offers are revoked, held capacity released,
     * and the disposition code is {@code "Cancelled"}.
     *
     * @param jobId the job's id
     * @return the job as the command left it
     * @throws RouterException NOT_FOUND for an unknown job; CONFLICT when it is closed or cancelled
     */
    public RouterJob cancelJob(String jobId) {
        return host.execute(new CancelJob(jobId, null, null));
    }

    /**
     * As {@link #cancelJob(String)}, with a disposition code.
     *
     * @param jobId the job's id
     * @param dispositionCode the disposition code recorded on the job
     * @return the job as the command left it
     */
    public RouterJob cancelJob(String jobId, String dispositionCode) {
        return host.execute(new CancelJob(jobId, dispositionCode, null));
    }

    /**
     * As {@link #cancelJob(String)}, with a disposition code and a note.
     *
     * @param jobId the job's id
     * @param dispositionCode the disposition code recorded on the job
     * @param note a note recorded on the job
     * @return the job as the command left it
     */
    public RouterJob cancelJob(String jobId, String dispositionCode, String note) {
        return host.execute(new CancelJob(jobId, dispositionCode, note));
    }

    /**
     * Classifies a QUEUED or CLASSIFICATION_FAILED job again with its classification policy: its queue,
     * priority and attached selectors are recomputed, and open offers that no longer fit are revoked.
     *
     * @param jobId the job's id
     * @return the job, QUEUED or CLASSIFICATION_FAILED
     * @throws RouterException NOT_FOUND for an unknown job; CONFLICT for a job in another status or
     *     without a classification policy, or when a rule refuses
     */
    public RouterJob reclassifyJob(String jobId) {
        return host.execute(new ReclassifyJob(jobId));
    }

    /**
     * Removes a job and every trace of it (offers, declines). Allowed for closed, cancelled and queued
     * jobs; the open offers of a queued job are revoked.
     *
     * @param jobId the job's id
     * @throws RouterException NOT_FOUND for an unknown job; CONFLICT while it holds a worker's capacity
     */
    public void deleteJob(String jobId) {
        host.execute(new DeleteJob(jobId));
    }

    /**
     * Deletes a worker: its open offers are revoked (OfferRevoked), then WorkerDeleted.
     *
     * @param workerId the worker's id
     * @throws RouterException NOT_FOUND for an unknown worker; CONFLICT while it holds assigned jobs
     *     (rule "a worker holding jobs cannot be deleted")
     */
    public void deleteWorker(String workerId) {
        host.execute(new DeleteWorker(workerId));
    }

    /**
     * Deletes a queue.
     *
     * @param queueId the queue's id
     * @throws RouterException NOT_FOUND for an unknown queue; CONFLICT while it holds jobs that are not
     *     closed or cancelled, or is a classification policy's fallback queue
     */
    public void deleteQueue(String queueId) {
        host.execute(new DeleteQueue(queueId));
    }

    /**
     * @param policyId the policy's id
     * @throws RouterException NOT_FOUND for an unknown policy; CONFLICT while a queue names it
     */
    public void deleteExceptionPolicy(String policyId) {
        host.execute(new DeleteExceptionPolicy(policyId));
    }

    /**
     * @param policyId the policy's id
     * @throws RouterException NOT_FOUND for an unknown policy; CONFLICT while a queue names it
     */
    public void deleteDistributionPolicy(String policyId) {
        host.execute(new DeleteDistributionPolicy(policyId));
    }

    /**
     * @param policyId the policy's id
     * @throws RouterException NOT_FOUND for an unknown policy; CONFLICT while a job not closed or cancelled,
     *     or an exception policy's reclassify action, names it
     */
    public void deleteClassificationPolicy(String policyId) {
        host.execute(new DeleteClassificationPolicy(policyId));
    }

    // ---- time and events -----------------------------------------------------------------------------

    /** @return the router's clock */
    public Instant now() {
        return host.now();
    }

    /** @return whether the router runs on a virtual clock, which moves only on {@code advanceBy} / {@code advanceTo} */
    public boolean hasVirtualClock() {
        return host.hasVirtualClock();
    }

    /**
     * @return when the earliest pending timer (an offer expiry, a delayed release, a retry time) is
     *     due, if any; a timer whose subject ended early (an accepted offer) fires as a no-op
     */
    public Optional<Instant> nextTimerAt() {
        return Optional.ofNullable(host.nextTimerAt());
    }

    /**
     * Moves a virtual clock forward, firing every timer due on the way (offer expiries, delayed
     * releases, retry times) at its own instant.
     *
     * @param duration how long
     * @throws RouterException INVALID_ARGUMENT for a null or negative duration, one longer than
     *     {@link RouterTime#LONGEST}, or one that would take the clock past {@link RouterTime#LATEST}
     * @throws IllegalStateException on a router with a real clock
     */
    public void advanceBy(Duration duration) {
        RouterTime.checked("the duration to advance by", duration);
        host.advanceTo(host.now().plus(duration));
    }

    /**
     * Moves a virtual clock forward to {@code instant}; see {@link #advanceBy(Duration)}.
     *
     * @param instant the instant
     * @throws RouterException INVALID_ARGUMENT for a null instant, one before now or one after
     *     {@link RouterTime#LATEST}
     * @throws IllegalStateException on a router with a real clock
     */
    public void advanceTo(Instant instant) {
        host.advanceTo(Arguments.required("instant", instant));
    }

    /**
     * Subscribes to every event from now on, delivered in commit order after the change it reports and
     * outside the router's lock: a listener may call the router, and may wait on another thread that
     * reads or writes it. The thread that made the change delivers its events before its call returns,
     * unless another thread is delivering at that moment; then that thread delivers them, in order. A
     * listener that throws (an {@code Error} too) is logged and skipped; it cannot undo the change.
     *
     * @param listener the listener
     * @return a subscription to cancel
     */
    public Subscription onEvent(Consumer<? super RouterEvent> listener) {
        return host.subscribe(Arguments.required("listener", listener));
    }

    /**
     * Observes every command a caller gives from now on, once it is decided: how long the engine took
     * and, when it refused, the refusal (its rule among it). Told on the caller's thread, outside the
     * router's lock; an observer that throws is logged and skipped. Commands that timers fire are not
     * callers' and are not told. For metrics, such as {@code jobrouter-micrometer}.
     *
     * @param observer the observer
     * @return a subscription to cancel
     */
    public Subscription onCommand(CommandObserver observer) {
        return host.observeCommands(Arguments.required("observer", observer));
    }

    /**
     * @return per job status, how many jobs have it now (a status no job has is absent), from the
     *     router's index: it costs the number of statuses, not of jobs
     */
    public Map<JobStatus, Integer> countJobsByStatus() {
        return host.read(RouterEngine::countJobsByStatus);
    }

    /** @return everything the engine holds, as values; for replay tests */
    EngineSnapshot snapshot() {
        return host.read(RouterEngine::snapshot);
    }

    /** @return the facts the rule sessions hold beyond their last decisions' own; for tests */
    long strayRuleFacts() {
        return host.read(engine -> RuleBase.strayFacts(rules));
    }

    /**
     * Stops the timer thread and releases the rule session. Closing again does nothing; every other
     * call on a closed router, reads and {@link #onEvent} included, throws IllegalStateException.
     */
    @Override
    public void close() {
        try {
            if (journal != null) {
                try {
                    // A snapshot at close (one that fails is logged and loses nothing): the next build
                    // starts from it, and may bring other rules.
                    host.read(engine -> {
                        journal.snapshotNow(engine::snapshot, host.now());
                        return null;
                    });
                } catch (IllegalStateException closedAlready) {
                    // closed before: closing again does nothing
                }
            }
            host.close();
        } finally {
            if (journal != null) {
                journal.close();
            }
        }
    }

    /**
     * Builds a {@link JobRouter}. Defaults: the system clock, the built-in rules, every optional
     * built-in rule on.
     *
     * <pre>{@code
     * JobRouter router = JobRouter.builder()
     *     .virtualClock(Instant.parse("2026-01-01T09:00:00Z"))
     *     .rules("""
     *         package com.example.rules;
     *         import dev.jobrouter.core.command.*;
     *         import dev.jobrouter.core.model.*;
     *         import dev.jobrouter.core.rules.*;
     *
     *         rule "VIP jobs are never cancelled"
     *         when
     *             CancelJob($jobId : jobId)
     *             RouterJob(id == $jobId, labels["vip"] == true)
     *         then
     *             insert(new Refusal("VIP jobs cannot be cancelled"));
     *         end
     *         """)
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private InstantSource clock;
        private final List<DrlSource> rules = new ArrayList<>();
        private final Set<String> disabledRules = new LinkedHashSet<>();
        private ExecutionLog executionLog = ExecutionLog.NONE;
        private final Map<String, RuleFunction> functions = new LinkedHashMap<>();
        private Long seed;
        private Path journalDirectory;
        private Durability durability;
        private Duration fsyncEvery;
        private Function<Path, JournalFiles> journalFiles = DirectoryFiles::new;
        private long segmentBytes = Journal.SEGMENT_BYTES;
        private long snapshotEvery = Journal.SNAPSHOT_EVERY_RECORDS;

        private Builder() {}

        /**
         * Keeps the router's state in a journal in {@code directory}, created when absent: every
         * command is written there before its caller hears back, and a router built on a directory
         * that holds a journal first recovers what it holds. Closing the router writes a snapshot,
         * after which the next build may bring other rules; after a crash, give it the rules it had.
         * On a virtual clock the recovered router resumes at the journal's last instant (a later
         * {@code start} advances it there), on a clock of its own. One router per directory at a
         * time, in this JVM or any other process.
         *
         * @param directory the journal's directory, created when absent
         * @return this builder
         * @throws RouterException INVALID_ARGUMENT for a null directory, or when a journal was already set
         */
        public Builder journal(Path directory) {
            Arguments.required("directory", directory);
            if (journalDirectory != null) {
                throw RouterException.invalid("the journal was already set to " + journalDirectory);
            }
            this.journalDirectory = directory;
            return this;
        }

        /**
         * How durable an acknowledged command is; {@link Durability#PROCESS} by default. Needs
         * {@link #journal(Path)}.
         *
         * @param durability the level
         * @return this builder
         * @throws RouterException INVALID_ARGUMENT for null, or at {@link #build()} without a journal
         */
        public Builder durability(Durability durability) {
            this.durability = Arguments.required("durability", durability);
            return this;
        }

        /**
         * With {@link Durability#PROCESS}, forces the journal to its device at this interval from a
         * background thread, so a power loss costs at most about that much. Needs {@link #journal(Path)}.
         *
         * @param interval how often to force, above zero
         * @return this builder
         * @throws RouterException INVALID_ARGUMENT for a null, zero or negative interval; at
         *     {@link #build()} without a journal, or with {@link Durability#FSYNC} (which forces every command)
         */
        public Builder fsyncEvery(Duration interval) {
            Arguments.required("interval", interval);
            if (interval.isZero() || interval.isNegative()) {
                throw RouterException.invalid("fsyncEvery must be positive, not " + interval);
            }
            this.fsyncEvery = interval;
            return this;
        }

        /** The journal's files on its directory: for tests that inject faults. */
        Builder journalFiles(Function<Path, JournalFiles> files) {
            this.journalFiles = requireNonNull(files, "files");
            return this;
        }

        /** Segment size and snapshot interval of the journal: small ones for tests of compaction. */
        Builder journalLayout(long segmentBytes, long snapshotEvery) {
            this.segmentBytes = segmentBytes;
            this.snapshotEvery = snapshotEvery;
            return this;
        }

        /** Tells the log of every command that changed the router: for replay tests. */
        Builder executionLog(ExecutionLog log) {
            this.executionLog = requireNonNull(log, "log");
            return this;
        }

        /**
         * Runs the router on a virtual clock starting at {@code start}: timers fire only when time is
         * advanced with {@link JobRouter#advanceBy(Duration)} or {@link JobRouter#advanceTo(Instant)}.
         *
         * @param start the clock's first instant
         * @return this builder
         * @throws RouterException INVALID_ARGUMENT if a clock was already set, or for a null start or
         *     one outside {@link RouterTime#EARLIEST} to {@link RouterTime#LATEST}
         */
        public Builder virtualClock(Instant start) {
            return clock(new VirtualClock(RouterTime.checked("start", start)));
        }

        /**
         * Runs the router on the given clock; timers fire on a daemon thread as it passes. A
         * {@link VirtualClock} behaves as {@link #virtualClock(Instant)}.
         *
         * @param clock the clock
         * @return this builder
         * @throws RouterException INVALID_ARGUMENT if a clock was already set, or for a null clock
         */
        public Builder clock(InstantSource clock) {
            Arguments.required("clock", clock);
            if (this.clock != null) {
                throw RouterException.invalid("the clock was already set to " + this.clock);
            }
            this.clock = clock;
            return this;
        }

        /**
         * Adds DRL compiled with the built-in rules. Reported as {@code rules-N.drl} in compile errors.
         * Its package must not be {@code dev.jobrouter.rules}.
         *
         * @param drl the DRL text
         * @return this builder
         */
        public Builder rules(String drl) {
            return rules("rules-" + (rules.size() + 1) + ".drl", Arguments.required("drl", drl));
        }

        /**
         * Adds DRL, reported under {@code name} in compile errors.
         *
         * @param name the source's name in errors
         * @param drl the DRL text
         * @return this builder
         */
        public Builder rules(String name, String drl) {
            rules.add(new DrlSource(Arguments.required("name", name), Arguments.required("drl", drl)));
            return this;
        }

        /**
         * Adds the DRL in a file, read as UTF-8.
         *
         * @param file a DRL file
         * @return this builder
         * @throws RouterException RULES_INVALID when the file cannot be read or is not UTF-8
         */
        public Builder rulesFrom(Path file) {
            Arguments.required("file", file);
            try {
                return rules(file.toString(), utf8("rules file " + file, Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new RouterException(ErrorCode.RULES_INVALID, "cannot read rules from " + file + ": " + e, null, e);
            }
        }

        /**
         * Decodes DRL strictly: bytes that are not UTF-8 are refused rather than replaced, since a
         * replaced character in a literal would make its rule silently never match.
         */
        private static String utf8(String source, byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length);   // UTF-8 never has fewer bytes than chars
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();   // reports malformed input
            if (decoder.decode(in, out, true).isError()) {
                throw new RouterException(ErrorCode.RULES_INVALID, source + " is not UTF-8 text (at byte offset "
                        + in.position() + "): DRL is read as UTF-8, save it so");
            }
            decoder.flush(out);
            return out.flip().toString();
        }

        /**
         * Adds the DRL in a classpath resource, such as {@code "com/example/rules/vip.drl"}, read as UTF-8.
         *
         * @param resource a DRL resource on the classpath
         * @return this builder
         * @throws RouterException RULES_INVALID when there is no such resource, or it is not UTF-8
         */
        public Builder rulesFromClasspath(String resource) {
            Arguments.required("resource", resource);
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = JobRouter.class.getClassLoader();
            }
            String path = resource.startsWith("/") ? resource.substring(1) : resource;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new RouterException(ErrorCode.RULES_INVALID, "no rules resource " + resource + " on the classpath");
                }
                return rules(resource, utf8("rules resource " + resource, in.readAllBytes()));
            } catch (IOException e) {
                throw new RouterException(ErrorCode.RULES_INVALID, "cannot read rules resource " + resource + ": " + e,
                        null, e);
            }
        }

        /**
         * Switches off an optional built-in rule, such as
         * {@code "deregister a worker whose offer expired"}.
         *
         * @param name the optional built-in rule's name
         * @return this builder
         * @throws RouterException INVALID_ARGUMENT at {@link #build()} when no optional built-in rule has that name
         */
        public Builder disableRule(String name) {
            disabledRules.add(Arguments.required("name", name));
            return this;
        }

        /**
         * Registers a function that {@link FunctionRouterRule#named(String)} rules may name. Named
         * functions are what a journal can record; a function carried by the rule itself cannot be.
         *
         * @param name the name rules give
         * @param function the function
         * @return this builder
         * @throws RouterException INVALID_ARGUMENT for a blank name, a null function, or a name given twice
         */
        public Builder function(String name, RuleFunction function) {
            if (Arguments.required("name", name).isBlank()) {
                throw RouterException.invalid("a function needs a non-blank name");
            }
            Arguments.required("function", function);
            if (functions.containsKey(name)) {
                throw RouterException.invalid("function \"" + name + "\" was already registered");
            }
            functions.put(name, function);
            return this;
        }

        /**
         * Seeds the generator weighted allocations draw from; by default {@link RouterEngine#DEFAULT_SEED},
         * so two routers given the same commands draw the same either way.
         *
         * @param seed the seed
         * @return this builder
         * @throws RouterException INVALID_ARGUMENT when the seed was already set
         */
        public Builder seed(long seed) {
            if (this.seed != null) {
                throw RouterException.invalid("the seed was already set to " + this.seed);
            }
            this.seed = seed;
            return this;
        }

        /**
         * @return a new router
         * @throws RouterException RULES_INVALID when the rules do not compile; INVALID_ARGUMENT when a
         *     disabled rule is not an optional built-in rule, or for durability settings without a journal;
         *     JOURNAL_FAILED when the journal is open elsewhere, does not read, or holds commands since its
         *     last snapshot that other rules decided
         */
        public JobRouter build() {
            if (journalDirectory == null && (durability != null || fsyncEvery != null)) {
                throw RouterException.invalid((durability != null ? "durability" : "fsyncEvery")
                        + " needs a journal: set journal(directory) too");
            }
            if (durability == Durability.FSYNC && fsyncEvery != null) {
                throw RouterException.invalid("fsyncEvery is for Durability.PROCESS: with FSYNC every command is"
                        + " forced already");
            }
            TransitionRules session = RuleBase.of(rules).newSession(disabledRules);
            RuleEvaluator routerRules = new RuleEvaluator(new MvelExpressions(), functions);
            long engineSeed = seed == null ? RouterEngine.DEFAULT_SEED : seed;
            InstantSource routerClock = clock == null ? InstantSource.system() : clock;
            if (journalDirectory == null) {
                RouterEngine engine = new RouterEngine(session, routerRules, engineSeed);
                return new JobRouter(new LocalHost(engine, routerClock, executionLog), session, null);
            }
            Journal journal = Journal.open(journalDirectory, durability == Durability.FSYNC, fsyncEvery,
                    Recovery.ruleSet(rules, disabledRules, functions.keySet()), engineSeed, journalFiles,
                    segmentBytes, snapshotEvery);
            try {
                RouterEngine engine = journal.snapshot() == null
                        ? new RouterEngine(session, routerRules, journal.seed())
                        : RouterEngine.restored(session, routerRules, journal.snapshot().engine());
                Instant last = Recovery.replay(engine, journal);
                if (last == null && journal.snapshot() != null) {
                    last = journal.snapshot().at();
                }
                ExecutionLog log = executionLog == ExecutionLog.NONE ? journal : Recovery.both(journal, executionLog);
                Instant start = routerClock.instant();
                if (routerClock instanceof VirtualClock && last != null) {
                    // The journal's clock wins: the router resumes at its last instant, on a clock of its own.
                    routerClock = new VirtualClock(last);
                }
                LocalHost host = new LocalHost(engine, routerClock, log);
                host.resumeAfter(last);
                if (routerClock instanceof VirtualClock) {
                    if (last != null && start.isAfter(last)) {
                        host.advanceTo(start);   // a later start moves the clock as an advance would
                    }
                } else {
                    host.catchUp();   // what came due while the router was down fires now, at its own instant
                }
                return new JobRouter(host, session, journal);
            } catch (RuntimeException | Error e) {
                journal.close();
                throw e;
            }
        }
    }
}
