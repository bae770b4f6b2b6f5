package dev.jobrouter.core.internal.matching;

import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per queue, every QUEUED job (with or without open offers) in queue order: a job's position, the
 * queue's length, its longest wait and the count per priority, each in O(log n) or better, so statistics
 * and positions cost the same in a queue of a million as in one of a thousand.
 *
 * <p>It keeps one tree node per queued job and no map by job: a job's place is computed from the job
 * itself, as the jobs map's listener hands it over before and after each change.
 */
public final class QueuedJobs {
    /** One queue's jobs. */
    private static final class Queue {
        final QueueOrderTree jobs = new QueueOrderTree();
        /** Priority, highest first, to the number of jobs with it. */
        final SortedMap<Integer, Integer> perPriority = new TreeMap<>(Comparator.reverseOrder());
    }

    private final Map<String, Queue> queues = new HashMap<>();

    /** @return the job's place in queue order, given its arrival number */
    public static WaitingJobs.Place placeOf(RouterJob job, long arrival) {
        return new WaitingJobs.Place(job.priority(), job.expedited(), job.enqueuedAt(), arrival, job.id());
    }

    /** Follows a change of a job: {@code before} or {@code after} is {@code null} when it did not exist. */
    public void changed(RouterJob before, RouterJob after, long arrival) {
        WaitingJobs.Place was = isQueued(before) ? placeOf(before, arrival) : null;
        WaitingJobs.Place is = isQueued(after) ? placeOf(after, arrival) : null;
        if (was != null && was.equals(is) && before.queueId().equals(after.queueId())) {
            return;
        }
        if (was != null) {
            Queue queue = queues.get(before.queueId());
            queue.jobs.remove(was);
            queue.perPriority.merge(was.priority(), -1, (a, b) -> a + b == 0 ? null : a + b);
            if (queue.jobs.size() == 0) {
                queues.remove(before.queueId());   // a queue's entry goes with its last queued job
            }
        }
        if (is != null) {
            Queue queue = queues.computeIfAbsent(after.queueId(), id -> new Queue());
            queue.jobs.add(is);
            queue.perPriority.merge(is.priority(), 1, Integer::sum);
        }
    }

    private static boolean isQueued(RouterJob job) {
        return job != null && job.status() == JobStatus.QUEUED;
    }

    /** @return the job's 1-based position in its queue, or 0 when it is not queued */
    public int positionOf(RouterJob job, long arrival) {
        return isQueued(job) ? queues.get(job.queueId()).jobs.countBefore(placeOf(job, arrival)) + 1 : 0;
    }

    /** @return the number of QUEUED jobs in the queue */
    public int length(String queueId) {
        Queue queue = queues.get(queueId);
        return queue == null ? 0 : queue.jobs.size();
    }

    /** @return when the queue's longest-waiting job was queued, or {@code null} for an empty queue */
    public Instant earliestEnqueuedAt(String queueId) {
        Queue queue = queues.get(queueId);
        return queue == null ? null : queue.jobs.longestWaitingSince();
    }

    /** @return per priority present in the queue, highest first, the number of jobs with it */
    public SortedMap<Integer, Integer> countPerPriority(String queueId) {
        Queue queue = queues.get(queueId);
        return queue == null ? new TreeMap<>() : new TreeMap<>(queue.perPriority);
    }

    /** @return how many queues hold jobs; for tests of its memory */
    public int queueCount() {
        return queues.size();
    }
}
