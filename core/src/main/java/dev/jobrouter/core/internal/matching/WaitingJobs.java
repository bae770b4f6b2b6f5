package dev.jobrouter.core.internal.matching;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;

/**
 * Per queue and channel, the jobs that want another offer, in queue order: priority descending, then
 * expedited first, then enqueue time, then arrival. Finding the next job for a worker costs a log, not a scan.
 */
public final class WaitingJobs {

    /**
     * A job's place in its queue.
     *
     * @param priority the job's priority
     * @param expedited whether an active selector expedites it: ahead of the others of its priority
     * @param enqueuedAt when it was queued
     * @param arrival its arrival number, the last tie-breaker
     * @param jobId the job
     */
    public record Place(int priority, boolean expedited, Instant enqueuedAt, long arrival, String jobId) {}

    /** Priority descending, then expedited first, then enqueue time, then arrival. */
    public static final Comparator<Place> QUEUE_ORDER = Comparator.comparingInt((Place p) -> -p.priority())
            .thenComparing(p -> !p.expedited())
            .thenComparing(Place::enqueuedAt)
            .thenComparingLong(Place::arrival);

    private final OrderedSets<QueueChannel, Place> byQueueChannel = new OrderedSets<>(QUEUE_ORDER);
    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, QueueChannel> queueChannels = new HashMap<>();

    /** Puts the job in its queue when it wants offers ({@code place} not null), takes it out when not. */
    public void update(String jobId, QueueChannel queueChannel, Place place) {
        if (place != null && place.equals(places.get(jobId)) && queueChannel.equals(queueChannels.get(jobId))) {
            return;
        }
        Place current = places.remove(jobId);
        if (current != null) {
            byQueueChannel.remove(queueChannels.remove(jobId), current);
        }
        if (place != null) {
            places.put(jobId, place);
            queueChannels.put(jobId, queueChannel);
            byQueueChannel.add(queueChannel, place);
        }
    }

    /** @return the jobs waiting on the queue and channel, in queue order; a live view */
    public NavigableSet<Place> in(QueueChannel queueChannel) {
        return byQueueChannel.in(queueChannel);
    }

    /** @return how many queue-and-channel sets the index holds, empty ones included; for tests of its memory */
    public int setCount() {
        return byQueueChannel.size();
    }

    /** @return the job's place, or {@code null} when it wants no offer */
    public Place placeOf(String jobId) {
        return places.get(jobId);
    }
}
