package dev.jobrouter.core.matching;

import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.WorkerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * Per queue and channel, the active workers with room for one more job on that channel, longest idle
 * first: lowest load ratio, then idle the longest. Full and inactive workers are not in it, so the
 * first entries are the ones that fit. The engine keeps it in step with its worker map.
 */
public final class AvailableWorkers {

    /**
     * A worker's place in the longest-idle order.
     *
     * @param loadRatio used over total capacity
     * @param idleSince when it last had capacity released
     * @param workerId the worker
     */
    public record Place(double loadRatio, Instant idleSince, String workerId) {}

    /** Lowest load ratio first, then idle the longest, then by id. */
    public static final Comparator<Place> LONGEST_IDLE = Comparator.comparingDouble(Place::loadRatio)
            .thenComparing(Place::idleSince)
            .thenComparing(Place::workerId);

    private final QueueChannelSets<Place> byQueueChannel = new QueueChannelSets<>(LONGEST_IDLE);
    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, List<QueueChannel>> memberships = new HashMap<>();

    /** Follows a change of the worker map: {@code after} is {@code null} for a removed worker. */
    public void changed(String workerId, RouterWorker before, RouterWorker after) {
        Place current = places.remove(workerId);
        List<QueueChannel> joined = memberships.remove(workerId);
        if (joined != null) {
            for (QueueChannel queueChannel : joined) {
                byQueueChannel.remove(queueChannel, current);
            }
        }
        if (after == null || after.state() != WorkerState.ACTIVE) {
            return;
        }
        Place place = new Place(after.loadRatio(), after.idleSince(), workerId);
        List<QueueChannel> joining = new ArrayList<>();
        for (String channelId : after.channels().keySet()) {
            if (!after.hasRoomOn(channelId)) {
                continue;
            }
            for (String queueId : after.queues()) {
                QueueChannel queueChannel = new QueueChannel(queueId, channelId);
                byQueueChannel.add(queueChannel, place);
                joining.add(queueChannel);
            }
        }
        if (!joining.isEmpty()) {
            places.put(workerId, place);
            memberships.put(workerId, joining);
        }
    }

    /** @return the workers with room on the queue and channel, longest idle first; a live view */
    public NavigableSet<Place> in(QueueChannel queueChannel) {
        return byQueueChannel.in(queueChannel);
    }

    /** @return how many queue-and-channel sets the index holds, empty ones included; for tests of its memory */
    public int setCount() {
        return byQueueChannel.size();
    }

    /** @return the worker's place, or {@code null} when it has room nowhere */
    public Place placeOf(String workerId) {
        return places.get(workerId);
    }
}
