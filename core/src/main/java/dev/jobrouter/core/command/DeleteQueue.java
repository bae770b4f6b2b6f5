package dev.jobrouter.core.command;

/**
 * Delete a queue; refused while it holds jobs that are not closed or cancelled, is a classification policy's fallback, or an
 * exception policy's manual reclassify action moves jobs into it. Decided as {@link QueueDeletion}.
 *
 * @param queueId the queue to delete
 */
public record DeleteQueue(String queueId) implements RouterCommand<Void> {}
