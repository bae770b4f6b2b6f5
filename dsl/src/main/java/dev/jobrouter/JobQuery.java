package dev.jobrouter;

import dev.jobrouter.core.internal.engine.JobFilter;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.Page;
import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterJobStatusSelector;
import java.time.Instant;

/**
 * A page of jobs, filtered, in id order; filters not given do not filter. Answered from an index when it
 * names a status or a queue, so a page costs the jobs it walks from {@code after}, not the whole router.
 *
 * <pre>{@code
 * Page<RouterJob> page = router.jobs().status(RouterJobStatusSelector.QUEUED).queue("q1").pageSize(100).list();
 * while (page.continueAfter() != null) {
 *     page = router.jobs().status(RouterJobStatusSelector.QUEUED).queue("q1").pageSize(100)
 *             .after(page.continueAfter()).list();
 * }
 * }</pre>
 */
public final class JobQuery {
    /** The page size when none is given. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final LocalHost host;
    private RouterJobStatusSelector status;
    private String queueId;
    private String channelId;
    private String classificationPolicyId;
    private Instant scheduledBefore;
    private Instant scheduledAfter;
    private String after;
    private int pageSize = DEFAULT_PAGE_SIZE;

    JobQuery(LocalHost host) {
        this.host = host;
    }

    /**
     * Keeps jobs by status: ALL, ACTIVE (neither closed nor cancelled) or one status.
     *
     * @param status the status
     * @return this query, for chaining
     */
    public JobQuery status(RouterJobStatusSelector status) {
        this.status = Arguments.required("status", status);
        return this;
    }

    /**
     * Keeps the jobs of the queue.
     *
     * @param queueId the queue's id
     * @return this query, for chaining
     */
    public JobQuery queue(String queueId) {
        this.queueId = Arguments.required("queueId", queueId);
        return this;
    }

    /**
     * Keeps the jobs on the channel.
     *
     * @param channelId the channel's id
     * @return this query, for chaining
     */
    public JobQuery channel(String channelId) {
        this.channelId = Arguments.required("channelId", channelId);
        return this;
    }

    /**
     * Keeps the jobs that name the classification policy.
     *
     * @param policyId the policy's id
     * @return this query, for chaining
     */
    public JobQuery classificationPolicy(String policyId) {
        this.classificationPolicyId = Arguments.required("policyId", policyId);
        return this;
    }

    /**
     * Keeps jobs with a {@code scheduledAt} at or before the instant.
     *
     * @param instant the instant
     * @return this query, for chaining
     */
    public JobQuery scheduledBefore(Instant instant) {
        this.scheduledBefore = Arguments.required("scheduledBefore", instant);
        return this;
    }

    /**
     * Keeps jobs with a {@code scheduledAt} at or after the instant.
     *
     * @param instant the instant
     * @return this query, for chaining
     */
    public JobQuery scheduledAfter(Instant instant) {
        this.scheduledAfter = Arguments.required("scheduledAfter", instant);
        return this;
    }

    /**
     * Starts the page after this id: the {@code continueAfter} of the page before.
     *
     * @param jobId the job's id
     * @return this query, for chaining
     */
    public JobQuery after(String jobId) {
        this.after = Arguments.required("jobId", jobId);
        return this;
    }

    /**
     * The most jobs in the page, 1 or more; {@value #DEFAULT_PAGE_SIZE} by default.
     *
     * @param pageSize how many items a page holds
     * @return this query, for chaining
     */
    public JobQuery pageSize(int pageSize) {
        this.pageSize = pageSize;
        return this;
    }

    /**
     * @return the page, with the id to continue after when more jobs follow
     * @throws dev.jobrouter.core.RouterException INVALID_ARGUMENT for a page size below 1
     */
    public Page<RouterJob> list() {
        JobFilter filter = new JobFilter(status, queueId, channelId, classificationPolicyId, scheduledBefore,
                scheduledAfter);
        return host.read(engine -> engine.listJobs(filter, after, pageSize));
    }
}
