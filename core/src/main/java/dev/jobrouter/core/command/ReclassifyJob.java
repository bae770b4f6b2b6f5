package dev.jobrouter.core.command;

import dev.jobrouter.core.model.RouterJob;

/**
 * Classify a QUEUED or CLASSIFICATION_FAILED job again with its classification policy. Decided as
 * itself, then as {@link ClassifyJob}.
 *
 * @param jobId the job
 */
public record ReclassifyJob(String jobId) implements RouterCommand<RouterJob> {}
