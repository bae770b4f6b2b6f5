package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerStateSelector;

/**
 * Which workers a list keeps; a null field does not filter.
 *
 * @param state by state; {@code null} reads as ALL
 * @param channelId workers with the channel
 * @param queueId workers on the queue
 * @param hasCapacity {@code true} keeps workers with room for one more job on {@code channelId}, or on any
 *     channel when it is null; {@code false} those without
 */
public record WorkerFilter(RouterWorkerStateSelector state, String channelId, String queueId, Boolean hasCapacity) {

    /** Keeps every worker. */
    public static final WorkerFilter ALL = new WorkerFilter(null, null, null, null);

    boolean keeps(RouterWorker worker) {
        return (state == null || state.keeps(worker.state()))
                && (channelId == null || worker.channels().containsKey(channelId))
                && (queueId == null || worker.queues().contains(queueId))
                && (hasCapacity == null || hasCapacity == hasRoom(worker));
    }

    private boolean hasRoom(RouterWorker worker) {
        if (channelId != null) {
            return worker.hasRoomOn(channelId);
        }
        return worker.channels().keySet().stream().anyMatch(worker::hasRoomOn);
    }
}
