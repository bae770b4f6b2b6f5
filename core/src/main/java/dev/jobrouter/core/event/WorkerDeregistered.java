package dev.jobrouter.core.event;

import dev.jobrouter.core.model.ChannelConfiguration;
import dev.jobrouter.core.model.WorkerState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A worker stopped taking offers; its open offers are revoked, each with its own event.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param workerId the worker
 * @param state its state after the change
 * @param capacity its total capacity
 * @param channels its channels, by channel id
 * @param queues the queues it takes jobs from
 * @param labels its labels
 * @param tags its tags
 */
public record WorkerDeregistered(long sequence, Instant at, String workerId, WorkerState state, int capacity,
        Map<String, ChannelConfiguration> channels, Set<String> queues, Map<String, Object> labels,
        Map<String, Object> tags) implements RouterEvent {}
