package dev.jobrouter.core.event;

import java.time.Instant;
import java.util.Map;

/**
 * A job's priority, labels or tags changed. It carries the values after the change.
 *
 * @param sequence the event's number: gap-free, in commit order, from 0
 * @param at when it happened: the instant of the command that caused it
 * @param jobId the job
 * @param priority its priority now
 * @param labels all its labels now
 * @param tags all its tags now
 * @param updatedLabels the labels the update set, a subset of {@code labels}
 * @param updatedTags the tags the update set, a subset of {@code tags}
 */
public record JobUpdated(long sequence, Instant at, String jobId, int priority, Map<String, Object> labels, Map<String, Object> tags,
        Map<String, Object> updatedLabels, Map<String, Object> updatedTags) implements RouterEvent {}
