package dev.jobrouter.core.engine;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Per queue and channel, the jobs that want another offer, in queue order: priority descending, then
 * enqueue time, then arrival. Finding the next job for a worker costs a log, not a scan.
 */
final class WaitingJobs {

    /** A job's place in its queue. */
    record Place(int priority, Instant enqueuedAt, long arrival, String jobId) {}

    static final Comparator<Place> QUEUE_ORDER = Comparator.comparingInt((Place p) -> -p.priority())
            .thenComparing(Place::enqueuedAt)
            .thenComparingLong(Place::arrival);

    private final Map<QueueChannel, NavigableSet<Place>> byQueueChannel = new HashMap<>();
    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, QueueChannel> queueChannels = new HashMap<>();

    /** Puts the job in its queue when it wants offers, takes it out when not; an unchanged place stays. */
    void update(String jobId, QueueChannel queueChannel, Place place) {
        if (place != null && place.equals(places.get(jobId)) && queueChannel.equals(queueChannels.get(jobId))) {
            return;
        }
        Place current = places.remove(jobId);
        if (current != null) {
            NavigableSet<Place> set = byQueueChannel.get(queueChannels.remove(jobId));
            set.remove(current);
        }
        if (place != null) {
            places.put(jobId, place);
            queueChannels.put(jobId, queueChannel);
            byQueueChannel.computeIfAbsent(queueChannel, k -> new TreeSet<>(QUEUE_ORDER)).add(place);
        }
    }

    NavigableSet<Place> in(QueueChannel queueChannel) {
        NavigableSet<Place> set = byQueueChannel.get(queueChannel);
        return set == null ? Collections.emptyNavigableSet() : set;
    }

    Place placeOf(String jobId) {
        return places.get(jobId);
    }
}
