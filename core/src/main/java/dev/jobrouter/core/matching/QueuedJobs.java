package dev.jobrouter.core.matching;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per queue, every QUEUED job (with or without open offers): its position in queue order, the queue's
 * length, its longest wait and the count per priority, each in O(log n) or better, so statistics and
 * positions cost the same in a queue of a million as in one of a thousand.
 */
public final class QueuedJobs {
    /** Enqueue time, then arrival: the first is the job that has waited longest. */
    private static final Comparator<WaitingJobs.Place> WAIT_ORDER = Comparator.comparing(WaitingJobs.Place::enqueuedAt)
            .thenComparingLong(WaitingJobs.Place::arrival);

    /** One queue's jobs. */
    private static final class Queue {
        final RankedSet<WaitingJobs.Place> inOrder = new RankedSet<>(WaitingJobs.QUEUE_ORDER);
        final RankedSet<WaitingJobs.Place> byWait = new RankedSet<>(WAIT_ORDER);
        /** Priority, highest first, to the number of jobs with it. */
        final SortedMap<Integer, Integer> perPriority = new TreeMap<>(Comparator.reverseOrder());
    }

    private final Map<String, Queue> queues = new HashMap<>();
    private final Map<String, WaitingJobs.Place> places = new HashMap<>();
    private final Map<String, String> queueIds = new HashMap<>();

    /** Records the job as QUEUED in the queue at the place ({@code place} not null), or as not queued. */
    public void update(String jobId, String queueId, WaitingJobs.Place place) {
        WaitingJobs.Place current = places.get(jobId);
        if (place != null && place.equals(current) && queueId.equals(queueIds.get(jobId))) {
            return;
        }
        if (current != null) {
            places.remove(jobId);
            String leaving = queueIds.remove(jobId);
            Queue queue = queues.get(leaving);
            queue.inOrder.remove(current);
            queue.byWait.remove(current);
            queue.perPriority.merge(current.priority(), -1, (a, b) -> a + b == 0 ? null : a + b);
            if (queue.inOrder.size() == 0) {
                queues.remove(leaving);
            }
        }
        if (place != null) {
            places.put(jobId, place);
            queueIds.put(jobId, queueId);
            Queue queue = queues.computeIfAbsent(queueId, id -> new Queue());
            queue.inOrder.add(place);
            queue.byWait.add(place);
            queue.perPriority.merge(place.priority(), 1, Integer::sum);
        }
    }

    /** @return the job's 1-based position in its queue, or 0 when it is not queued */
    public int positionOf(String jobId) {
        WaitingJobs.Place place = places.get(jobId);
        return place == null ? 0 : queues.get(queueIds.get(jobId)).inOrder.countBefore(place) + 1;
    }

    /** @return the number of QUEUED jobs in the queue */
    public int length(String queueId) {
        Queue queue = queues.get(queueId);
        return queue == null ? 0 : queue.inOrder.size();
    }

    /** @return when the queue's longest-waiting job was queued, or {@code null} for an empty queue */
    public Instant earliestEnqueuedAt(String queueId) {
        Queue queue = queues.get(queueId);
        return queue == null ? null : queue.byWait.first().enqueuedAt();
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
