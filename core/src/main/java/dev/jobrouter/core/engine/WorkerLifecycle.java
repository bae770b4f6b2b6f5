package dev.jobrouter.core.engine;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.DeregisterWorker;
import dev.jobrouter.core.command.OfferRetryDue;
import dev.jobrouter.core.command.RegisterWorker;
import dev.jobrouter.core.command.UpdateWorker;
import dev.jobrouter.core.event.WorkerDeregistered;
import dev.jobrouter.core.event.WorkerRegistered;
import dev.jobrouter.core.event.WorkerUpdated;
import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.Labels;
import dev.jobrouter.core.model.RouterWorker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates and changes workers; registers and deregisters them. */
final class WorkerLifecycle {
    private final Context ctx;
    private final OfferLifecycle offers;

    WorkerLifecycle(Context ctx, OfferLifecycle offers) {
        this.ctx = ctx;
        this.offers = offers;
    }

    RouterWorker upsert(WorkerSpec spec) {
        String workerId = Ids.check("workerId", spec.workerId());
        RouterWorker current = ctx.state.workers.get(workerId);
        if (current == null && spec.capacity() == null) {
            throw RouterException.invalid("new worker " + workerId + " needs a capacity");
        }
        if (spec.capacity() != null && spec.capacity() < 0) {
            throw RouterException.invalid("capacity of worker " + workerId + " must be 0 or more, not " + spec.capacity());
        }
        Map<String, ChannelConfiguration> channels = spec.channels() == null ? null : checkChannels(workerId, spec.channels());
        Set<String> queues = spec.queues() == null ? null : checkQueues(workerId, spec.queues());
        Map<String, Object> labels = Labels.checked("label of worker " + workerId, spec.labels());
        Map<String, Object> tags = Labels.checked("tag of worker " + workerId, spec.tags());

        RouterWorker proposed = new RouterWorker(
                workerId,
                Patch.given(spec.capacity(), current, RouterWorker::capacity, null),
                Patch.given(channels, current, RouterWorker::channels, ImmutableMap.of()),
                Patch.given(queues, current, RouterWorker::queues, ImmutableSet.of()),
                Labels.merged(Labels.merged(current == null ? Map.of() : current.labels(), labels), Map.of("Id", workerId)),
                Labels.merged(current == null ? Map.of() : current.tags(), tags),
                Patch.given(spec.availableForOffers(), current, RouterWorker::availableForOffers, false),
                current == null ? List.of() : current.offers(),
                current == null ? List.of() : current.assignedJobs(),
                current == null ? ctx.now() : current.idleSince());

        ctx.decider.require(new UpdateWorker(workerId),
                () -> "worker " + workerId + " is " + (current == null ? "new" : current.state()), null, proposed, null);
        boolean wasAvailable = current != null && current.availableForOffers();
        if (proposed.availableForOffers() && !wasAvailable) {
            register(current, proposed);
        } else if (!proposed.availableForOffers() && wasAvailable) {
            deregister(current, proposed);
        } else {
            ctx.state.workers.put(workerId, proposed);
            ctx.publish(new WorkerUpdated(ctx.now(), workerId));
        }
        ctx.workersToMatch.add(workerId);
        return ctx.state.workers.get(workerId);
    }

    /** Deregisters a worker if it is available; used for rule follow-ups. */
    void deregister(String workerId) {
        RouterWorker current = ctx.worker(workerId);
        if (current.availableForOffers()) {
            deregister(current, Snapshots.withAvailability(current, false, current.idleSince()));
        }
    }

    private void register(RouterWorker current, RouterWorker proposed) {
        ctx.decider.require(new RegisterWorker(proposed.id()),
                () -> "worker " + proposed.id() + " is " + (current == null ? "new" : current.state()), null, proposed, null);
        ctx.state.workers.put(proposed.id(), Snapshots.withAvailability(proposed, true, ctx.now()));
        // Registering again wipes the slate: jobs it declined may be offered to it again.
        ImmutableMap<String, Instant> declined = ctx.state.declines.get(proposed.id());
        ctx.state.declines.remove(proposed.id());
        if (declined != null) {
            declined.forEach((jobId, retryAt) -> ctx.timers.cancel(new OfferRetryDue(jobId, proposed.id(), retryAt)));
        }
        ctx.publish(new WorkerRegistered(ctx.now(), proposed.id()));
    }

    private void deregister(RouterWorker current, RouterWorker proposed) {
        ctx.decider.require(new DeregisterWorker(current.id()),
                () -> "worker " + current.id() + " is " + current.state(), null, current, null);
        ctx.state.workers.put(current.id(), proposed);
        offers.revokeOffersOf(current);
        ctx.publish(new WorkerDeregistered(ctx.now(), current.id()));
    }

    private static Map<String, ChannelConfiguration> checkChannels(String workerId, Map<String, ChannelConfiguration> channels) {
        channels.forEach((channelId, channel) -> {
            Ids.check("channelId of worker " + workerId, channelId);
            if (channel.capacityCostPerJob() < 0) {
                throw RouterException.invalid("capacity cost of channel " + channelId + " of worker " + workerId
                        + " must be 0 or more, not " + channel.capacityCostPerJob());
            }
            if (channel.maxNumberOfJobs() != null && channel.maxNumberOfJobs() < 1) {
                throw RouterException.invalid("max number of jobs on channel " + channelId + " of worker " + workerId
                        + " must be 1 or more, not " + channel.maxNumberOfJobs());
            }
        });
        return ImmutableMap.copyOf(channels);
    }

    private Set<String> checkQueues(String workerId, Set<String> queues) {
        for (String queueId : queues) {
            Ids.check("queueId of worker " + workerId, queueId);
            if (ctx.state.queues.get(queueId) == null) {
                throw RouterException.invalid("worker " + workerId + " names queue " + queueId + ", which does not exist");
            }
        }
        return ImmutableSet.copyOf(queues);
    }
}
