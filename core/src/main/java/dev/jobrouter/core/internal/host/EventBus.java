package dev.jobrouter.core.internal.host;

import static java.util.Objects.requireNonNull;

import dev.jobrouter.core.event.RouterEvent;
import dev.jobrouter.core.host.Subscription;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to listeners in commit order, outside the host's lock, one dispatcher at a time.
 * The host appends each command's events while it holds its lock, so the queue is in commit order.
 * After unlocking, the committing thread delivers: unless another thread is delivering at that
 * moment, in which case its events queue behind and that thread delivers them, so the call returns at
 * once. Single-threaded code therefore sees every event of a call before the call returns; a listener
 * may call back into the router (its command's events queue behind the current one) and may wait on
 * another thread that writes to the router without deadlock.
 *
 * <p>A listener that throws anything, an {@link Error} too, is logged; the other listeners still get
 * the event, and the command that published it stays committed.
 */
final class EventBus {
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final List<Consumer<? super RouterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Queue<RouterEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    Subscription subscribe(Consumer<? super RouterEvent> listener) {
        requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Queues a committed command's events; called under the host's lock, so in commit order. */
    void append(List<RouterEvent> events) {
        if (!listeners.isEmpty()) {
            pending.addAll(events);
        }
    }

    /** Delivers what is queued, unless another thread (or an outer call on this one) is delivering already. */
    void deliver() {
        while (!pending.isEmpty() && delivering.compareAndSet(false, true)) {
            try {
                RouterEvent event;
                while ((event = pending.poll()) != null) {
                    deliver(event);
                }
            } finally {
                delivering.set(false);
            }
            // An event queued after the last poll but before the flag was cleared is ours to deliver.
        }
    }

    private void deliver(RouterEvent event) {
        for (Consumer<? super RouterEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (Throwable e) {
                log.warn("event listener {} failed on {}", listener, event, e);
            }
        }
    }
}
