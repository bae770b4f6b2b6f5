package dev.jobrouter.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of a worker. Immutable: the router replaces it on every change.
 *
 * @param id the worker's id
 * @param capacity its total capacity
 * @param channels the channels it takes jobs on, by channel id
 * @param queues the queues it takes jobs from
 * @param labels labels, for matching; always holds {@code Id} equal to the worker id
 * @param tags tags, for the caller
 * @param availableForOffers whether it asked to receive offers
 * @param offers its open offers, oldest first
 * @param assignedJobs the jobs it holds capacity for, oldest first
 * @param idleSince when it registered or last had capacity released; breaks longest-idle ties
 * @param maxConcurrentOffers the most open offers it holds at once, or {@code null} for no limit;
 *     assignments do not count
 * @param etag an opaque tag that every change to the worker replaces; {@code null} until the router stores it
 */
public record RouterWorker(
        String id,
        int capacity,
        Map<String, ChannelConfiguration> channels,
        Set<String> queues,
        Map<String, Object> labels,
        Map<String, Object> tags,
        boolean availableForOffers,
        List<RouterJobOffer> offers,
        List<RouterWorkerAssignment> assignedJobs,
        Instant idleSince,
        Integer maxConcurrentOffers,
        String etag) {

    /** The largest capacity a worker can have, and the largest cost of a channel: a billion. */
    public static final int MAX_CAPACITY = 1_000_000_000;

    /** @return ACTIVE when available for offers, else DRAINING while it holds jobs, else INACTIVE */
    public WorkerState state() {
        if (availableForOffers) {
            return WorkerState.ACTIVE;
        }
        return assignedJobs.isEmpty() ? WorkerState.INACTIVE : WorkerState.DRAINING;
    }

    /**
     * @return the capacity held by open offers and assigned jobs; never more than {@link #capacity()},
     *     since nothing is offered beyond it and capacity cannot drop below what is held
     */
    public int usedCapacity() {
        return (int) Math.min(heldCapacity(), Integer.MAX_VALUE);
    }

    /** The sum in a long: costs up to {@link #MAX_CAPACITY} each cannot overflow it. */
    private long heldCapacity() {
        long used = 0;
        for (RouterJobOffer offer : offers) {
            used += offer.capacityCost();
        }
        for (RouterWorkerAssignment assignment : assignedJobs) {
            used += assignment.capacityCost();
        }
        return used;
    }

    /** @return used capacity over total capacity; 1 for a worker without capacity */
    public double loadRatio() {
        return capacity == 0 ? 1.0 : (double) usedCapacity() / capacity;
    }

    /**
     * @param channelId the channel's id
     * @return open offers and held jobs on the given channel
     */
    public int jobsOn(String channelId) {
        int count = 0;
        for (RouterJobOffer offer : offers) {
            if (offer.channelId().equals(channelId)) {
                count++;
            }
        }
        for (RouterWorkerAssignment assignment : assignedJobs) {
            if (assignment.channelId().equals(channelId)) {
                count++;
            }
        }
        return count;
    }

    /** @return whether it may hold one more open offer under its {@link #maxConcurrentOffers()} */
    public boolean takesMoreOffers() {
        return maxConcurrentOffers == null || offers.size() < maxConcurrentOffers;
    }

    /**
     * @param channelId the channel's id
     * @return whether one more job on the channel fits its capacity and the channel's job limit
     */
    public boolean hasRoomOn(String channelId) {
        ChannelConfiguration channel = channels.get(channelId);
        if (channel == null || heldCapacity() + channel.capacityCostPerJob() > capacity) {
            return false;
        }
        return channel.maxNumberOfJobs() == null || jobsOn(channelId) < channel.maxNumberOfJobs();
    }
}
