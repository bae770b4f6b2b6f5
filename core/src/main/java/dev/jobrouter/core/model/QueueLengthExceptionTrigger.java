package dev.jobrouter.core.model;

/**
 * Fires for a job entering the queue when the queue's QUEUED jobs, counting it, exceed the threshold.
 *
 * @param threshold 1 or more
 */
public record QueueLengthExceptionTrigger(int threshold) implements ExceptionTrigger {}
