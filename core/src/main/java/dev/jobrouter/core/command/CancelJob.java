package dev.jobrouter.core.command;

/**
 * Cancel a job that is not terminal; its open offers are revoked and any capacity it holds released.
 *
 * @param jobId the job
 * @param dispositionCode the outcome; {@code "Cancelled"} when not given
 * @param note a note to add, or {@code null}
 */
public record CancelJob(String jobId, String dispositionCode, String note) implements Command {
    /** The disposition code of a cancel that names none. */
    public static final String DEFAULT_DISPOSITION_CODE = "Cancelled";
}
