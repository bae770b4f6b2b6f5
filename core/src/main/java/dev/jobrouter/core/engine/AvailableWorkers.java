package dev.jobrouter.core.engine;

import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.WorkerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Per queue and channel, the active workers with room for one more job on that channel, longest idle
 * first: lowest load ratio, then idle the longest. Full and inactive workers are not in it, so the
 * first entries are the ones that fit.
 */
final class AvailableWorkers {

    /** A worker's place in the longest-idle order. */
    record Place(double loadRatio, Instant idleSince, String workerId) {}

    static final Comparator<Place> LONGEST_IDLE = Comparator.comparingDouble(Place::loadRatio)
            .thenComparing(Place::idleSince)
            .thenComparing(Place::workerId);

    private final Map<QueueChannel, NavigableSet<Place>> byQueueChannel = new HashMap<>();
    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, List<QueueChannel>> memberships = new HashMap<>();

    /** A {@link TrackedMap.Listener} for the worker map. */
    void changed(String workerId, RouterWorker before, RouterWorker after) {
        Place current = places.remove(workerId);
        for (QueueChannel queueChannel : memberships.getOrDefault(workerId, List.of())) {
            byQueueChannel.get(queueChannel).remove(current);
        }
        memberships.remove(workerId);
        if (after == null || after.state() != WorkerState.ACTIVE) {
            return;
        }
        Place place = new Place(after.loadRatio(), after.idleSince(), workerId);
        List<QueueChannel> joined = new ArrayList<>();
        for (String channelId : after.channels().keySet()) {
            if (!after.hasRoomOn(channelId)) {
                continue;
            }
            for (String queueId : after.queues()) {
                QueueChannel queueChannel = new QueueChannel(queueId, channelId);
                byQueueChannel.computeIfAbsent(queueChannel, k -> new TreeSet<>(LONGEST_IDLE)).add(place);
                joined.add(queueChannel);
            }
        }
        if (!joined.isEmpty()) {
            places.put(workerId, place);
            memberships.put(workerId, joined);
        }
    }

    NavigableSet<Place> in(QueueChannel queueChannel) {
        NavigableSet<Place> set = byQueueChannel.get(queueChannel);
        return set == null ? Collections.emptyNavigableSet() : set;
    }

    Place placeOf(String workerId) {
        return places.get(workerId);
    }
}
