package dev.jobrouter.core.command;

import dev.jobrouter.core.model.RouterJob;
import java.time.Instant;

/**
 * Close a completed (or assigned, completing it implicitly) job and release its capacity, now or later.
 * The rules decide the release instant by inserting {@code ReleaseCapacityAt}.
 *
 * @param jobId the job
 * @param assignmentId its current assignment
 * @param dispositionCode the outcome, or {@code null}
 * @param closeAt when to release the capacity, or {@code null} for now
 * @param note a note to add, or {@code null}
 */
public record CloseJob(String jobId, String assignmentId, String dispositionCode, Instant closeAt, String note)
        implements RouterCommand<RouterJob> {}
