package dev.jobrouter.core.command;

/**
 * Delete a queue; refused while it holds jobs that are not closed or cancelled, or is a classification policy's fallback. Decided as {@link QueueDeletion}.
 *
 * @param queueId the queue to delete
 */
public record DeleteQueue(String queueId) implements RouterCommand<Void> {}
