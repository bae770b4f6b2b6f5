package dev.jobrouter.core.matching;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Per queue and channel, the jobs that want another offer, in queue order: priority descending, then
 * enqueue time, then arrival. Finding the next job for a worker costs a log, not a scan. A queue and
 * channel without waiting jobs is dropped.
 */
public final class WaitingJobs {

    /**
     * A job's place in its queue.
     *
     * @param priority the job's priority
     * @param enqueuedAt when it was queued
     * @param arrival its arrival number, the last tie-breaker
     * @param jobId the job
     */
    public record Place(int priority, Instant enqueuedAt, long arrival, String jobId) {}

    /** Priority descending, then enqueue time, then arrival. */
    public static final Comparator<Place> QUEUE_ORDER = Comparator.comparingInt((Place p) -> -p.priority())
            .thenComparing(Place::enqueuedAt)
            .thenComparingLong(Place::arrival);

    private final Map<QueueChannel, NavigableSet<Place>> byQueueChannel = new HashMap<>();
    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, QueueChannel> queueChannels = new HashMap<>();

    /** Puts the job in its queue when it wants offers ({@code place} not null), takes it out when not. */
    public void update(String jobId, QueueChannel queueChannel, Place place) {
        if (place != null && place.equals(places.get(jobId)) && queueChannel.equals(queueChannels.get(jobId))) {
            return;
        }
        Place current = places.remove(jobId);
        if (current != null) {
            QueueChannel was = queueChannels.remove(jobId);
            NavigableSet<Place> set = byQueueChannel.get(was);
            set.remove(current);
            if (set.isEmpty()) {
                byQueueChannel.remove(was);
            }
        }
        if (place != null) {
            places.put(jobId, place);
            queueChannels.put(jobId, queueChannel);
            byQueueChannel.computeIfAbsent(queueChannel, k -> new TreeSet<>(QUEUE_ORDER)).add(place);
        }
    }

    /** @return the jobs waiting on the queue and channel, in queue order; a live view */
    public NavigableSet<Place> in(QueueChannel queueChannel) {
        NavigableSet<Place> set = byQueueChannel.get(queueChannel);
        return set == null ? Collections.emptyNavigableSet() : set;
    }

    /** @return the job's place, or {@code null} when it wants no offer */
    public Place placeOf(String jobId) {
        return places.get(jobId);
    }
}
