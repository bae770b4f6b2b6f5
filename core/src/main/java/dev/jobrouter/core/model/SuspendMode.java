package dev.jobrouter.core.model;

/** The job waits for activation (WAITING_FOR_ACTIVATION) until the caller switches it to {@link QueueAndMatchMode}. */
public record SuspendMode() implements JobMatchingMode {}
