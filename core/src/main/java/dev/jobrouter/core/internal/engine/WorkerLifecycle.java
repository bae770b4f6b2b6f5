package dev.jobrouter.core.internal.engine;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.DeleteWorker;
import dev.jobrouter.core.command.DeregisterWorker;
import dev.jobrouter.core.command.OfferRetryDue;
import dev.jobrouter.core.command.RegisterWorker;
import dev.jobrouter.core.command.UpdateWorker;
import dev.jobrouter.core.command.UpsertWorker;
import dev.jobrouter.core.event.WorkerDeleted;
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

/** The worker commands: upsert (which registers and deregisters) and the deregistration rules ask for. */
final class WorkerLifecycle implements Handlers.Family {
    private final RouterState state;
    private final Decider decider;
    private final OfferLifecycle offers;

    WorkerLifecycle(RouterState state, Decider decider, OfferLifecycle offers) {
        this.state = state;
        this.decider = decider;
        this.offers = offers;
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(UpsertWorker.class, this::upsert);
        handlers.on(DeregisterWorker.class, this::deregister);
        handlers.on(DeleteWorker.class, this::delete);
    }

    RouterWorker upsert(UpsertWorker command, Transaction tx) {
        String workerId = Ids.check("workerId", command.workerId());
        RouterWorker current = state.workers.get(workerId);
        if (current == null && command.capacity() == null) {
            throw RouterException.invalid("new worker " + workerId + " needs a capacity");
        }
        if (command.capacity() != null && (command.capacity() < 0 || command.capacity() > RouterWorker.MAX_CAPACITY)) {
            throw RouterException.invalid("capacity of worker " + workerId + " must be between 0 and "
                    + RouterWorker.MAX_CAPACITY + ", not " + command.capacity());
        }
        if (command.maxConcurrentOffers() != null && command.maxConcurrentOffers() < 1) {
            throw RouterException.invalid("maxConcurrentOffers of worker " + workerId + " must be 1 or more, not "
                    + command.maxConcurrentOffers());
        }
        Map<String, ChannelConfiguration> channels =
                command.channels() == null ? null : checkChannels(workerId, command.channels());
        Set<String> queues = command.queues() == null ? null : checkQueues(workerId, command.queues());
        Map<String, Object> labels = Labels.checked("label of worker " + workerId, command.labels());
        Labels.keepsId("label of worker " + workerId, labels, command.removedLabels(), workerId);
        Map<String, Object> tags = Labels.checked("tag of worker " + workerId, command.tags());
        Map<String, Object> currentLabels = Labels.without("label of worker " + workerId,
                current == null ? Map.of() : current.labels(), command.removedLabels());
        Map<String, Object> currentTags = Labels.without("tag of worker " + workerId,
                current == null ? Map.of() : current.tags(), command.removedTags());

        RouterWorker proposed = new RouterWorker(
                workerId,
                Patch.given(command.capacity(), current, RouterWorker::capacity, null),
                Patch.given(channels, current, RouterWorker::channels, ImmutableMap.of()),
                Patch.given(queues, current, RouterWorker::queues, ImmutableSet.of()),
                Labels.merged(Labels.merged(currentLabels, labels), Map.of(Labels.ID, workerId)),
                Labels.merged(currentTags, tags),
                Patch.given(command.availableForOffers(), current, RouterWorker::availableForOffers, false),
                current == null ? List.of() : current.offers(),
                current == null ? List.of() : current.assignedJobs(),
                current == null ? tx.now() : current.idleSince(),
                Patch.given(command.maxConcurrentOffers(), current, RouterWorker::maxConcurrentOffers, null),
                null);

        decider.require(tx, new UpdateWorker(workerId),
                () -> "worker " + workerId + " is " + (current == null ? "new" : current.state()), null, proposed, null);
        boolean wasAvailable = current != null && current.availableForOffers();
        if (proposed.availableForOffers() && !wasAvailable) {
            register(tx, current, proposed);
        } else if (!proposed.availableForOffers() && wasAvailable) {
            deregister(tx, current, proposed);
        } else {
            state.workers.put(workerId, proposed);
            tx.publish(settings(tx, proposed, WorkerUpdated::new));
        }
        tx.workersToMatch.add(workerId);
        return state.workers.get(workerId);
    }

    /** Deregisters a worker if it is available; a worker that is not stays as it is. */
    RouterWorker deregister(DeregisterWorker command, Transaction tx) {
        RouterWorker current = state.worker(command.workerId());
        if (current.availableForOffers()) {
            deregister(tx, current, Snapshots.withAvailability(current, false, current.idleSince()));
        }
        return state.workers.get(current.id());
    }

