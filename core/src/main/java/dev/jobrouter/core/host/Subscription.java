package dev.jobrouter.core.host;

/** A registered event listener; cancel it to stop receiving events. */
public interface Subscription extends AutoCloseable {
    /** Stops delivery to the listener. Idempotent. */
    void cancel();

    /** Same as {@link #cancel()}, for try-with-resources. */
    @Override
    default void close() {
        cancel();
    }
}
