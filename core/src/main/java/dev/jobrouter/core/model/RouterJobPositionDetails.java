package dev.jobrouter.core.model;

/**
 * Where a queued job stands, as {@code getQueuePosition} returns it.
 *
 * @param jobId the job
 * @param position its 1-based place in queue order: priority descending, expedited first, enqueue time, arrival
 * @param queueId its queue
 * @param queueLength the queue's QUEUED jobs
 * @param estimatedWaitTimeMinutes a whole number of minutes, at least 0: one for each job ahead of it
 */
public record RouterJobPositionDetails(String jobId, int position, String queueId, int queueLength,
        double estimatedWaitTimeMinutes) {}
