package dev.jobrouter.properties;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * The documented behaviour of the router (REFERENCE.md and the README), in plain Java, written
 * without looking at the rules or the engine's classes. For each command it predicts whether the
 * router accepts it ({@link Outcome}) and, when it does, the events the command itself causes. Which
 * fitting worker the matcher picks is the router's choice: the model takes the offers the router
 * reports and checks that each was allowed, and that afterwards no waiting job and fitting worker
 * were left unmatched.
 */
final class ReferenceModel {

    enum Outcome { OK, NOT_FOUND, INVALID_ARGUMENT, CONFLICT, PRECONDITION_FAILED }

    enum Status { QUEUED, ASSIGNED, COMPLETED, CLOSED, CANCELLED, SCHEDULED, WAITING_FOR_ACTIVATION }

    /** How long a job may wait in q1 before its exception policy cancels it. */
    static final Duration Q1_PATIENCE = Duration.ofMinutes(3);
    /**
     * How long a job may wait in q3 before its exception policy "overflow" reclassifies it with cp as
     * tier gold (so into q2); a job entering q3 behind another is moved to q1 at priority
     * {@link #Q3_OVERFLOW_PRIORITY} by the same policy's queue-length rule at once.
     */
    static final Duration Q3_PATIENCE = Duration.ofSeconds(40);
    static final int Q3_OVERFLOW_PRIORITY = 2;

    record Policy(Duration offerExpiresAfter, int maxConcurrentOffers) {}

    record Channel(int cost, Integer maxJobs) {}

    static final class Job {
        final String id;
        final String channel;
        /** Its queue: the one it was created in, unless classification moved it. */
        String queue;
        /** The queue its creator named: where classification falls back to. */
        final String requestedQueue;
        int priority;
        final Map<String, Object> labels = new TreeMap<>();
        /** The tier a worker must have (a requested {@code tier EQUAL} selector), or {@code null}. */
        String requiredTier;
        /** Whether classification policy cp classifies it: its priority is then {@link #classifiedPriority}. */
        boolean classified;
        Status status = Status.QUEUED;
        String assignmentId;
        String worker;
        int cost;
        Instant releaseAt;
        /** How often it was handed back; a fourth time is refused. */
        int unassignments;
        /** Its matching mode: "queue", "suspend", or "schedule@" and the instant. */
        String mode = "queue";
        /** When it last entered its queue: where q1's wait-time exception counts from. */
        Instant enqueuedAt;

        Job(String id, String channel, String queue, int priority) {
            this.id = id;
            this.channel = channel;
            this.queue = queue;
            this.requestedQueue = queue;
            this.priority = priority;
        }

        boolean holdsCapacity() {
            return status == Status.ASSIGNED || status == Status.COMPLETED;
        }
    }

    static final class Worker {
        final String id;
        int capacity;
        Map<String, Channel> channels = Map.of();
        Set<String> queues = Set.of();
        boolean available;
        /** Its {@code tier} label. */
        String tier;
        final Map<String, Instant> declines = new TreeMap<>();
        /** Jobs it holds capacity for, by job id. */
        final Map<String, Job> held = new LinkedHashMap<>();

        Worker(String id) {
            this.id = id;
        }
    }

    record Offer(String id, String jobId, String workerId, String channel, int cost, Instant expiresAt) {}

    private record Timer(Instant at, long sequence, String kind, String subject) {}

