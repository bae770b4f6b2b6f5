package dev.jobrouter.core.model;

/**
 * How a job waits for a worker: matched as soon as it is queued (the default), held until a scheduled
 * instant, or held until the caller switches it back to {@link QueueAndMatchMode}.
 */
public sealed interface JobMatchingMode permits QueueAndMatchMode, ScheduleAndSuspendMode, SuspendMode {}
