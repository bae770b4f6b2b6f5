package dev.jobrouter.micrometer;

import static java.util.Objects.requireNonNull;

import dev.jobrouter.JobRouter;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.RouterCommand;
import dev.jobrouter.core.event.OfferAccepted;
import dev.jobrouter.core.event.OfferDeclined;
import dev.jobrouter.core.event.OfferExpired;
import dev.jobrouter.core.event.OfferIssued;
import dev.jobrouter.core.event.OfferRevoked;
import dev.jobrouter.core.event.JobQueued;
import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.host.Subscription;
import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A router's metrics for Micrometer:
 *
 * <table>
 *   <caption>meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code jobrouter.queue.length}</td><td>gauge</td><td>{@code queue}</td><td>queued jobs</td></tr>
 *   <tr><td>{@code jobrouter.jobs}</td><td>gauge</td><td>{@code status}</td><td>jobs with each status</td></tr>
 *   <tr><td>{@code jobrouter.offers}</td><td>counter</td><td>{@code outcome}: issued, accepted, declined,
 *       expired, revoked</td><td>offers, by what became of them</td></tr>
 *   <tr><td>{@code jobrouter.command.decision}</td><td>timer</td><td>{@code command}</td><td>how long the
 *       engine took to decide and apply a caller's command</td></tr>
 *   <tr><td>{@code jobrouter.refusals}</td><td>counter</td><td>{@code command}, {@code code}, {@code rule}
 *       ({@code none} when no rule refused, as for an unknown id)</td><td>refused commands</td></tr>
 * </table>
 *
 * <p>Queue gauges follow the queues: one for each queue when bound, one more the first time a job is
 * queued in a new queue, and {@link #refreshQueues()} drops those of deleted queues (a deleted queue's
 * gauge reads NaN until then). Gauges read the router when the registry asks, under its lock; the
 * counters and the timer follow its events and commands.
 *
 * <p>Bind it once; {@link #close()} stops it and removes its meters.
 */
public final class JobRouterMetrics implements MeterBinder, AutoCloseable {
    private final JobRouter router;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Iterable<Tag> tags;
    /** Every meter registered here, to remove at close: the registry may hold other routers' too. */
    private final Set<Meter> meters = ConcurrentHashMap.newKeySet();
    private final Map<String, Gauge> queueGauges = new ConcurrentHashMap<>();
    private MeterRegistry registry;

    /** @param router the router to measure */
    public JobRouterMetrics(JobRouter router) {
        this(router, Tags.empty());
    }

    /**
     * @param router the router to measure
     * @param tags tags on every meter, such as the router's name when a registry holds several
     */
    public JobRouterMetrics(JobRouter router, Iterable<Tag> tags) {
        this.router = requireNonNull(router, "router");
        this.tags = Tags.of(requireNonNull(tags, "tags"));
    }

    /** @throws IllegalStateException when bound already */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        requireNonNull(registry, "registry");
        if (this.registry != null) {
            throw new IllegalStateException("these metrics are bound already; make another JobRouterMetrics");
        }
        this.registry = registry;
        for (JobStatus status : JobStatus.values()) {
            meters.add(Gauge.builder("jobrouter.jobs", router, r -> r.countJobsByStatus().getOrDefault(status, 0))
                    .tag("status", status.name()).tags(tags).description("jobs with the status").register(registry));
        }
        refreshQueues();
        subscriptions.add(router.onEvent(this::onEvent));
        subscriptions.add(router.onCommand(this::onCommand));
    }

    /** Gauges every queue the router has and drops the gauges of queues it no longer has. */
    public synchronized void refreshQueues() {
        if (registry == null) {
            return;
        }
        Set<String> present = router.listQueues().stream().map(RouterQueue::id).collect(Collectors.toSet());
        queueGauges.keySet().removeIf(queueId -> {
            if (present.contains(queueId)) {
                return false;
            }
            registry.remove(queueGauges.get(queueId));
            return true;
        });
        present.forEach(this::gauge);
    }

    private void gauge(String queueId) {
        queueGauges.computeIfAbsent(queueId, id -> Gauge.builder("jobrouter.queue.length", router, r -> length(r, id))
                .tag("queue", id).tags(tags).description("jobs queued in the queue").register(registry));
    }

    private static double length(JobRouter router, String queueId) {
        try {
            return router.getQueueStatistics(queueId).length();
        } catch (RouterException e) {
            return Double.NaN;   // deleted: refreshQueues drops the gauge
        }
    }

    private void onEvent(RouterEvent event) {
        String outcome = event instanceof OfferIssued ? "issued"
                : event instanceof OfferAccepted ? "accepted"
                : event instanceof OfferDeclined ? "declined"
                : event instanceof OfferExpired ? "expired"
                : event instanceof OfferRevoked ? "revoked" : null;
        if (outcome != null) {
            kept(Counter.builder("jobrouter.offers").tag("outcome", outcome).tags(tags)
                    .description("offers, by what became of them").register(registry)).increment();
        } else if (event instanceof JobQueued queued && !queueGauges.containsKey(queued.queueId())) {
            synchronized (this) {
                gauge(queued.queueId());
            }
        }
    }

    private void onCommand(RouterCommand<?> command, long decisionNanos, RouterException refusal) {
        String name = command.getClass().getSimpleName();
        kept(Timer.builder("jobrouter.command.decision").tag("command", name).tags(tags)
                .description("how long the engine took to decide and apply a caller's command").register(registry))
                .record(decisionNanos, TimeUnit.NANOSECONDS);
        if (refusal != null) {
            ErrorCode code = refusal.code();
            kept(Counter.builder("jobrouter.refusals").tag("command", name).tag("code", code.name())
                    .tag("rule", refusal.rule() == null ? "none" : refusal.rule()).tags(tags)
                    .description("refused commands").register(registry)).increment();
        }
    }

    private <M extends Meter> M kept(M meter) {
        meters.add(meter);
        return meter;
    }

    /** Stops following the router and removes every meter these metrics registered. */
    @Override
    public synchronized void close() {
        subscriptions.forEach(Subscription::cancel);
        subscriptions.clear();
        if (registry != null) {
            queueGauges.values().forEach(registry::remove);
            queueGauges.clear();
            meters.forEach(registry::remove);
            meters.clear();
        }
    }
}
