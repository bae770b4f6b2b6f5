package dev.jobrouter.core.model;

import java.time.Instant;

/**
 * The job is SCHEDULED until {@code scheduleAt}, then WAITING_FOR_ACTIVATION (with its {@code scheduledAt}
 * set) until the caller switches it to {@link QueueAndMatchMode}; it is never offered before that.
 *
 * @param scheduleAt when it stops being scheduled; an instant already past makes it wait at once
 */
public record ScheduleAndSuspendMode(Instant scheduleAt) implements JobMatchingMode {}
