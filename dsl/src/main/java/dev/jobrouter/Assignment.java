package dev.jobrouter;

import dev.jobrouter.core.model.AcceptJobOfferResult;
import dev.jobrouter.core.model.RouterJob;
import java.time.Instant;

/** An accepted job, to complete and close: {@code assignment.complete().close("resolved")}. */
public final class Assignment {
    private final JobRouter router;
    private final AcceptJobOfferResult accepted;

    Assignment(JobRouter router, AcceptJobOfferResult accepted) {
        this.router = router;
        this.accepted = accepted;
    }

    /** @return the assignment's id */
    public String assignmentId() {
        return accepted.assignmentId();
    }

    /** @return the assigned job's id */
    public String jobId() {
        return accepted.jobId();
    }

    /** @return the assigned worker's id */
    public String workerId() {
        return accepted.workerId();
    }

    /**
     * Completes the job; the worker keeps the capacity until it is closed.
     *
     * @return this assignment, for chaining
     */
    public Assignment complete() {
        router.completeJob(jobId(), assignmentId());
        return this;
    }

    /**
     * Completes the job with a note.
     *
     * @param note a note recorded on the job
     * @return this assignment, for chaining
     */
    public Assignment complete(String note) {
        router.completeJob(jobId(), assignmentId(), note);
        return this;
    }

    /**
     * Closes the job and releases the capacity now.
     *
     * @return the job as the command left it
     */
    public RouterJob close() {
        return router.closeJob(jobId(), assignmentId());
    }

    /**
     * Closes the job with a disposition code and releases the capacity now.
     *
     * @param dispositionCode the disposition code recorded on the job
     * @return the job as the command left it
     */
    public RouterJob close(String dispositionCode) {
        return router.closeJob(jobId(), assignmentId(), dispositionCode);
    }

    /**
     * Closes the job, releasing the capacity at {@code closeAt}.
     *
     * @param dispositionCode the disposition code recorded on the job
     * @param closeAt when the worker's capacity is released
     * @return the job as the command left it
     */
    public RouterJob close(String dispositionCode, Instant closeAt) {
        return router.closeJob(jobId(), assignmentId(), dispositionCode, closeAt);
    }

    /**
     * Closes the job with a note, releasing the capacity at {@code closeAt}.
     *
     * @param dispositionCode the disposition code recorded on the job
     * @param closeAt when the worker's capacity is released
     * @param note a note recorded on the job
     * @return the job as the command left it
     */
    public RouterJob close(String dispositionCode, Instant closeAt, String note) {
        return router.closeJob(jobId(), assignmentId(), dispositionCode, closeAt, note);
    }
}