    /** The distribution policy of each queue. */
    private final Map<String, Policy> policies;
    final Map<String, Job> jobs = new TreeMap<>();
    final Map<String, Worker> workers = new TreeMap<>();
    /** Open offers by offer id, oldest first. */
    final Map<String, Offer> openOffers = new LinkedHashMap<>();
    /** Every offer ever reported, by id: open or ended, for picking ids. */
    final Map<String, Offer> allOffers = new LinkedHashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparing(Timer::at).thenComparingLong(Timer::sequence));
    private long nextTimer;
    private final boolean expiryDeregisters;
    /** The queues, distribution policies and exception policies that exist; q3, p3 and "overflow" come and go. */
    final Set<String> queues = new java.util.TreeSet<>(Set.of("q1", "q2", "q3"));
    final Set<String> distributionPolicies = new java.util.TreeSet<>(Set.of("p1", "p2", "p3"));
    final Set<String> exceptionPolicies = new java.util.TreeSet<>(Set.of("patience", "overflow"));
    Instant now;

    ReferenceModel(Instant start, Map<String, Policy> policyOfQueue, boolean expiryDeregisters) {
        this.now = start;
        this.policies = policyOfQueue;
        this.expiryDeregisters = expiryDeregisters;
    }

    // ---- predictions: each returns the outcome and, when OK, applies the change and fills the events

    /** Creates the job, or updates its priority and merges the label, like the service's PATCH. */
    Outcome upsertJob(String id, String channel, String queue, int priority, String label, Object value,
            String requiredTier, boolean classified, List<String> events) {
        Job job = jobs.get(id);
        if (job == null) {
            if (!queues.contains(queue)) {
                return Outcome.INVALID_ARGUMENT;
            }
            Job created = new Job(id, channel, queue, priority);
            created.labels.put(label, value);
            created.requiredTier = requiredTier;
            created.classified = classified;
            jobs.put(id, created);
            events.add(key("JobReceived", id));
            if (classified) {
                created.queue = classifiedQueue(created);
                created.priority = classifiedPriority(created);
                events.add(key("JobClassified", id));
            }
            events.add(key("JobQueued", id, created.queue));
            entered(created, events);
            return Outcome.OK;
        }
        if (!job.channel.equals(channel) || !job.queue.equals(queue)) {
            return Outcome.INVALID_ARGUMENT;
        }
        if (terminal(job)) {
            return Outcome.CONFLICT;
        }
        job.priority = priority;
        job.labels.put(label, value);
        events.add(key("JobUpdated", id));
        if (job.classified && job.status == Status.QUEUED) {
            // A label update reclassifies a queued job: the same queue (its own, the policy's fallback), a new priority.
            String queueNow = classifiedQueue(job);
            boolean moved = !queueNow.equals(job.queue);
            job.queue = queueNow;
            job.priority = classifiedPriority(job);
            events.add(key("JobClassified", id));
            events.add(key("JobQueued", id, job.queue));
            if (moved) {
                entered(job, events);
                // A move costs every open offer: they were made under the old queue's policy.
                for (Offer offer : offersOfJob(id)) {
                    end(offer, "OfferRevoked", events);
                }
            }
        }
        return Outcome.OK;
    }

    /**
     * Policy cp's pass-through queue selector on {@code tier}: a gold job goes to q2, the one queue
     * labelled tier gold; any other falls back to the queue its creator named.
     */
    static String classifiedQueue(Job job) {
        return "gold".equals(job.labels.get("tier")) ? "q2" : job.requestedQueue;
    }

    /** Policy cp's prioritization rule: {@code job.vip == true ? 5 : 1}; a missing label reads as null. */
    static int classifiedPriority(Job job) {
        return Boolean.TRUE.equals(job.labels.get("vip")) ? 5 : 1;
    }

    /** A full worker upsert: capacity, channels and queues given, availability as asked. */
    Outcome upsertWorker(String id, int capacity, Map<String, Channel> channels, Set<String> queues, boolean available,
            String tier, List<String> events) {
        Worker worker = workers.get(id);
        Worker proposed = worker == null ? new Worker(id) : worker;
        int used = worker == null ? 0 : usedCapacity(worker);
        if (used > capacity) {
            return Outcome.CONFLICT;
        }
        for (Map.Entry<String, Channel> channel : channels.entrySet()) {
            Integer max = channel.getValue().maxJobs();
            if (worker != null && max != null && jobsOn(worker, channel.getKey()) > max) {
                return Outcome.CONFLICT;
            }
        }
        proposed.capacity = capacity;
        proposed.tier = tier;
        proposed.channels = channels;
        proposed.queues = queues;
        workers.put(id, proposed);
        setAvailability(proposed, worker != null && worker.available, available, events);
        return Outcome.OK;
    }

    /** Only availability changes; a new worker without a capacity is invalid. */
    Outcome setAvailability(String id, boolean available, List<String> events) {
        Worker worker = workers.get(id);
        if (worker == null) {
            return Outcome.INVALID_ARGUMENT;
        }
        setAvailability(worker, worker.available, available, events);
        return Outcome.OK;
    }

    private void setAvailability(Worker worker, boolean was, boolean available, List<String> events) {
        worker.available = available;
        if (available && !was) {
            worker.declines.clear();
            events.add(key("WorkerRegistered", worker.id));
        } else if (!available && was) {
            for (Offer offer : offersOf(worker.id)) {
                end(offer, "OfferRevoked", events);
            }
            events.add(key("WorkerDeregistered", worker.id));
        } else {
            events.add(key("WorkerUpdated", worker.id));
        }
    }

    /** @return the outcome; on OK the job is ASSIGNED and {@code events} holds what the router reports */
    Outcome accept(String workerId, String offerId, List<String> events) {
        Offer offer = offerOf(workerId, offerId);
        if (offer == null) {
            return Outcome.NOT_FOUND;
        }
        if (!openOffers.containsKey(offerId)) {
            return Outcome.CONFLICT;
        }
        Job job = jobs.get(offer.jobId());
        openOffers.remove(offerId);
        job.status = Status.ASSIGNED;
        job.worker = workerId;
        job.cost = offer.cost();
        workers.get(workerId).held.put(job.id, job);
        events.add(key("OfferAccepted", offerId, job.id, workerId));
        for (Offer other : offersOfJob(job.id)) {
            end(other, "OfferRevoked", events);
        }
        return Outcome.OK;
    }

    /** Called with the assignment id the router handed out for the accept just predicted. */
    void assigned(String jobId, String assignmentId) {
        jobs.get(jobId).assignmentId = assignmentId;
    }

    Outcome decline(String workerId, String offerId, Instant retryAt, List<String> events) {
        Offer offer = offerOf(workerId, offerId);
        if (offer == null) {
            return Outcome.NOT_FOUND;
        }
        if (!openOffers.containsKey(offerId)) {
            return Outcome.CONFLICT;
        }
        end(offer, "OfferDeclined", events);
        workers.get(workerId).declines.put(offer.jobId(), retryAt == null ? Instant.MAX : retryAt);
        if (retryAt != null && retryAt.isAfter(now)) {
            schedule(retryAt, "retry", offer.jobId());
        }
        return Outcome.OK;
    }

    Outcome complete(String jobId, String assignmentId, List<String> events) {
        Job job = jobs.get(jobId);
        if (job == null || job.assignmentId == null || !job.assignmentId.equals(assignmentId)) {
            return Outcome.NOT_FOUND;
        }
        if (job.status != Status.ASSIGNED) {
            return Outcome.CONFLICT;
        }
        job.status = Status.COMPLETED;
        events.add(key("JobCompleted", jobId, job.worker));
        return Outcome.OK;
    }

    Outcome close(String jobId, String assignmentId, Instant closeAt, List<String> events) {
        Job job = jobs.get(jobId);
        if (job == null || job.assignmentId == null || !job.assignmentId.equals(assignmentId)) {
            return Outcome.NOT_FOUND;
        }
        if (!job.holdsCapacity() || job.releaseAt != null) {
            return Outcome.CONFLICT;
        }
        if (job.status == Status.ASSIGNED) {
            job.status = Status.COMPLETED;
            events.add(key("JobCompleted", jobId, job.worker));
        }
        if (closeAt == null || !closeAt.isAfter(now)) {
            release(job, events);
        } else {
            job.releaseAt = closeAt;
            schedule(closeAt, "release", jobId);
        }
        return Outcome.OK;
    }

    Outcome cancel(String jobId, List<String> events) {
        Job job = jobs.get(jobId);
        if (job == null) {
            return Outcome.NOT_FOUND;
        }
        if (terminal(job)) {
            return Outcome.CONFLICT;
        }
        if (job.holdsCapacity()) {
            workers.get(job.worker).held.remove(jobId);
        }
        job.status = Status.CANCELLED;
        job.releaseAt = null;
        cancelTimers(jobId);
        events.add(key("JobCancelled", jobId));
        for (Offer offer : offersOfJob(jobId)) {
            end(offer, "OfferRevoked", events);
        }
        return Outcome.OK;
    }

    Outcome delete(String jobId, List<String> events) {
        Job job = jobs.get(jobId);
        if (job == null) {
            return Outcome.NOT_FOUND;
        }
        if (job.holdsCapacity()) {
            return Outcome.CONFLICT;
        }
        for (Offer offer : offersOfJob(jobId)) {
            end(offer, "OfferRevoked", events);
        }
        for (Worker worker : workers.values()) {
            worker.declines.remove(jobId);
        }
        allOffers.values().removeIf(offer -> offer.jobId().equals(jobId));
        cancelTimers(jobId);
        jobs.remove(jobId);
        events.add(key("JobDeleted", jobId));
        return Outcome.OK;
    }

    /** {@code unassignJob}: the worker released, the job queued again, or held with {@code suspend}. */
    Outcome unassign(String jobId, String assignmentId, boolean suspend, List<String> events) {
        Job job = jobs.get(jobId);
        if (job == null || job.assignmentId == null || !job.assignmentId.equals(assignmentId)) {
            return Outcome.NOT_FOUND;
        }
        if (job.status != Status.ASSIGNED || job.unassignments >= 3) {
            return Outcome.CONFLICT;
        }
        events.add(key("JobUnassigned", jobId, job.worker));
        workers.get(job.worker).held.remove(jobId);
        job.unassignments++;
        job.assignmentId = null;
        job.worker = null;
        if (suspend) {
            job.mode = "suspend";
            job.status = Status.WAITING_FOR_ACTIVATION;
            events.add(key("JobWaitingForActivation", jobId));
        } else {
            job.status = Status.QUEUED;
            events.add(key("JobQueued", jobId, job.queue));
            entered(job, events);
        }
        return Outcome.OK;
    }

    /**
     * A job upsert that only switches the matching mode: "queue", "suspend", or a schedule at the
     * instant ({@code scheduleAt} not null).
     */
    Outcome switchMode(String jobId, String mode, Instant scheduleAt, List<String> events) {
        Job job = jobs.get(jobId);
        if (job == null) {
            return Outcome.INVALID_ARGUMENT;   // an upsert of a new job without a channel
        }
        boolean changes = !job.mode.equals(mode);
        if (terminal(job) || changes && job.status != Status.QUEUED && job.status != Status.SCHEDULED
                && job.status != Status.WAITING_FOR_ACTIVATION) {
            return Outcome.CONFLICT;
        }
        events.add(key("JobUpdated", jobId));
        if (!changes) {
            return Outcome.OK;
        }
        if (job.status == Status.SCHEDULED) {
            cancelTimers(jobId);
        }
        job.mode = mode;
        if (mode.equals("queue")) {
            job.status = Status.QUEUED;
            if (job.classified) {
                job.queue = classifiedQueue(job);
                job.priority = classifiedPriority(job);
                events.add(key("JobClassified", jobId));
            }
            events.add(key("JobQueued", jobId, job.queue));
            entered(job, events);
            return Outcome.OK;
        }
        for (Offer offer : offersOfJob(jobId)) {
            end(offer, "OfferRevoked", events);
        }
        if (scheduleAt != null && scheduleAt.isAfter(now)) {
            job.status = Status.SCHEDULED;
            events.add(key("JobScheduled", jobId));
            schedule(scheduleAt, "activate", jobId);
        } else {
            job.status = Status.WAITING_FOR_ACTIVATION;
            events.add(key("JobWaitingForActivation", jobId));
        }
        return Outcome.OK;
    }

    /**
     * The job entered its queue now. In q1 its exception policy cancels it should it still wait there
     * after {@link #Q1_PATIENCE}. In q3 a job that finds another already waiting is moved to q1 at
     * once (the queue-length rule "full"); one that does not is reclassified should it still wait after
     * {@link #Q3_PATIENCE} (the wait-time rule "slow").
     */
    private void entered(Job job, List<String> events) {
        cancelTimers(job.id);
        job.enqueuedAt = now;
        if (job.queue.equals("q1")) {
            schedule(now.plus(Q1_PATIENCE), "exception", job.id);
        } else if (job.queue.equals("q3")) {
            long waiting = jobs.values().stream().filter(j -> j.status == Status.QUEUED && j.queue.equals("q3")).count();
            if (waiting > 1) {
                events.add(key("JobExceptionTriggered", job.id, "full"));
                job.queue = "q1";
                if (job.priority != Q3_OVERFLOW_PRIORITY) {
                    job.priority = Q3_OVERFLOW_PRIORITY;
                    events.add(key("JobUpdated", job.id));
                }
                events.add(key("JobQueued", job.id, "q1"));
                for (Offer offer : offersOfJob(job.id)) {
                    end(offer, "OfferRevoked", events);
                }
                entered(job, events);
            } else {
                schedule(now.plus(Q3_PATIENCE), "slow", job.id);
            }
        }
    }

    /** {@code deleteQueue}: refused while a job in it is active. */
    Outcome deleteQueue(String queueId) {
        if (!queues.contains(queueId)) {
            return Outcome.NOT_FOUND;
        }
        if (jobs.values().stream().anyMatch(job -> !terminal(job)
                && (job.queue.equals(queueId) || job.classified && job.requestedQueue.equals(queueId)))
                || queueId.equals("q1") && exceptionPolicies.contains("overflow")) {
            return Outcome.CONFLICT;
        }
        queues.remove(queueId);
        return Outcome.OK;
    }

    /** The upsert of q3 as the run defines it: distribution policy p3, exception policy "overflow". */
    Outcome upsertQueue3() {
        if (!distributionPolicies.contains("p3") || !exceptionPolicies.contains("overflow")) {
            return Outcome.INVALID_ARGUMENT;
        }
        queues.add("q3");
        return Outcome.OK;
    }

    /** {@code deleteDistributionPolicy}: refused while a queue names it (q1 names p1, q2 p2, q3 p3). */
    Outcome deleteDistributionPolicy(String policyId) {
        if (!distributionPolicies.contains(policyId)) {
            return Outcome.NOT_FOUND;
        }
        if (queues.contains("q" + policyId.substring(1))) {
            return Outcome.CONFLICT;
        }
        distributionPolicies.remove(policyId);
        return Outcome.OK;
    }

    /** {@code deleteExceptionPolicy} of "overflow": refused while q3 names it. */
    Outcome deleteOverflowPolicy() {
        if (!exceptionPolicies.contains("overflow")) {
            return Outcome.NOT_FOUND;
        }
        if (queues.contains("q3")) {
            return Outcome.CONFLICT;
        }
        exceptionPolicies.remove("overflow");
        return Outcome.OK;
    }

    /** {@code deleteClassificationPolicy} of cp, tried only while "overflow" names it: always refused. */
    Outcome deleteCp() {
        if (!exceptionPolicies.contains("overflow")) {
            throw new IllegalStateException("the run deletes cp only while policy overflow names it");
        }
        return Outcome.CONFLICT;
    }

    /** A job upsert of the priority alone, guarded by an etag that holds or not. */
    Outcome setPriorityIfMatch(String jobId, boolean etagHolds, int priority, List<String> events) {
        Job job = jobs.get(jobId);
        if (job == null || !etagHolds) {
            return Outcome.PRECONDITION_FAILED;
        }
        if (terminal(job)) {
            return Outcome.CONFLICT;
        }
        job.priority = priority;
        events.add(key("JobUpdated", jobId));
        return Outcome.OK;
    }

    /** {@code deleteWorker}: its open offers revoked, then it is gone. */
    Outcome deleteWorker(String workerId, List<String> events) {
        Worker worker = workers.get(workerId);
        if (worker == null) {
            return Outcome.NOT_FOUND;
        }
        if (!worker.held.isEmpty()) {
            return Outcome.CONFLICT;
        }
        for (Offer offer : offersOf(workerId)) {
            end(offer, "OfferRevoked", events);
        }
        events.add(key("WorkerDeleted", workerId));
        workers.remove(workerId);   // its ended offers stay, as in the router: answering one is a CONFLICT
        return Outcome.OK;
    }

    // ---- time

    /** @return the instant of the earliest pending timer, or {@code null} */
    Instant nextTimer() {
        Timer first = timers.peek();
        return first == null ? null : first.at();
    }

    /**
     * Fires the earliest timer, which must be due at {@code now}: the events it causes (none when it
     * no longer applies), or {@code null} when no timer is due.
     */
    List<String> fireNextTimer() {
        Timer timer = timers.peek();
        if (timer == null || timer.at().isAfter(now)) {
            return null;
        }
        timers.poll();
        List<String> events = new ArrayList<>();
        switch (timer.kind()) {
            case "expire" -> {
                Offer offer = openOffers.get(timer.subject());
                if (offer != null && offer.expiresAt().equals(timer.at())) {
                    end(offer, "OfferExpired", events);
                    Worker worker = workers.get(offer.workerId());
                    if (expiryDeregisters && worker.available) {
                        setAvailability(worker, true, false, events);
                    }
                }
            }
            case "release" -> {
                Job job = jobs.get(timer.subject());
                if (job != null && job.status == Status.COMPLETED && timer.at().equals(job.releaseAt)) {
                    release(job, events);
                }
            }
            case "activate" -> {
                Job job = jobs.get(timer.subject());
                if (job != null && job.status == Status.SCHEDULED && job.mode.equals("schedule@" + timer.at())) {
                    job.status = Status.WAITING_FOR_ACTIVATION;
                    events.add(key("JobWaitingForActivation", job.id));
                }
            }
            case "slow" -> {
                Job job = jobs.get(timer.subject());
                if (job != null && job.status == Status.QUEUED && job.queue.equals("q3")
                        && job.enqueuedAt.plus(Q3_PATIENCE).equals(timer.at())) {
                    // The reclassify action: tier gold upserted, then classified by cp, which sends gold to q2.
                    events.add(key("JobExceptionTriggered", job.id, "slow"));
                    if (!"gold".equals(job.labels.put("tier", "gold"))) {
                        events.add(key("JobUpdated", job.id));
                    }
                    job.classified = true;
                    job.queue = classifiedQueue(job);
                    job.priority = classifiedPriority(job);
                    events.add(key("JobClassified", job.id));
                    events.add(key("JobQueued", job.id, job.queue));
                    for (Offer offer : offersOfJob(job.id)) {
                        end(offer, "OfferRevoked", events);
                    }
                    entered(job, events);
                }
            }
            case "exception" -> {
                Job job = jobs.get(timer.subject());
                if (job != null && job.status == Status.QUEUED && job.queue.equals("q1")
                        && job.enqueuedAt.plus(Q1_PATIENCE).equals(timer.at())) {
                    events.add(key("JobExceptionTriggered", job.id, "too-long"));
                    job.status = Status.CANCELLED;
                    events.add(key("JobCancelled", job.id));
                    for (Offer offer : offersOfJob(job.id)) {
                        end(offer, "OfferRevoked", events);
                    }
                }
            }
            default -> {
                // a retry time came: the job may be offered to the decliner again; matching shows it
            }
        }
        return events;
    }

    // ---- offers the router reports

    /** Applies an offer the router issued; @return why it was not allowed, or {@code null} */
    String offerIssued(String offerId, String jobId, String workerId, Instant expiresAt) {
        Job job = jobs.get(jobId);
        Worker worker = workers.get(workerId);
        if (job == null || worker == null) {
            return "offer " + offerId + " names an unknown job or worker";
        }
        String unfit = whyNotFit(job, worker);
        if (unfit != null) {
            return "offer " + offerId + " of " + jobId + " to " + workerId + ": " + unfit;
        }
        Policy policy = policies.get(job.queue);
        if (!expiresAt.equals(now.plus(policy.offerExpiresAfter()))) {
            return "offer " + offerId + " expires at " + expiresAt + ", not after " + policy.offerExpiresAfter();
        }
        Offer offer = new Offer(offerId, jobId, workerId, job.channel, worker.channels.get(job.channel).cost(), expiresAt);
        openOffers.put(offerId, offer);
        allOffers.put(offerId, offer);
        schedule(expiresAt, "expire", offerId);
        return null;
    }

    /** @return a waiting job and fitting worker the matcher left unmatched, or {@code null} */
    String missedMatch() {
        for (Job job : jobs.values()) {
            for (Worker worker : workers.values()) {
                if (whyNotFit(job, worker) == null) {
                    return "job " + job.id + " waits while worker " + worker.id + " fits it";
                }
            }
        }
        return null;
    }

    private String whyNotFit(Job job, Worker worker) {
        if (job.status != Status.QUEUED) {
            return "job is " + job.status;
        }
        if (offersOfJob(job.id).size() >= policies.get(job.queue).maxConcurrentOffers()) {
            return "job has its maximum of open offers";
        }
        if (!worker.available) {
            return "worker is not available";
        }
        Channel channel = worker.channels.get(job.channel);
        if (!worker.queues.contains(job.queue) || channel == null) {
            return "worker lacks the queue or channel";
        }
        if (job.requiredTier != null && !job.requiredTier.equals(worker.tier)) {
            return "worker's tier is not the job's selector's";
        }
        if (usedCapacity(worker) + channel.cost() > worker.capacity) {
            return "worker has no room";
        }
        if (channel.maxJobs() != null && jobsOn(worker, job.channel) >= channel.maxJobs()) {
            return "worker is at the channel's job limit";
        }
        if (offersOf(worker.id).stream().anyMatch(offer -> offer.jobId().equals(job.id))) {
            return "worker already holds an offer for the job";
        }
        Instant retryAt = worker.declines.get(job.id);
        if (retryAt != null && retryAt.isAfter(now)) {
            return "worker declined the job until " + retryAt;
        }
        return null;
    }

    // ---- what the router shows

    int usedCapacity(Worker worker) {
        int used = 0;
        for (Offer offer : offersOf(worker.id)) {
            used += offer.cost();
        }
        for (Job job : worker.held.values()) {
            used += job.cost;
        }
        return used;
    }

    List<Offer> offersOf(String workerId) {
        return openOffers.values().stream().filter(offer -> offer.workerId().equals(workerId)).toList();
    }

    List<Offer> offersOfJob(String jobId) {
        return openOffers.values().stream().filter(offer -> offer.jobId().equals(jobId)).toList();
    }

    Offer offerOf(String workerId, String offerId) {
        Offer offer = allOffers.get(offerId);
        return workers.containsKey(workerId) && offer != null && offer.workerId().equals(workerId) ? offer : null;
    }

    boolean expiryDeregisters() {
        return expiryDeregisters;
    }

    // ---- internals

    private int jobsOn(Worker worker, String channel) {
        int count = (int) offersOf(worker.id).stream().filter(offer -> offer.channel().equals(channel)).count();
        return count + (int) worker.held.values().stream().filter(job -> job.channel.equals(channel)).count();
    }

    private void release(Job job, List<String> events) {
        cancelTimers(job.id);
        workers.get(job.worker).held.remove(job.id);
        job.status = Status.CLOSED;
        job.releaseAt = null;
        events.add(key("JobClosed", job.id, job.worker));
    }

    private void end(Offer offer, String event, List<String> events) {
        openOffers.remove(offer.id());
        events.add(key(event, offer.id(), offer.jobId(), offer.workerId()));
    }

    private void schedule(Instant at, String kind, String subject) {
        timers.add(new Timer(at, nextTimer++, kind, subject));
    }

    /**
     * Drops the job's pending activation and exception timers, as the router cancels its own when the
     * job re-enters its queue, switches its matching mode, or is cancelled, closed or deleted: a timer
     * left for a job deleted and created again would fire in the wrong order among those of its instant.
     */
    private void cancelTimers(String jobId) {
        timers.removeIf(timer -> timer.subject().equals(jobId)
                && (timer.kind().equals("exception") || timer.kind().equals("slow") || timer.kind().equals("activate")));
    }

    private static boolean terminal(Job job) {
        return job.status == Status.CLOSED || job.status == Status.CANCELLED;
    }

    /** An event as the model and the router's event both render it: type, the ids involved and the time. */
    String key(String type, String... ids) {
        return type + " " + String.join(" ", ids) + " @" + now;
    }
}