    /** Deletes a worker that holds no job: its open offers are revoked, and what is kept for it goes. */
    Void delete(DeleteWorker command, Transaction tx) {
        RouterWorker worker = state.worker(command.workerId());
        decider.require(tx, command, () -> "worker " + worker.id() + " is " + worker.state() + " holding "
                + worker.assignedJobs().size() + " jobs", null, worker, null);
        offers.revokeOffersOf(tx, worker);
        forgetDeclines(worker.id());
        state.workers.remove(worker.id());
        tx.publish(new WorkerDeleted(tx.sequence(), tx.now(), worker.id()));
        return null;
    }

    private void register(Transaction tx, RouterWorker current, RouterWorker proposed) {
        decider.require(tx, new RegisterWorker(proposed.id()),
                () -> "worker " + proposed.id() + " is " + (current == null ? "new" : current.state()), null, proposed, null);
        RouterWorker registered = Snapshots.withAvailability(proposed, true, tx.now());
        state.workers.put(proposed.id(), registered);
        // Registering again wipes the slate: jobs it declined may be offered to it again.
        forgetDeclines(proposed.id());
        tx.publish(settings(tx, registered, WorkerRegistered::new));
    }

    /** Forgets the jobs the worker declined, with their retry timers. */
    private void forgetDeclines(String workerId) {
        ImmutableMap<String, Instant> declined = state.declines.get(workerId);
        state.declines.remove(workerId);
        if (declined != null) {
            declined.forEach((jobId, retryAt) -> state.timers.cancel(new OfferRetryDue(jobId, workerId, retryAt)));
        }
    }

    private void deregister(Transaction tx, RouterWorker current, RouterWorker proposed) {
        decider.require(tx, new DeregisterWorker(current.id()),
                () -> "worker " + current.id() + " is " + current.state(), null, current, null);
        state.workers.put(current.id(), proposed);
        offers.revokeOffersOf(tx, current);
        tx.publish(settings(tx, state.workers.get(current.id()), WorkerDeregistered::new));
    }

    /** The constructor shape the three worker events share. */
    @FunctionalInterface
    private interface WorkerEvent<E> {
        E of(long sequence, Instant at, String workerId, dev.jobrouter.core.model.WorkerState state, int capacity,
                Map<String, ChannelConfiguration> channels, Set<String> queues, Map<String, Object> labels,
                Map<String, Object> tags);
    }

    private static <E> E settings(Transaction tx, RouterWorker worker, WorkerEvent<E> event) {
        return event.of(tx.sequence(), tx.now(), worker.id(), worker.state(), worker.capacity(), worker.channels(),
                worker.queues(), worker.labels(), worker.tags());
    }

    private static Map<String, ChannelConfiguration> checkChannels(String workerId, Map<String, ChannelConfiguration> channels) {
        channels.forEach((channelId, channel) -> {
            Ids.check("channelId of worker " + workerId, channelId);
            if (channel == null) {
                throw RouterException.invalid("channel " + channelId + " of worker " + workerId + " must not be null");
            }
            if (!channelId.equals(channel.channelId())) {
                throw RouterException.invalid("channel " + channelId + " of worker " + workerId
                        + " is configured as channel " + channel.channelId());
            }
            if (channel.capacityCostPerJob() < 0 || channel.capacityCostPerJob() > RouterWorker.MAX_CAPACITY) {
                throw RouterException.invalid("capacity cost of channel " + channelId + " of worker " + workerId
                        + " must be between 0 and " + RouterWorker.MAX_CAPACITY + ", not " + channel.capacityCostPerJob());
            }
            if (channel.maxNumberOfJobs() != null
                    && (channel.maxNumberOfJobs() < 1 || channel.maxNumberOfJobs() > RouterWorker.MAX_CAPACITY)) {
                throw RouterException.invalid("max number of jobs on channel " + channelId + " of worker " + workerId
                        + " must be between 1 and " + RouterWorker.MAX_CAPACITY + ", not " + channel.maxNumberOfJobs());
            }
        });
        return ImmutableMap.copyOf(channels);
    }

    private Set<String> checkQueues(String workerId, Set<String> queues) {
        for (String queueId : queues) {
            Ids.check("queueId of worker " + workerId, queueId);
            if (state.queues.get(queueId) == null) {
                throw RouterException.invalid("worker " + workerId + " names queue " + queueId + ", which does not exist");
            }
        }
        return ImmutableSet.copyOf(queues);
    }
}
