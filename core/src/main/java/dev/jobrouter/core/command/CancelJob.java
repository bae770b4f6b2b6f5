package dev.jobrouter.core.command;

import dev.jobrouter.core.model.RouterJob;

/**
 * Cancel a job that is not terminal; its open offers are revoked and any capacity it holds released.
 *
 * @param jobId the job
 * @param dispositionCode the outcome; {@value #DEFAULT_DISPOSITION_CODE} when not given
 * @param note a note to add, or {@code null}
 */
public record CancelJob(String jobId, String dispositionCode, String note) implements FollowUpCommand<RouterJob> {
    /** The disposition code of a cancel that names none. */
    public static final String DEFAULT_DISPOSITION_CODE = "Cancelled";
}
