package dev.jobrouter;

import dev.jobrouter.core.internal.engine.WorkerFilter;
import dev.jobrouter.core.internal.host.LocalHost;
import dev.jobrouter.core.model.Page;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerStateSelector;

/**
 * A page of workers, filtered, in id order; filters not given do not filter.
 *
 * <pre>{@code
 * Page<RouterWorker> idle = router.workers().state(RouterWorkerStateSelector.ACTIVE).queue("q1")
 *         .hasCapacity(true).pageSize(50).list();
 * }</pre>
 */
public final class WorkerQuery {
    private final LocalHost host;
    private RouterWorkerStateSelector state;
    private String channelId;
    private String queueId;
    private Boolean hasCapacity;
    private String after;
    private int pageSize = JobQuery.DEFAULT_PAGE_SIZE;

    WorkerQuery(LocalHost host) {
        this.host = host;
    }

    /**
     * Keeps workers by state.
     *
     * @param state the state
     * @return this query, for chaining
     */
    public WorkerQuery state(RouterWorkerStateSelector state) {
        this.state = Arguments.required("state", state);
        return this;
    }

    /**
     * Keeps workers with the channel.
     *
     * @param channelId the channel's id
     * @return this query, for chaining
     */
    public WorkerQuery channel(String channelId) {
        this.channelId = Arguments.required("channelId", channelId);
        return this;
    }

    /**
     * Keeps workers on the queue.
     *
     * @param queueId the queue's id
     * @return this query, for chaining
     */
    public WorkerQuery queue(String queueId) {
        this.queueId = Arguments.required("queueId", queueId);
        return this;
    }

    /**
     * {@code true} keeps workers with room for one more job on the channel (any channel without one), {@code false} the others.
     *
     * @param hasCapacity whether to keep only workers with free capacity
     * @return this query, for chaining
     */
    public WorkerQuery hasCapacity(boolean hasCapacity) {
        this.hasCapacity = hasCapacity;
        return this;
    }

    /**
     * Starts the page after this id: the {@code continueAfter} of the page before.
     *
     * @param workerId the worker's id
     * @return this query, for chaining
     */
    public WorkerQuery after(String workerId) {
        this.after = Arguments.required("workerId", workerId);
        return this;
    }

    /**
     * The most workers in the page, 1 or more; {@value JobQuery#DEFAULT_PAGE_SIZE} by default.
     *
     * @param pageSize how many items a page holds
     * @return this query, for chaining
     */
    public WorkerQuery pageSize(int pageSize) {
        this.pageSize = pageSize;
        return this;
    }

    /**
     * @return the page, with the id to continue after when more workers follow
     * @throws dev.jobrouter.core.RouterException INVALID_ARGUMENT for a page size below 1
     */
    public Page<RouterWorker> list() {
        WorkerFilter filter = new WorkerFilter(state, channelId, queueId, hasCapacity);
        return host.read(engine -> engine.listWorkers(filter, after, pageSize));
    }
}
