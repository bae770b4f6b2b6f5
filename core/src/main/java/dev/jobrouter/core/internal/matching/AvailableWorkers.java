package dev.jobrouter.core.internal.matching;

import dev.jobrouter.core.model.LabelValues;
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
 * Per queue and channel, the active workers with room for one more job on that channel and for one
 * more offer, in three orders: longest idle first (lowest load ratio, then idle the longest), by id
 * (for round robin), and longest idle within each label value (for {@code EQUAL} selectors, so a job
 * that wants {@code Language = fr} walks only the French speakers). Full and inactive workers are not
 * in it, so the first entries are the ones that fit. The engine keeps it in step with its worker map.
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

    /** Id order, for round robin. */
    public static final Comparator<Place> BY_ID = Comparator.comparing(Place::workerId);

    /**
     * One label value within a queue and channel.
     *
     * @param queueChannel the queue and channel
     * @param key the label key
     * @param value the value, {@linkplain LabelValues#canonical canonical}
     */
    record LabelValue(QueueChannel queueChannel, String key, Object value) {}

    private final OrderedSets<QueueChannel, Place> byQueueChannel = new OrderedSets<>(LONGEST_IDLE);
    private final OrderedSets<QueueChannel, Place> byId = new OrderedSets<>(BY_ID);
    private final OrderedSets<LabelValue, Place> byLabel = new OrderedSets<>(LONGEST_IDLE);
    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, Membership> memberships = new HashMap<>();

    /** Where a worker is in the index, to take it out again. */
    private record Membership(List<QueueChannel> queueChannels, List<LabelValue> labelValues) {}

    /** Follows a change of the worker map: {@code after} is {@code null} for a removed worker. */
    public void changed(String workerId, RouterWorker before, RouterWorker after) {
        Place current = places.remove(workerId);
        Membership joined = memberships.remove(workerId);
        if (joined != null) {
            for (QueueChannel queueChannel : joined.queueChannels()) {
                byQueueChannel.remove(queueChannel, current);
                byId.remove(queueChannel, current);
            }
            for (LabelValue labelValue : joined.labelValues()) {
                byLabel.remove(labelValue, current);
            }
        }
        if (after == null || after.state() != WorkerState.ACTIVE || !after.takesMoreOffers()) {
            return;
        }
        Place place = new Place(after.loadRatio(), after.idleSince(), workerId);
        List<QueueChannel> joining = new ArrayList<>();
        List<LabelValue> labelValues = new ArrayList<>();
        for (String channelId : after.channels().keySet()) {
            if (!after.hasRoomOn(channelId)) {
                continue;
            }
            for (String queueId : after.queues()) {
                QueueChannel queueChannel = new QueueChannel(queueId, channelId);
                byQueueChannel.add(queueChannel, place);
                byId.add(queueChannel, place);
                joining.add(queueChannel);
                after.labels().forEach((key, value) -> {
                    // Every worker's Id is its own: a set per worker would cost more than the walk it saves.
                    if (!key.equals("Id")) {
                        LabelValue labelValue = new LabelValue(queueChannel, key, LabelValues.canonical(value));
                        byLabel.add(labelValue, place);
                        labelValues.add(labelValue);
                    }
                });
            }
        }
        if (!joining.isEmpty()) {
            places.put(workerId, place);
            memberships.put(workerId, new Membership(joining, labelValues));
        }
    }

    /** @return the workers with room on the queue and channel, longest idle first; a live view */
    public NavigableSet<Place> in(QueueChannel queueChannel) {
        return byQueueChannel.in(queueChannel);
    }

    /** @return the workers with room on the queue and channel, by id; a live view */
    public NavigableSet<Place> byId(QueueChannel queueChannel) {
        return byId.in(queueChannel);
    }

    /**
     * @return the workers with room on the queue and channel whose label {@code key} equals {@code value}
     *     (numbers as numbers), longest idle first; a live view. {@code Id} is not indexed: see {@link #placeOf}
     */
    public NavigableSet<Place> withLabel(QueueChannel queueChannel, String key, Object value) {
        return byLabel.in(new LabelValue(queueChannel, key, LabelValues.canonical(value)));
    }

    /** @return how many ordered sets the index holds, empty ones included; for tests of its memory */
    public int setCount() {
        return byQueueChannel.size() + byId.size() + byLabel.size();
    }

    /** @return the worker's place, or {@code null} when it has room nowhere */
    public Place placeOf(String workerId) {
        return places.get(workerId);
    }
}
